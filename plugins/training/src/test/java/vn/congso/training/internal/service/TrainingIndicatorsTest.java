package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.indicators.TrainingFigures;
import vn.congso.training.internal.indicators.TrainingIndicators;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;
import vn.congso.training.internal.store.Jdbc;

/**
 * Training's dashboard indicators over a real (Derby) database: who completed a course, the
 * pass rate with its counts, certificates valid and expiring, by unit and for one unit, computed
 * as the platform computes them (a system actor, no viewer permissions).
 */
class TrainingIndicatorsTest {

    @TempDir
    Path folder;

    private TrainingFixture f;
    private long course;
    private long exam;
    private long lesson;
    private TrainingFigures figures;

    @BeforeEach
    void setUp() throws Exception {
        f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
        for (int i = 0; i < 4; i++) {
            f.bank.createQuestion("CNTT", TrueFalseQuestion.of("Mệnh đề " + i + " đúng.", true));
        }
        course = f.courses.create(new CourseService.CourseDraft("Kỹ năng CNTT", "", "it-basics", 60));
        lesson = f.courses.addLesson(course, new CourseService.LessonDraft("Bài 1", "Nội dung", ""));
        f.courses.setPublished(course, true);
        Instant now = f.clock.instant();
        exam = f.exams.create(new ExamService.ExamDraft("Kiểm tra", "", course, new ExamSettings(Duration.ofMinutes(10),
                now, now.plus(Duration.ofDays(30)), 3, 50, GradingMethod.HIGHEST, Duration.ZERO),
                List.of(new DrawRule("CNTT", 4)), ExamService.ReviewOptions.FULL, 12));
        f.courses.enrolUnits(course, List.of("xa-tai-van", "xa-lieu-tu"), null);

        study("an.nguyen");
        sit("an.nguyen", 4);
        sit("binh.tran", 1);
        sit("binh.tran", 1);
        study("chi.le");
        sit("chi.le", 1);
        sit("chi.le", 3);
        f.users.clear();
        figures = new TrainingFigures(new Jdbc(f.dataSource), f.directory, f.clock);
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    private void study(String learner) {
        f.become(learner, TrainingFixture.LEARNER);
        f.courses.markViewed(lesson);
    }

    private void sit(String learner, int right) {
        f.become(learner, TrainingFixture.LEARNER);
        ExamService.AttemptSession attempt = f.exams.startOrResume(exam);
        for (int i = 0; i < attempt.questions().size(); i++) {
            f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(i).questionId(),
                    new Response.Truth(i < right));
        }
        f.exams.submit(attempt.attemptId());
    }

    /** Computes as the platform does: on the caller's thread as a system actor. */
    private IndicatorValue compute(Indicator indicator, Period period, String unit) throws Exception {
        return f.users.call(f.users.system("system:dashboard"), () -> indicator.compute(period, unit));
    }

    private static Map<String, Double> parts(IndicatorValue value) {
        return value.breakdown().stream().collect(Collectors.toMap(IndicatorValue.Entry::key,
                IndicatorValue.Entry::value));
    }

    @Test
    void everyIndicatorHasItsTextsInBothLanguages() throws Exception {
        java.util.Properties vi = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        vi.load(new java.io.InputStreamReader(getClass().getResourceAsStream(
                "/OSGI-INF/l10n/training-indicators.properties"), java.nio.charset.StandardCharsets.UTF_8));
        en.load(new java.io.InputStreamReader(getClass().getResourceAsStream(
                "/OSGI-INF/l10n/training-indicators_en.properties"), java.nio.charset.StandardCharsets.UTF_8));
        List<Indicator> all = List.of(new TrainingIndicators.Trained(figures), new TrainingIndicators.PassRate(figures),
                new TrainingIndicators.ValidCertificates(figures), new TrainingIndicators.ExpiringCertificates(figures));
        assertEquals(List.of("training.trained", "training.pass-rate", "training.certificates-valid",
                "training.certificates-expiring"), all.stream().map(Indicator::id).toList());
        assertEquals(List.of(10, 20, 30, 40), all.stream().map(Indicator::order).toList(), "cards in this order");
        for (Indicator indicator : all) {
            for (String key : List.of(indicator.titleKey(), indicator.descriptionKey().orElseThrow())) {
                assertTrue(vi.containsKey(key) && en.containsKey(key), "missing " + key);
            }
        }
        assertTrue(vi.containsKey("training.indicator.unit-unknown") && en.containsKey("training.indicator.unit-unknown"));
    }

    @Test
    void civilServantsTrainedCountsCompletionsInThePeriodByUnit() throws Exception {
        Indicator trained = new TrainingIndicators.Trained(figures);
        assertEquals("training.trained", trained.id());
        assertTrue(trained.isPublic());
        assertEquals(UnitOfMeasure.COUNT, trained.unitOfMeasure());

        IndicatorValue november = compute(trained, Period.month(YearMonth.of(2026, 11)), Indicator.ALL_UNITS);
        assertEquals(2.0, november.value().getAsDouble(), "an and chi studied and passed; binh failed");
        assertEquals(Map.of("huyen-tran-de", 0.0, "xa-tai-van", 1.0, "xa-lieu-tu", 1.0), parts(november));
        assertEquals(1.0, compute(trained, Period.year(2026), "xa-lieu-tu").value().getAsDouble());
        assertEquals(0.0, compute(trained, Period.month(YearMonth.of(2026, 10)), Indicator.ALL_UNITS).value()
                .getAsDouble(), "nobody completed anything in October");
    }

    @Test
    void passRateIsPassedOverSatWithItsCountsPerUnit() throws Exception {
        Indicator rate = new TrainingIndicators.PassRate(figures);
        assertTrue(rate.isPublic());
        assertEquals(UnitOfMeasure.PERCENT, rate.unitOfMeasure());
        IndicatorValue all = compute(rate, Period.quarter(2026, 4), Indicator.ALL_UNITS);
        assertEquals(new IndicatorValue.Fraction(2, 3), all.fraction().orElseThrow(),
                "three people sat (binh twice counts once), two passed");
        assertEquals(200.0 / 3, all.value().getAsDouble(), 1e-9);
        IndicatorValue.Entry taiVan = all.breakdown().stream().filter(e -> e.key().equals("xa-tai-van")).findFirst()
                .orElseThrow();
        assertEquals(new IndicatorValue.Fraction(1, 2), taiVan.fraction().orElseThrow());
        assertEquals(50.0, taiVan.value(), 1e-9);
        assertEquals("Xã Tài Văn", taiVan.label());
        assertFalse(all.breakdown().stream().anyMatch(e -> e.key().equals("huyen-tran-de")),
                "a unit where nobody sat has no rate to show");

        IndicatorValue lieuTu = compute(rate, Period.quarter(2026, 4), "xa-lieu-tu");
        assertEquals(new IndicatorValue.Fraction(1, 1), lieuTu.fraction().orElseThrow());
        IndicatorValue empty = compute(rate, Period.quarter(2026, 3), Indicator.ALL_UNITS);
        assertTrue(empty.value().isEmpty(), "no one sat: no rate rather than 0 %");
        assertEquals(new IndicatorValue.Fraction(0, 0), empty.fraction().orElseThrow());
    }

    @Test
    void certificatesValidAndExpiringFollowTheirDatesAndRevocation() throws Exception {
        Indicator valid = new TrainingIndicators.ValidCertificates(figures);
        Indicator expiring = new TrainingIndicators.ExpiringCertificates(figures);
        assertFalse(valid.isPublic());
        assertFalse(expiring.isPublic());
        assertEquals(2.0, compute(valid, Period.year(2026), Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(0.0, compute(valid, Period.year(2025), Indicator.ALL_UNITS).value().getAsDouble(),
                "not yet issued at the end of 2025");
        assertEquals(0.0, compute(expiring, Period.year(2026), Indicator.ALL_UNITS).value().getAsDouble());

        f.become("chi.le", TrainingFixture.LEARNER);
        String code = f.certificates.mine().get(0).code();
        f.become("trainer", TrainingFixture.TRAINER);
        f.certificates.revoke(code, "Thi hộ");
        f.users.clear();
        assertEquals(1.0, compute(valid, Period.year(2026), Indicator.ALL_UNITS).value().getAsDouble(),
                "a revoked certificate is not valid");
        assertEquals(Map.of("huyen-tran-de", 0.0, "xa-tai-van", 1.0, "xa-lieu-tu", 0.0),
                parts(compute(valid, Period.year(2026), Indicator.ALL_UNITS)));
        // Eleven months and a week later, the twelve-month certificate left expires within 30 days.
        f.clock.advance(Duration.ofDays(340));
        assertEquals(1.0, compute(expiring, Period.year(2027), Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(1.0, compute(expiring, Period.year(2027), "xa-tai-van").value().getAsDouble());
        assertEquals(0.0, compute(expiring, Period.year(2027), "xa-lieu-tu").value().getAsDouble());
        f.clock.advance(Duration.ofDays(30));
        assertEquals(0.0, compute(valid, Period.year(2027), Indicator.ALL_UNITS).value().getAsDouble(),
                "expired certificates are no longer valid");
    }
    @Test
    void factsKeepTheUnitTheyWereRecordedForAndFollowAMergeOnTheDashboard() throws Exception {
        // Chi completed the course in Liêu Tú, then moved to Tài Văn: what she did stays in Liêu Tú.
        f.directory.people.replaceAll(p -> p.username().equals("chi.le")
                ? new vn.congso.api.security.UserDirectory.Person("chi.le", "Lê Minh Chi", "", "xa-tai-van", true,
                        java.util.Set.of("learner"))
                : p);
        Indicator trained = new TrainingIndicators.Trained(figures);
        Period november = Period.month(YearMonth.of(2026, 11));
        assertEquals(Map.of("huyen-tran-de", 0.0, "xa-tai-van", 1.0, "xa-lieu-tu", 1.0),
                parts(compute(trained, november, Indicator.ALL_UNITS)), "a transfer does not move a completion");

        // Then Liêu Tú is merged into Tài Văn. Shown as units are now, its facts count for Tài Văn;
        // asked for Liêu Tú itself, they are still there (as it was).
        vn.congso.api.units.UnitDirectory merged = new MergedUnits("xa-lieu-tu", "xa-tai-van");
        TrainingFigures now = new TrainingFigures(new Jdbc(f.dataSource), f.directory, merged, f.clock);
        Indicator trainedNow = new TrainingIndicators.Trained(now);
        assertEquals(Map.of("huyen-tran-de", 0.0, "xa-tai-van", 2.0, "xa-lieu-tu", 0.0),
                parts(compute(trainedNow, november, Indicator.ALL_UNITS)));
        assertEquals(2.0, compute(trainedNow, november, "xa-tai-van").value().getAsDouble());
        assertEquals(1.0, compute(trainedNow, november, "xa-lieu-tu").value().getAsDouble());
        IndicatorValue rate = compute(new TrainingIndicators.PassRate(now), Period.quarter(2026, 4), "xa-tai-van");
        assertEquals(new IndicatorValue.Fraction(2, 3), rate.fraction().orElseThrow(),
                "an and binh sat in Tài Văn, chi in the Liêu Tú that became part of it");
        assertEquals(2.0, compute(new TrainingIndicators.ValidCertificates(now), Period.year(2026), "xa-tai-van")
                .value().getAsDouble());
    }

    @Test
    void recordsOfEarlierReleasesGetTheUnitOfTheirDayFromTheAccountsHistory() throws Exception {
        Jdbc jdbc = new Jdbc(f.dataSource);
        jdbc.transaction(c -> {
            Jdbc.update(c, "UPDATE trn_enrolment SET unit_id = NULL");
            Jdbc.update(c, "UPDATE trn_attempt SET unit_id = NULL");
            Jdbc.update(c, "UPDATE trn_certificate SET unit_id = NULL");
            return null;
        });
        // The history says chi.le was in Tài Văn when she did all this (she is in Liêu Tú today);
        // nobody knows binh.tran's unit.
        vn.congso.api.units.UnitDirectory history = new MergedUnits("", "") {
            @Override
            public java.util.Optional<vn.congso.api.units.OrgUnit> unitOf(String username, java.time.LocalDate day) {
                return username.equals("chi.le") ? java.util.Optional.of(commune("xa-tai-van"))
                        : username.equals("an.nguyen") ? java.util.Optional.of(commune("xa-tai-van"))
                        : java.util.Optional.empty();
            }
        };
        int filled = TrainingUnitBackfill.fill(jdbc, history, f.clock);
        assertEquals(7, filled, "an: enrolment, attempt, certificate; chi: enrolment, two attempts, certificate;"
                + " binh's rows stay without a unit");
        assertEquals(List.of("xa-tai-van"), jdbc.transaction(c -> Jdbc.list(c,
                "SELECT DISTINCT unit_id FROM trn_attempt WHERE username = 'chi.le'", rs -> rs.getString(1))));
        assertEquals(0, TrainingUnitBackfill.fill(jdbc, history, f.clock), "a second start finds nothing to fill");
        IndicatorValue rate = compute(new TrainingIndicators.PassRate(figures), Period.quarter(2026, 4),
                Indicator.ALL_UNITS);
        assertTrue(rate.breakdown().stream().anyMatch(e -> e.key().isEmpty() && e.fraction().orElseThrow()
                .equals(new IndicatorValue.Fraction(0, 1))), "binh's failed attempts count under 'unit unknown': "
                + rate.breakdown());
        assertTrue(rate.breakdown().stream().anyMatch(e -> e.key().equals("xa-tai-van") && e.fraction().orElseThrow()
                .equals(new IndicatorValue.Fraction(2, 2))), "an and chi passed in Tài Văn: " + rate.breakdown());
    }

    /** Units where one commune was merged into another; every other unit is its own successor. */
    static class MergedUnits implements vn.congso.api.units.UnitDirectory {
        private final String merged;
        private final String into;

        MergedUnits(String merged, String into) {
            this.merged = merged;
            this.into = into;
        }

        static vn.congso.api.units.OrgUnit commune(String code) {
            return new vn.congso.api.units.OrgUnit(code, code, vn.congso.api.units.OrgUnit.Level.COMMUNE,
                    java.util.Optional.empty(), java.time.LocalDate.of(2008, 1, 1), java.util.Optional.empty());
        }

        @Override
        public List<vn.congso.api.units.OrgUnit> validOn(java.time.LocalDate day) {
            return List.of();
        }

        @Override
        public java.util.Optional<vn.congso.api.units.OrgUnit> unit(String code) {
            return java.util.Optional.of(commune(code));
        }

        @Override
        public List<vn.congso.api.units.OrgUnit> successors(String code, java.time.LocalDate day) {
            return List.of(commune(code.equals(merged) ? into : code));
        }

        @Override
        public java.util.Optional<vn.congso.api.units.OrgUnit> unitOf(String username, java.time.LocalDate day) {
            return java.util.Optional.empty();
        }
    }
}
