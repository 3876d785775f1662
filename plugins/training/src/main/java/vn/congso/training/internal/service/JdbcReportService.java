package vn.congso.training.internal.service;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.text.Csv;
import vn.congso.api.units.UnitDirectory;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.report.QuestionStatistics;
import vn.congso.training.internal.store.Jdbc;
import vn.congso.training.internal.store.QuestionStore;

/** Course and exam reports, CSV files and SVG charts. */
@Component(service = ReportService.class)
public final class JdbcReportService implements ReportService {

    private static final int BANDS = 10;
    /** Chart text size in the picture's pixels. */
    static final int FONT_PX = 15;
    private static final String NO_UNIT = "";

    private final Jdbc jdbc;
    private final Guard guard;
    private final UserDirectory directory;
    private final TranslationService translations;
    private final QuestionStore store;

    /**
     * Creates the service.
     *
     * @param database the platform database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param directory people and units
     * @param translations texts for CSV headings and chart labels
     * @param units units over time, to name a unit a learner was recorded for that no longer exists
     */
    @Activate
    public JdbcReportService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference UserDirectory directory, @Reference TranslationService translations,
            @Reference UnitDirectory units) {
        this(database, users, audit, directory, translations, new QuestionStore());
        this.units = units;
    }

    JdbcReportService(Database database, CurrentUserService users, AuditLog audit, UserDirectory directory,
            TranslationService translations, QuestionStore store) {
        this.jdbc = new Jdbc(database.dataSource());
        this.guard = new Guard(users, audit);
        this.directory = directory;
        this.translations = translations;
        this.store = store;
    }

    /** Units over time; null in tests that do not reorganise. */
    private UnitDirectory units;

    /** One learner's facts, from which every count is derived. */
    private record Learner(String username, String unitId, boolean enrolled, boolean started, boolean completed,
            OptionalDouble percentage, boolean passed) {
    }

    @Override
    public CourseReport course(long courseId) {
        guard.read(TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            String title = Jdbc.one(c, "SELECT title FROM trn_course WHERE id = ?", rs -> rs.getString(1), courseId);
            if (title == null) {
                throw new vn.congso.training.internal.TrainingException("training.course.not-found", courseId);
            }
            Long examId = ExamResults.courseExam(c, courseId);
            Map<String, String> units = unitsOfPeople();
            List<Learner> learners = new ArrayList<>();
            for (String username : enrolled(c, courseId)) {
                learners.add(learner(c, courseId, examId, username, units));
            }
            return new CourseReport(courseId, title, counts(learners, l -> true), byUnit(learners));
        });
    }

    @Override
    public ExamReport exam(long examId) {
        guard.read(TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> exam(c, examId));
    }

    private ExamReport exam(Connection c, long examId) throws SQLException {
        ExamService.Exam exam = JdbcExamService.exam(c, examId);
        Map<String, String> units = unitsOfPeople();
        Long courseId = exam.draft().courseId();
        // A course's exam counts the course's learners, exactly as the course's report does, so
        // both tabs agree; a standalone exam counts the people who sat it.
        List<String> people = courseId != null ? enrolled(c, courseId)
                : Jdbc.list(c, "SELECT DISTINCT username FROM trn_attempt WHERE exam_id = ? ORDER BY username",
                        rs -> rs.getString(1), examId);
        List<Learner> learners = new ArrayList<>();
        int[] histogram = new int[BANDS];
        for (String username : people) {
            Learner learner = learner(c, courseId, examId, username, units);
            learners.add(learner);
            learner.percentage().ifPresent(p -> histogram[Math.min(BANDS - 1, (int) (p / (100.0 / BANDS)))]++);
        }
        List<Integer> bands = new ArrayList<>();
        for (int band : histogram) {
            bands.add(band);
        }
        return new ExamReport(examId, exam.draft().title(), counts(learners, l -> true), byUnit(learners),
                questionRows(c, examId), bands);
    }

    private static List<String> enrolled(Connection c, long courseId) throws SQLException {
        return Jdbc.list(c, "SELECT username FROM trn_enrolment WHERE course_id = ? ORDER BY username",
                rs -> rs.getString(1), courseId);
    }

    /**
     * One learner's facts, the same for the course tab and its exam's tab: completed by the
     * course's one rule ({@link Completion}) when the exam has a course, by passing otherwise.
     */
    private static Learner learner(Connection c, Long courseId, Long examId, String username,
            Map<String, String> units) throws SQLException {
        CourseService.Progress progress = courseId == null ? null : Completion.progress(c, courseId, username);
        ExamResults.Standing standing = examId == null ? new ExamResults.Standing(OptionalDouble.empty(), false)
                : ExamResults.standing(c, examId, username);
        boolean attempted = examId != null && Jdbc.one(c, "SELECT COUNT(*) FROM trn_attempt WHERE exam_id = ?"
                + " AND username = ?", rs -> rs.getInt(1), examId, username) > 0;
        boolean started = attempted || (progress != null && progress.lessonsViewed() > 0);
        boolean completed = progress != null ? progress.completed() : standing.passed();
        // The unit the learner belonged to when enrolled (or, for a standalone exam, at the first
        // attempt): a later transfer or reorganisation does not move what happened. Records made
        // before units were kept, and not yet filled from the account's history, take today's unit.
        String recorded = courseId != null
                ? Jdbc.one(c, "SELECT unit_id FROM trn_enrolment WHERE course_id = ? AND username = ?",
                        rs -> rs.getString(1), courseId, username)
                : Jdbc.one(c, "SELECT unit_id FROM trn_attempt WHERE exam_id = ? AND username = ?"
                        + " AND unit_id IS NOT NULL ORDER BY attempt_no FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getString(1), examId, username);
        String unit = recorded != null ? recorded : units.getOrDefault(username, NO_UNIT);
        return new Learner(username, unit, progress == null || progress.enrolled(),
                started, completed, standing.percentage(), standing.passed());
    }

    /** Statistics over each learner's first graded attempt, as Moodle does by default. */
    private List<QuestionRow> questionRows(Connection c, long examId) throws SQLException {
        List<Object[]> rows = Jdbc.list(c, "SELECT a.id, a.score, x.question_id, x.question_version, x.score AS q_score,"
                + " x.max_mark FROM trn_attempt a JOIN trn_attempt_answer x ON x.attempt_id = a.id"
                + " WHERE a.exam_id = ? AND a.percentage IS NOT NULL AND a.attempt_no = (SELECT MIN(b.attempt_no)"
                + " FROM trn_attempt b WHERE b.exam_id = a.exam_id AND b.username = a.username"
                + " AND b.percentage IS NOT NULL) ORDER BY x.question_id",
                rs -> new Object[] {rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getInt(4), rs.getDouble(5),
                        rs.getDouble(6)}, examId);
        Map<Long, List<QuestionStatistics.Sample>> samples = new LinkedHashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        for (Object[] r : rows) {
            double total = (Double) r[1];
            double score = (Double) r[4];
            double rest = total - score * (Double) r[5];
            samples.computeIfAbsent((Long) r[2], k -> new ArrayList<>()).add(new QuestionStatistics.Sample(score, rest));
            versions.merge((Long) r[2], (Integer) r[3], Math::max);
        }
        List<QuestionRow> result = new ArrayList<>();
        for (Map.Entry<Long, List<QuestionStatistics.Sample>> e : samples.entrySet()) {
            Question q = store.read(c, e.getKey(), versions.get(e.getKey()));
            String title = q.prompt().title().isEmpty() ? abbreviate(q.prompt().text()) : q.prompt().title();
            result.add(new QuestionRow(e.getKey(), title, q.type(), e.getValue().size(),
                    QuestionStatistics.facilityIndex(e.getValue()),
                    QuestionStatistics.discriminationIndex(e.getValue())));
        }
        return result;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }

    private Map<String, String> unitsOfPeople() {
        Map<String, String> units = new HashMap<>();
        directory.people().forEach(p -> units.put(p.username(), p.unitId()));
        return units;
    }

    private static Counts counts(List<Learner> learners, Predicate<Learner> which) {
        int enrolled = 0;
        int started = 0;
        int completed = 0;
        int graded = 0;
        int passed = 0;
        double sum = 0;
        for (Learner l : learners) {
            if (!which.test(l)) {
                continue;
            }
            enrolled++;
            if (l.completed()) {
                completed++;
            } else if (l.started()) {
                started++;
            }
            if (l.percentage().isPresent()) {
                graded++;
                sum += l.percentage().getAsDouble();
                if (l.passed()) {
                    passed++;
                }
            }
        }
        return new Counts(enrolled, started, completed, graded, passed,
                graded == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / graded));
    }

    private List<UnitRow> byUnit(List<Learner> learners) {
        List<UnitRow> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        learners.forEach(l -> seen.add(l.unitId()));
        for (UserDirectory.Unit unit : directory.units()) {
            if (seen.remove(unit.id())) {
                rows.add(new UnitRow(unit.id(), unit.name(), counts(learners, l -> l.unitId().equals(unit.id()))));
            }
        }
        // Units that no longer exist (merged, split, abolished) keep their rows under their name of
        // the time; people whose unit nobody knows are still counted.
        for (String former : seen) {
            String name = former.isEmpty() ? "—" : former;
            if (!former.isEmpty() && units != null) {
                name = units.unit(former).map(u -> u.name() + " (" + text("training.report.unit-former", guard.user().locale())
                        + ")").orElse(former);
            }
            rows.add(new UnitRow(former, name, counts(learners, l -> l.unitId().equals(former))));
        }
        return rows;
    }

    // ---- CSV -------------------------------------------------------------------------------

    @Override
    public byte[] courseCsv(long courseId, Locale locale) {
        CourseReport report = course(courseId);
        Csv csv = new Csv();
        csv.row(report.title());
        countsHeader(csv, locale);
        report.byUnit().forEach(u -> countsRow(csv, u.unitName(), u.counts()));
        countsRow(csv, text("training.report.total", locale), report.total());
        return csv.bytes();
    }

    @Override
    public byte[] examCsv(long examId, Locale locale) {
        ExamReport report = exam(examId);
        Csv csv = new Csv();
        csv.row(report.title());
        countsHeader(csv, locale);
        report.byUnit().forEach(u -> countsRow(csv, u.unitName(), u.counts()));
        countsRow(csv, text("training.report.total", locale), report.total());
        csv.row();
        csv.row(text("training.report.question", locale), text("training.report.type", locale),
                text("training.report.answered", locale), text("training.report.facility", locale),
                text("training.report.discrimination", locale));
        for (QuestionRow q : report.questions()) {
            csv.row(q.title(), text("training.question.type." + q.type().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'), locale), String.valueOf(q.answered()), number(q.facility()),
                    number(q.discrimination()));
        }
        return csv.bytes();
    }

    private void countsHeader(Csv csv, Locale locale) {
        csv.row(text("training.report.unit", locale), text("training.report.enrolled", locale),
                text("training.report.not-started", locale), text("training.report.in-progress", locale), text("training.report.completed", locale),
                text("training.report.graded", locale), text("training.report.passed", locale),
                text("training.report.pass-rate", locale), text("training.report.average", locale));
    }

    private static void countsRow(Csv csv, String label, Counts counts) {
        csv.row(label, String.valueOf(counts.enrolled()), String.valueOf(counts.notStarted()),
                String.valueOf(counts.inProgress()),
                String.valueOf(counts.completed()), String.valueOf(counts.graded()), String.valueOf(counts.passed()),
                number(counts.passRate()), number(counts.averagePercentage()));
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "";
    }

    private String text(String key, Locale locale) {
        return translations.translate(key, locale);
    }

    // ---- charts ----------------------------------------------------------------------------

    @Override
    public String passRateByUnitSvg(long examId, Locale locale, int width, int height) {
        ExamReport report = exam(examId);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text("training.report.pass-rate", locale);
        for (UnitRow row : report.byUnit()) {
            // the label says how many of how many, so a 100 % bar of one person does not mislead
            data.addValue(row.counts().passRate().orElse(0), series, row.unitName() + " ("
                    + row.counts().passed() + "/" + row.counts().graded() + ")");
        }
        // No title inside the picture: the screen's caption names it (and the image's alt text).
        JFreeChart chart = ChartFactory.createBarChart(null, text("training.report.unit", locale), series, data, PlotOrientation.HORIZONTAL, false, false, false);
        chart.getCategoryPlot().getRangeAxis().setRange(0, 100);
        return svg(chart, width, height);
    }

    @Override
    public String scoreHistogramSvg(long examId, Locale locale, int width, int height) {
        ExamReport report = exam(examId);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = text("training.report.learners", locale);
        for (int i = 0; i < BANDS; i++) {
            int from = i * (100 / BANDS);
            String band = from + "–" + (i == BANDS - 1 ? 100 : from + 100 / BANDS);
            data.addValue(report.scoreHistogram().get(i), series, band);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, text("training.report.score-band", locale), series, data,
                PlotOrientation.VERTICAL, false, false, false);
        // Learners are counted in whole people, and the last band ("90–100") needs a little more than its column.
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        return svg(chart, width, height);
    }

    private static String svg(JFreeChart chart, int width, int height) {
        int w = Math.max(200, Math.min(width, 4000));
        int h = Math.max(150, Math.min(height, 4000));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1A, 0x5F, 0xB4));
        // readable where the screen shows the picture at its own size or a little smaller
        Font ticks = new Font("DejaVu Sans", Font.PLAIN, FONT_PX);
        Font labels = new Font("DejaVu Sans", Font.BOLD, FONT_PX);
        plot.getDomainAxis().setTickLabelFont(ticks);
        plot.getDomainAxis().setLabelFont(labels);
        plot.getRangeAxis().setTickLabelFont(ticks);
        plot.getRangeAxis().setLabelFont(labels);
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        chart.draw(g2, new Rectangle(0, 0, w, h));
        return g2.getSVGDocument();
    }
}
