package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;
import vn.congso.training.internal.service.CertificateService.Status;

/** Certificates from passing to verification and revocation, and the reports over the same results. */
class CertificateAndReportTest {

    @TempDir
    Path folder;

    private TrainingFixture f;
    private long course;
    private long exam;
    private long lesson;

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
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    /** The learner sits the exam answering the given number of questions right. */
    private ExamService.AttemptResult sit(String learner, int right) {
        f.become(learner, TrainingFixture.LEARNER);
        ExamService.AttemptSession attempt = f.exams.startOrResume(exam);
        for (int i = 0; i < attempt.questions().size(); i++) {
            f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(i).questionId(),
                    new Response.Truth(i < right));
        }
        return f.exams.submit(attempt.attemptId());
    }

    /** The learner studies every lesson of the course. */
    private void study(String learner) {
        f.become(learner, TrainingFixture.LEARNER);
        f.courses.markViewed(lesson);
    }

    @Test
    void passingIssuesAVerifiableCertificateThatCanExpireAndBeRevoked() throws Exception {
        study("an.nguyen");
        ExamService.AttemptResult failed = sit("an.nguyen", 1);
        assertFalse(failed.passed());
        assertEquals(null, failed.certificateCode());
        ExamService.AttemptResult passed = sit("an.nguyen", 3);
        String code = passed.certificateCode();
        assertNotNull(code);
        assertTrue(code.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"), code);

        CertificateService.Certificate mine = f.certificates.mine().get(0);
        assertEquals("Nguyễn Văn An", mine.holderName());
        assertEquals("Xã Tài Văn", mine.unitName());
        assertEquals("Kỹ năng CNTT", mine.title());
        assertEquals(75.0, mine.percentage(), 1e-9);

        byte[] pdf = f.certificates.pdf(code.toLowerCase(Locale.ROOT).replace("-", ""),
                vn.congso.api.TranslationService.VIETNAMESE);
        assertTrue(new String(pdf, StandardCharsets.UTF_8).startsWith("%PDF"));
        assertEquals("pdf/certificate.xhtml", f.pdf.template);
        assertEquals("Tra cứu tại: https://congso.trande.example/training/verify/" + code, f.pdf.data.get("verifyAt"));
        assertEquals("vi", f.pdf.data.get("lang"));
        assertEquals("Nguyễn Văn An", f.pdf.data.get("holder"));
        assertTemplateGetsEveryPlaceholder(f.pdf.data.keySet());

        // Someone else's certificate is "not found" to a learner.
        f.become("binh.tran", TrainingFixture.LEARNER);
        assertThrows(TrainingException.class, () -> f.certificates.get(code));

        // Anyone, signed in or not, can verify.
        f.users.clear();
        CertificateService.Verification valid = f.certificates.verify(" " + code.toLowerCase(Locale.ROOT) + " ");
        assertEquals(Status.VALID, valid.status());
        assertEquals("Nguyễn Văn An", valid.holderName());
        assertEquals(Status.UNKNOWN, f.certificates.verify("AAAA-BBBB-CCCC-DDDD").status());
        assertEquals(Status.UNKNOWN, f.certificates.verify("<script>").status());
        f.clock.advance(Duration.ofDays(366));
        assertEquals(Status.EXPIRED, f.certificates.verify(code).status());
        f.clock.advance(Duration.ofDays(-366));

        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertThrows(AccessDeniedException.class, () -> f.certificates.revoke(code, "Gian lận"));
        f.become("trainer", TrainingFixture.TRAINER);
        assertEquals("training.certificate.reason-required",
                assertThrows(TrainingException.class, () -> f.certificates.revoke(code, " ")).problems().get(0).key());
        f.certificates.revoke(code, "Thi hộ");
        assertEquals(Status.REVOKED, f.certificates.verify(code).status());
        assertEquals("training.certificate.already-revoked",
                assertThrows(TrainingException.class, () -> f.certificates.revoke(code, "Lần nữa")).problems().get(0)
                        .key());
        assertEquals(1, f.audit.count("training.certificate.revoke", Outcome.SUCCESS));
        assertEquals(1, f.audit.count("training.certificate.revoke", Outcome.DENIED) - 1,
                "the learner's and the reasonless attempt were both refused and audited");

        // Re-certification: with the old one revoked, passing again issues a new one.
        String renewed = sit("an.nguyen", 4).certificateCode();
        assertNotNull(renewed);
        assertNotEquals(code, renewed);
    }

    @Test
    void aLearnerWhoStudiedOneOfFiveLessonsAndPassedHasNotCompletedTheCourseNorACertificate() {
        f.become("trainer", TrainingFixture.TRAINER);
        List<Long> lessons = new java.util.ArrayList<>(List.of(lesson));
        for (int i = 2; i <= 5; i++) {
            lessons.add(f.courses.addLesson(course, new CourseService.LessonDraft("Bài " + i, "Nội dung", "")));
        }
        f.become("an.nguyen", TrainingFixture.LEARNER);
        f.courses.markViewed(lessons.get(0));
        ExamService.AttemptResult passed = sit("an.nguyen", 4);
        assertTrue(passed.passed());
        assertEquals(null, passed.certificateCode(), "1/5 lessons: no certificate saying the course was completed");
        assertEquals(List.of(), f.certificates.mine());
        CourseService.Progress progress = f.courses.progress(course);
        assertEquals(1, progress.lessonsViewed());
        assertTrue(progress.examPassed());
        assertFalse(progress.completed(), "the course page and the catalogue would say completed");
        f.become("trainer", TrainingFixture.TRAINER);
        assertEquals(0, f.reports.course(course).total().completed());
        assertEquals(0, f.reports.exam(exam).total().completed(), "the exam tab agrees with the course tab");
        assertEquals(1, f.reports.exam(exam).total().passed());

        f.become("an.nguyen", TrainingFixture.LEARNER);
        for (long l : lessons.subList(1, 4)) {
            f.courses.markViewed(l);
        }
        assertEquals(List.of(), f.certificates.mine(), "4/5 lessons: still none");
        f.courses.markViewed(lessons.get(4));
        assertTrue(f.courses.progress(course).completed());
        List<CertificateService.Certificate> mine = f.certificates.mine();
        assertEquals(1, mine.size(), "the last lesson completes the course and issues the certificate");
        assertEquals("Kỹ năng CNTT", mine.get(0).title());
        assertEquals(100.0, mine.get(0).percentage(), 1e-9);
        assertEquals(mine.get(0).code(), f.exams.result(passed.attemptId()).certificateCode(),
                "the passed attempt's result page shows it");
        f.courses.markViewed(lessons.get(4));
        assertEquals(1, f.certificates.mine().size(), "studying again issues no second certificate");
        f.become("trainer", TrainingFixture.TRAINER);
        assertEquals(1, f.reports.course(course).total().completed());
        assertEquals(1, f.reports.exam(exam).total().completed());
        assertEquals(1, f.audit.count("training.certificate.issue", Outcome.SUCCESS));
    }

    @Test
    void reportsCountByUnitAndExportCsvAndCharts() {
        sit("an.nguyen", 4);
        sit("binh.tran", 1);
        f.become("trainer", TrainingFixture.TRAINER);
        List<ExamService.AttemptResult> attempts = f.exams.attemptsOf(exam);
        assertEquals(List.of("an.nguyen", "binh.tran"),
                attempts.stream().map(ExamService.AttemptResult::username).toList());
        assertEquals(List.of(100.0, 25.0), attempts.stream().map(ExamService.AttemptResult::percentage).toList());
        ReportService.ExamReport report = f.reports.exam(exam);
        assertEquals(3, report.total().enrolled());
        assertEquals(2, report.total().graded());
        assertEquals(1, report.total().passed());
        assertEquals(50.0, report.total().passRate().orElseThrow(), 1e-9);
        assertEquals(62.5, report.total().averagePercentage().orElseThrow(), 1e-9);
        assertEquals(List.of("Xã Tài Văn", "Xã Liêu Tú"),
                report.byUnit().stream().map(ReportService.UnitRow::unitName).toList());
        assertEquals(2, report.byUnit().get(0).counts().graded());
        assertEquals(0, report.byUnit().get(1).counts().graded());
        // binh.tran moves to Liêu Tú: her enrolment and attempt stay with Tài Văn, where she made them.
        f.directory.people.replaceAll(p -> p.username().equals("binh.tran") ? new vn.congso.api.security.UserDirectory.Person(
                "binh.tran", p.fullName(), "", "xa-lieu-tu", true, p.roles()) : p);
        assertEquals(2, f.reports.exam(exam).byUnit().get(0).counts().graded(), "a transfer does not move results");
        assertEquals(4, report.questions().size());
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 1), report.scoreHistogram());

        ReportService.CourseReport courseReport = f.reports.course(course);
        assertEquals(3, courseReport.total().enrolled());
        assertEquals(0, courseReport.total().completed(), "nobody viewed the lesson yet");
        assertEquals(2, courseReport.total().inProgress());
        assertEquals(1, courseReport.total().notStarted(), "the third learner of the units did nothing");
        // the exam tab counts the same people the same way as the course tab
        assertEquals(courseReport.total().enrolled(), report.total().enrolled());
        assertEquals(courseReport.total().notStarted(), report.total().notStarted());
        assertEquals(courseReport.total().inProgress(), report.total().inProgress());
        assertEquals(courseReport.total().completed(), report.total().completed());

        byte[] csv = f.reports.examCsv(exam, Locale.ENGLISH);
        assertEquals(0xEF, csv[0] & 0xFF);
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("training.report.enrolled,training.report.not-started,training.report.in-progress,"), text);
        assertTrue(text.contains("Xã Tài Văn,2,0,2,0,2,1,50.0,62.5\r\n"), text);

        String svg = f.reports.passRateByUnitSvg(exam, Locale.ENGLISH, 600, 300);
        assertTrue(svg.contains("<svg") && svg.contains("Xã Tài Văn (1/2)"), svg);
        // labels at least as large as the screen's small text where the chart is shown (~0.75 scale)
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("font-size: ?(\\d+(?:\\.\\d+)?)px").matcher(svg);
        int sizes = 0;
        while (size.find()) {
            sizes++;
            assertTrue(Double.parseDouble(size.group(1)) >= 14, "chart text too small: " + size.group());
        }
        assertTrue(sizes > 0, "no font size found in the chart");
        String histogram = f.reports.scoreHistogramSvg(exam, Locale.ENGLISH, 600, 300);
        assertTrue(histogram.contains("<svg"));
        // Every band is labelled, the last one too, and learners are counted in whole people.
        assertTrue(histogram.contains(">90–100</text>"), "the last band's label is cut");
        assertFalse(java.util.regex.Pattern.compile(">\\d+\\.\\d+</text>").matcher(histogram).find(),
                "fractional learner counts on the axis");

        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertThrows(AccessDeniedException.class, () -> f.reports.exam(exam));
        assertThrows(AccessDeniedException.class, () -> f.exams.attemptsOf(exam));
    }

    /**
     * The real renderer refuses a template that is not well-formed or has a placeholder without
     * data; check both here, where the renderer is faked.
     */
    private static void assertTemplateGetsEveryPlaceholder(java.util.Set<String> keys) throws Exception {
        try (java.io.InputStream in = CertificateAndReportTest.class.getClassLoader()
                .getResourceAsStream("pdf/certificate.xhtml")) {
            byte[] bytes = in.readAllBytes();
            javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(bytes));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z]+)}")
                    .matcher(new String(bytes, StandardCharsets.UTF_8));
            int placeholders = 0;
            while (m.find()) {
                placeholders++;
                assertTrue(keys.contains(m.group(1)), "no data for ${" + m.group(1) + "}");
            }
            assertTrue(placeholders >= 10, "placeholders found: " + placeholders);
        }
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", vn.congso.api.text.Csv.cell("=HYPERLINK(\"x\")").replace("\"'", "'")
                .replaceFirst("^\"", "").replaceFirst("\"$", ""));
        assertEquals("-12.5", vn.congso.api.text.Csv.cell("-12.5"));
        assertEquals("\"a,b\"", vn.congso.api.text.Csv.cell("a,b"));
    }
}
