package vn.congso.training.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.CourseSummary;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.ReportService;
import vn.congso.training.internal.service.ReportService.Counts;
import vn.congso.training.internal.service.ReportService.QuestionRow;
import vn.congso.training.internal.service.ReportService.UnitRow;

/**
 * Report viewers: per course and per exam — enrolled, in progress, completed, pass rate and
 * average score, overall and by unit; per question the facility and discrimination indexes;
 * charts drawn on the server as SVG; CSV files for Excel.
 */
public class ReportsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** Charts are drawn near the size a column shows them (24rem to 640px), so their text stays readable. */
    private static final int CHART_WIDTH = 520;
    private static final int CHART_HEIGHT = 320;
    /** Below this discrimination index a question deserves a second look (Moodle's guidance). */
    private static final double WEAK_DISCRIMINATION = 20;

    private final transient Ui ui;
    private final transient ReportService reports;
    private final transient CourseService courses;
    private final transient ExamService exams;
    private final Select<CourseSummary> course = new Select<>();
    private final Select<ExamService.Exam> exam = new Select<>();
    private final Div content = new Div();

    /** Creates the view. */
    public ReportsView(Ui ui, ReportService reports, CourseService courses, ExamService exams) {
        this.ui = ui;
        this.reports = reports;
        this.courses = courses;
        this.exams = exams;
        setId("reports-view");
        setWidthFull();
        Tab byCourse = new Tab(ui.t("training.ui.reports.by-course"));
        byCourse.setId("reports-tab-course");
        Tab byExam = new Tab(ui.t("training.ui.reports.by-exam"));
        byExam.setId("reports-tab-exam");
        Tabs tabs = new Tabs(byCourse, byExam);
        tabs.setId("reports-tabs");

        course.setId("reports-course");
        course.setLabel(ui.t("training.ui.reports.course"));
        course.setItemLabelGenerator(CourseSummary::title);
        course.setWidth("min(100%, 30rem)");
        course.addValueChangeListener(e -> {
            if (e.getValue() != null && course.isVisible()) {
                showCourse(e.getValue().id());
            }
        });
        exam.setId("reports-exam");
        exam.setLabel(ui.t("training.ui.reports.exam"));
        exam.setItemLabelGenerator(x -> x.draft().title());
        exam.setWidth("min(100%, 30rem)");
        exam.setVisible(false);
        exam.addValueChangeListener(e -> {
            if (e.getValue() != null && exam.isVisible()) {
                showExam(e.getValue().id());
            }
        });
        tabs.addSelectedChangeListener(e -> {
            boolean courseTab = e.getSelectedTab() == byCourse;
            course.setVisible(courseTab);
            exam.setVisible(!courseTab);
            content.removeAll();
            if (courseTab && course.getValue() != null) {
                showCourse(course.getValue().id());
            } else if (!courseTab && exam.getValue() != null) {
                showExam(exam.getValue().id());
            }
        });
        content.setId("reports-content");
        content.setWidthFull();
        add(new H1(ui.t("training.ui.reports.title")), tabs, course, exam, content);
        try {
            List<CourseSummary> all = courses.list();
            course.setItems(all);
            List<ExamService.Exam> allExams = exams.list();
            exam.setItems(allExams);
            if (!all.isEmpty()) {
                course.setValue(all.get(0));
            }
            if (!allExams.isEmpty()) {
                exam.setValue(allExams.get(0));
            }
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void showCourse(long courseId) {
        content.removeAll();
        try {
            ReportService.CourseReport report = reports.course(courseId);
            content.add(counts(report.total()), csv("reports-course-csv", report.title(),
                    () -> reports.courseCsv(courseId, ui.locale())), new H2(ui.t("training.ui.reports.by-unit")),
                    unitGrid("reports-course-units", report.byUnit()));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void showExam(long examId) {
        content.removeAll();
        try {
            ReportService.ExamReport report = reports.exam(examId);
            Locale locale = ui.locale();
            Div charts = new Div(chart("reports-chart-pass-rate", ui.t("training.ui.reports.chart-pass-rate"),
                    () -> reports.passRateByUnitSvg(examId, locale, CHART_WIDTH, CHART_HEIGHT)),
                    chart("reports-chart-histogram", ui.t("training.ui.reports.chart-histogram"),
                            () -> reports.scoreHistogramSvg(examId, locale, CHART_WIDTH, CHART_HEIGHT)));
            charts.addClassName("training-charts");
            content.add(counts(report.total()), csv("reports-exam-csv", report.title(),
                    () -> reports.examCsv(examId, locale)), charts, new H2(ui.t("training.ui.reports.by-unit")),
                    unitGrid("reports-exam-units", report.byUnit()), new H2(ui.t("training.ui.reports.questions")),
                    Widgets.muted(ui.t("training.ui.reports.questions-help")), questionGrid(report.questions()),
                    new H2(ui.t("training.ui.reports.attempts")), attemptGrid(exams.attemptsOf(examId)));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private Div counts(Counts counts) {
        // every rate with its numerator and denominator: "100 %" of one person out of six enrolled misleads
        Div row = new Div(stat("reports-enrolled", ui.t("training.ui.reports.enrolled"), String.valueOf(counts.enrolled()), null),
                stat("reports-not-started", ui.t("training.ui.reports.not-started"), String.valueOf(counts.notStarted()), null),
                stat("reports-in-progress", ui.t("training.ui.reports.in-progress"), String.valueOf(counts.inProgress()), null),
                stat("reports-completed", ui.t("training.ui.reports.completed"), String.valueOf(counts.completed()),
                        ui.t("training.ui.reports.completed-detail", counts.enrolled())),
                stat("reports-pass-rate", ui.t("training.ui.reports.pass-rate"), percent(counts.passRate()),
                        ui.t("training.ui.reports.pass-rate-detail", counts.passed(), counts.graded(), counts.enrolled())),
                stat("reports-average", ui.t("training.ui.reports.average"), percent(counts.averagePercentage()),
                        ui.t("training.ui.reports.average-detail", counts.graded())));
        row.addClassName("training-stats");
        return row;
    }

    /** A rate in a table cell: {@code 50 % (1/2)}. */
    private String rate(OptionalDouble value, int numerator, int denominator) {
        return ui.t("training.ui.reports.rate-cell", percent(value), numerator, denominator);
    }

    private String percent(OptionalDouble value) {
        return value.isPresent() ? ui.percent(value.getAsDouble()) : "—";
    }

    private static Div stat(String id, String label, String value, String detail) {
        Span number = new Span(value);
        number.setId(id);
        number.addClassName("training-big-number");
        Div card = Widgets.card(Widgets.muted(label), number);
        if (detail != null) {
            Span of = Widgets.muted(detail);
            of.setId(id + "-detail");
            card.add(of);
        }
        return card;
    }

    private Component csv(String id, String title, java.util.function.Supplier<byte[]> bytes) {
        Component link = Widgets.download(id, ui.t("training.ui.reports.csv"), Widgets.fileName("bao-cao-" + title,
                "csv"), "text/csv;charset=UTF-8", bytes);
        link.getElement().getClassList().add("training-block-link");
        return link;
    }

    private Component chart(String id, String title, java.util.function.Supplier<String> svg) {
        // An SVG shown through <img> cannot run scripts or load anything, whatever it contains.
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] data = svg.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(data), id + ".svg", "image/svg+xml", data.length);
        });
        Image image = new Image(handler, title);
        image.setId(id);
        image.setWidthFull();
        image.addClassName("training-chart");
        Span caption = new Span(title);
        caption.addClassName("training-strong");
        return Widgets.card(caption, image);
    }

    private Grid<UnitRow> unitGrid(String id, List<UnitRow> rows) {
        Grid<UnitRow> grid = new Grid<>();
        grid.setId(id);
        grid.setEmptyStateText(ui.t("training.ui.reports.no-units"));
        grid.addColumn(r -> r.unitName().isEmpty() ? ui.t("training.ui.reports.no-unit") : r.unitName())
                .setHeader(ui.t("training.ui.verify.unit")).setFlexGrow(3).setSortable(true);
        grid.addColumn(r -> r.counts().enrolled()).setHeader(ui.t("training.ui.reports.enrolled")).setSortable(true);
        grid.addColumn(r -> r.counts().notStarted()).setHeader(ui.t("training.ui.reports.not-started"));
        grid.addColumn(r -> r.counts().inProgress()).setHeader(ui.t("training.ui.reports.in-progress"));
        grid.addColumn(r -> r.counts().completed()).setHeader(ui.t("training.ui.reports.completed"));
        grid.addColumn(r -> rate(r.counts().passRate(), r.counts().passed(), r.counts().graded()))
                .setHeader(ui.t("training.ui.reports.pass-rate"));
        grid.addColumn(r -> percent(r.counts().averagePercentage())).setHeader(ui.t("training.ui.reports.average"));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Grid<ExamService.AttemptResult> attemptGrid(List<ExamService.AttemptResult> attempts) {
        Grid<ExamService.AttemptResult> grid = new Grid<>();
        grid.setId("reports-attempts");
        grid.addColumn(ExamService.AttemptResult::username).setHeader(ui.t("training.ui.enrol.user")).setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(ExamService.AttemptResult::number).setHeader(ui.t("training.ui.exam.attempt-number")).setAutoWidth(true);
        grid.addColumn(a -> ui.name("training.ui.attempt.state", a.state().name())).setHeader(ui.t("training.ui.attempt.state"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.submittedAt() == null ? "" : ui.dateTime(a.submittedAt()))
                .setHeader(ui.t("training.ui.exam.attempt-submitted")).setAutoWidth(true);
        grid.addColumn(a -> Double.isNaN(a.percentage()) ? "—" : ui.percent(a.percentage()))
                .setHeader(ui.t("training.ui.result.score")).setAutoWidth(true)
                .setComparator(a -> Double.isNaN(a.percentage()) ? -1 : a.percentage());
        grid.addComponentColumn(a -> a.state().isFinished()
                ? Widgets.badge(ui.t(a.passed() ? "training.ui.result.passed" : "training.ui.result.failed"),
                        a.passed() ? "success" : "error") : new Span("")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            if (!a.state().isFinished()) {
                return new Span("");
            }
            com.vaadin.flow.component.html.Anchor open = new com.vaadin.flow.component.html.Anchor(
                    Routes.REVIEW + "/" + a.attemptId(), ui.t("training.ui.reports.open-attempt"));
            open.setId("reports-attempt-" + a.attemptId());
            return open;
        }).setAutoWidth(true);
        grid.setItems(attempts);
        grid.setEmptyStateText(ui.t("training.ui.reports.no-attempts"));
        grid.setAllRowsVisible(attempts.size() <= 20);
        if (attempts.size() > 20) {
            grid.setHeight("30rem");
        }
        return grid;
    }

    private Grid<QuestionRow> questionGrid(List<QuestionRow> rows) {
        Grid<QuestionRow> grid = new Grid<>();
        grid.setId("reports-questions");
        grid.setEmptyStateText(ui.t("training.ui.reports.no-questions"));
        grid.addColumn(QuestionRow::title).setHeader(ui.t("training.ui.question.text")).setFlexGrow(4);
        grid.addColumn(r -> ui.name("training.ui.question.type", r.type().name())).setHeader(ui.t("training.ui.question.type"))
                .setAutoWidth(true);
        grid.addColumn(QuestionRow::answered).setHeader(ui.t("training.ui.reports.answered")).setAutoWidth(true);
        grid.addColumn(r -> percent(r.facility())).setHeader(ui.t("training.ui.reports.facility")).setAutoWidth(true)
                .setComparator(r -> r.facility().orElse(-1));
        grid.addComponentColumn(r -> {
            if (r.discrimination().isEmpty()) {
                return new Span("—");
            }
            double d = r.discrimination().getAsDouble();
            String text = Formats.mark(d, ui.locale());
            return d < WEAK_DISCRIMINATION ? Widgets.badge(text + " · " + ui.t("training.ui.reports.review-question"), "error")
                    : new Span(text);
        }).setHeader(ui.t("training.ui.reports.discrimination")).setAutoWidth(true)
                .setComparator(r -> r.discrimination().orElse(-1000));
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 30);
        if (rows.size() > 30) {
            grid.setHeight("30rem");
        }
        return grid;
    }
}
