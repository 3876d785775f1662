package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.ExamService.AttemptResult;
import vn.congso.training.internal.service.ExamService.ExamOverview;

/**
 * An exam before it starts, as Open edX and Moodle show it: the rules (questions, time, window,
 * attempts, pass mark, grading), the learner's previous attempts, and a start (or resume) button
 * that warns that the clock starts at once.
 */
public class ExamView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient ExamService exams;

    /** Creates the view. */
    public ExamView(Ui ui, ExamService exams) {
        this.ui = ui;
        this.exams = exams;
        setId("exam-view");
        setWidthFull();
        addClassNames("training-page", "training-page-56");
    }

    @Override
    public void setParameter(BeforeEvent event, Long examId) {
        removeAll();
        try {
            show(exams.overview(examId), exams.myAttempts(examId));
        } catch (TrainingException e) {
            add(new H1(ui.t("training.ui.exam.not-found")), new Paragraph(String.join(" ", ui.messages(e))));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void show(ExamOverview overview, List<AttemptResult> attempts) {
        ExamService.Exam exam = overview.exam();
        ExamSettings settings = exam.draft().settings();
        if (exam.draft().courseId() != null) {
            Anchor back = new Anchor(Routes.course(exam.draft().courseId()), ui.t("training.ui.exam.back-to-course"));
            back.setId("exam-back");
            add(back);
        }
        H1 title = new H1(exam.draft().title());
        title.setId("exam-title");
        add(title);
        if (!exam.draft().description().isEmpty()) {
            add(new Paragraph(exam.draft().description()));
        }
        Duration time = settings.timeLimit().plus(overview.extraTime());
        Div facts = new Div(
                Widgets.fact(VaadinIcon.QUESTION_CIRCLE_O, ui.t("training.ui.exam.question-count", exam.questionCount())),
                Widgets.fact(VaadinIcon.CLOCK, ui.t("training.ui.course.minutes", Formats.minutes(time))),
                Widgets.fact(VaadinIcon.CHECK, ui.t("training.ui.exam.pass-mark", ui.percent(settings.passMark()))),
                Widgets.fact(VaadinIcon.REFRESH, ui.t("training.ui.exam.attempts-left", overview.attemptsLeft(),
                        settings.maxAttempts())),
                Widgets.fact(VaadinIcon.CALENDAR, ui.t("training.ui.exam.window", ui.dateTime(settings.opensAt()),
                        ui.dateTime(settings.closesAt()))),
                Widgets.fact(VaadinIcon.TROPHY, ui.name("training.ui.exam.grading", settings.gradingMethod().name())));
        facts.setId("exam-facts");
        add(facts);
        if (!overview.extraTime().isZero()) {
            add(Widgets.badge(ui.t("training.ui.exam.extra-time", Formats.minutes(overview.extraTime())), "success"));
        }
        if (overview.finalPercentage().isPresent()) {
            var badge = Widgets.badge(ui.t(overview.passed() ? "training.ui.result.passed-with" : "training.ui.result.failed-with",
                    ui.percent(overview.finalPercentage().getAsDouble())), overview.passed() ? "success" : "error");
            badge.setId("exam-final-result");
            add(badge);
        }

        Instant now = overview.serverTime();
        Button start;
        if (overview.inProgressAttemptId() != null) {
            start = new Button(ui.t("training.ui.exam.resume"), VaadinIcon.PLAY.create(),
                    e -> UI.getCurrent().navigate(Routes.attempt(overview.inProgressAttemptId())));
        } else {
            start = new Button(ui.t("training.ui.exam.start"), VaadinIcon.PLAY.create(), e -> confirmStart(exam, time));
            String why = null;
            if (now.isBefore(settings.opensAt())) {
                why = ui.t("training.attempt.exam-not-open");
            } else if (!now.isBefore(settings.closesAt())) {
                why = ui.t("training.attempt.exam-closed");
            } else if (overview.attemptsLeft() == 0) {
                why = ui.t("training.attempt.no-attempts-left", settings.maxAttempts());
            }
            if (why != null) {
                start.setEnabled(false);
                var reason = Widgets.muted(why);
                reason.setId("exam-start-unavailable");
                add(reason);
            }
        }
        start.setId("exam-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        add(start);

        if (!attempts.isEmpty()) {
            add(new H2(ui.t("training.ui.exam.my-attempts")));
            Grid<AttemptResult> grid = new Grid<>();
            grid.setId("exam-attempts");
            grid.setEmptyStateText(ui.t("training.ui.exam.no-attempts"));
            grid.addColumn(AttemptResult::number).setHeader(ui.t("training.ui.exam.attempt-number")).setAutoWidth(true);
            grid.addColumn(a -> ui.name("training.ui.attempt.state", a.state().name()))
                    .setHeader(ui.t("training.ui.exam.attempt-state"));
            grid.addColumn(a -> a.submittedAt() == null ? "" : ui.dateTime(a.submittedAt()))
                    .setHeader(ui.t("training.ui.exam.attempt-submitted"));
            grid.addColumn(a -> Double.isNaN(a.percentage()) ? "—" : ui.percent(a.percentage()))
                    .setHeader(ui.t("training.ui.result.score"));
            grid.addComponentColumn(a -> {
                if (!a.state().isFinished()) {
                    Anchor resume = new Anchor(Routes.attempt(a.attemptId()), ui.t("training.ui.exam.resume"));
                    resume.setId("exam-attempt-resume-" + a.number());
                    return resume;
                }
                Anchor review = new Anchor(Routes.result(a.attemptId()), ui.t("training.ui.exam.see-result"));
                review.setId("exam-attempt-result-" + a.number());
                return review;
            }).setHeader("");
            grid.setItems(attempts);
            grid.setAllRowsVisible(true);
            add(grid);
        }
    }

    private void confirmStart(ExamService.Exam exam, Duration time) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("exam-start-confirm");
        confirm.setHeader(ui.t("training.ui.exam.start-title"));
        confirm.setText(ui.t("training.ui.exam.start-text", exam.questionCount(), Formats.minutes(time)));
        confirm.setCancelable(true);
        confirm.setCancelText(ui.t("training.ui.common.cancel"));
        Button go = new Button(ui.t("training.ui.exam.start-now"));
        go.setId("exam-start-confirm-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickListener(e -> {
            confirm.close();
            try {
                ExamService.AttemptSession session = exams.startOrResume(exam.id());
                UI.getCurrent().navigate(Routes.attempt(session.attemptId()));
            } catch (RuntimeException ex) {
                ui.refused(ex);
            }
        });
        confirm.setConfirmButton(go);
        confirm.open();
    }
}
