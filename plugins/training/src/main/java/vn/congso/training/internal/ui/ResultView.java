package vn.congso.training.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.ExamService.AttemptResult;
import vn.congso.training.internal.service.ExamService.QuestionReview;

/**
 * An attempt's result: score and pass or fail, the certificate when it earned one, and the
 * per-question review as far as the exam's review options allow.
 */
public class ResultView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient ExamService exams;
    private final transient CertificateService certificates;

    /** Creates the view. */
    public ResultView(Ui ui, ExamService exams, CertificateService certificates) {
        this.ui = ui;
        this.exams = exams;
        this.certificates = certificates;
        setId("result-view");
        setWidthFull();
        addClassNames("training-page", "training-page-56");
    }

    /**
     * The result opens at its heading: arriving from the attempt page (scrolled down to its
     * submit button), a phone would otherwise keep the scroll position and show the middle of
     * the result first.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("window.scrollTo(0, 0);"
                + "for (let e = this.parentElement; e; e = e.parentElement) { e.scrollTop = 0; }"
                + "const layout = this.closest('vaadin-app-layout');"
                + "const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');"
                + "if (content) { content.scrollTop = 0; }");
    }

    @Override
    public void setParameter(BeforeEvent event, Long attemptId) {
        removeAll();
        try {
            AttemptResult result = exams.result(attemptId);
            if (!result.state().isFinished()) {
                event.forwardTo(Routes.attempt(attemptId));
                return;
            }
            show(result);
        } catch (TrainingException e) {
            add(new H1(ui.t("training.ui.result.not-found")), new Paragraph(String.join(" ", ui.messages(e))));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void show(AttemptResult result) {
        String examTitle = "";
        Long courseId = null;
        try {
            ExamService.Exam exam = exams.get(result.examId());
            examTitle = exam.draft().title();
            courseId = exam.draft().courseId();
        } catch (RuntimeException e) {
            // The title is a courtesy; the result stands without it.
        }
        Anchor back = backLink(result);
        back.setId("result-back");
        H1 title = new H1(ui.t("training.ui.result.title", examTitle));
        title.setId("result-title");
        add(back, title);

        Div summary = Widgets.card();
        summary.setId("result-summary");
        Span outcome = Widgets.badge(ui.t(result.passed() ? "training.ui.result.passed" : "training.ui.result.failed"),
                result.passed() ? "success" : "error");
        outcome.setId("result-outcome");
        outcome.getElement().setAttribute("data-passed", String.valueOf(result.passed()));
        outcome.addClassName("training-outcome");
        summary.add(new Div(outcome));
        if (!Double.isNaN(result.percentage())) {
            Span score = new Span(ui.t("training.ui.result.score-is", ui.percent(result.percentage())));
            score.setId("result-score");
            score.addClassName("training-big-number");
            summary.add(score);
        }
        summary.add(Widgets.fact(VaadinIcon.CALENDAR, ui.t("training.ui.result.submitted-at",
                ui.dateTime(result.submittedAt()))));
        if (result.state() == vn.congso.training.internal.exam.AttemptState.AUTO_SUBMITTED) {
            Span auto = Widgets.muted(ui.t("training.ui.result.auto-submitted"));
            auto.setId("result-auto-submitted");
            summary.add(auto);
        }
        if (result.certificateCode() != null) {
            String code = result.certificateCode();
            summary.add(Widgets.fact(VaadinIcon.DIPLOMA, ui.t("training.ui.certificate.code", code)));
            summary.add(Widgets.download("result-certificate-download", ui.t("training.ui.certificate.download"),
                    Widgets.fileName(ui.t("training.ui.certificate.file", code), "pdf"), "application/pdf",
                    () -> certificates.pdf(code, ui.locale())));
            Anchor verify = new Anchor(Routes.VERIFY + "/" + code, ui.t("training.ui.certificate.verify-link"));
            verify.setId("result-certificate-verify");
            summary.add(verify);
        }
        if (result.passed() && result.certificateCode() == null && courseId != null) {
            // a course's certificate says the course was completed: it comes with the last lesson
            try {
                CourseService.Progress progress = exams.courseProgress(result.attemptId());
                if (progress != null && !progress.completed() && progress.lessonsViewed() < progress.lessonCount()) {
                    Paragraph pending = new Paragraph(ui.t("training.ui.result.certificate-after-lessons",
                            progress.lessonsViewed(), progress.lessonCount()));
                    pending.setId("result-certificate-pending");
                    summary.add(pending);
                }
            } catch (RuntimeException e) {
                ui.refused(e);
            }
        }
        if (courseId != null) {
            Anchor course = new Anchor(Routes.course(courseId), ui.t("training.ui.exam.back-to-course"));
            course.setId("result-course");
            summary.add(course);
        }
        add(summary);

        if (!result.reviewOpen()) {
            Paragraph closed = new Paragraph(ui.t("training.ui.result.review-closed"));
            closed.setId("result-review-closed");
            add(closed);
            return;
        }
        add(new H2(ui.t("training.ui.result.review")));
        for (QuestionReview review : result.questions()) {
            add(reviewCard(review));
        }
    }

    /** Where "back" leads: the learner's exam page. */
    Anchor backLink(AttemptResult result) {
        return new Anchor(Routes.exam(result.examId()), ui.t("training.ui.result.back-to-exam"));
    }

    /** The translated texts, for subclasses. */
    Ui texts() {
        return ui;
    }

    private Div reviewCard(QuestionReview review) {
        int number = review.position() + 1;
        H3 heading = new H3(ui.t("training.ui.exam.question-n", number));
        heading.addClassNames("training-flush", "training-grow");
        Div head = new Div(heading);
        head.addClassName("training-head");
        // Feedback is framed in the colour of the mark (neutral while ungraded), never like an error;
        // an unanswered question says so rather than "incorrect".
        Answers.Verdict verdict = Answers.verdict(review.response(), review.mark(), review.maxMark());
        String tone = verdict.tone();
        if (verdict != Answers.Verdict.UNGRADED) {
            String variant = switch (verdict) {
                case CORRECT -> "success";
                case INCORRECT -> "error";
                default -> "contrast";
            };
            String text = ui.t("training.ui.result." + tone);
            if (!Double.isNaN(review.mark())) {
                text += " · " + ui.t("training.ui.result.mark", Formats.mark(review.mark(), ui.locale()),
                        Formats.mark(review.maxMark(), ui.locale()));
            }
            Span mark = Widgets.badge(text, variant);
            mark.setId("review-mark-" + number);
            head.add(mark);
        }
        QuestionForm form = new QuestionForm(ui, "review-" + number, review.question(), review.optionOrder(),
                review.response(), null);
        form.lock();
        Div card = Widgets.card(head, form);
        card.setId("review-" + number);
        if (verdict == Answers.Verdict.UNANSWERED) {
            card.add(Widgets.muted(ui.t("training.ui.result.no-answer")));
        }
        if (review.showCorrectAnswer()) {
            Span label = new Span(ui.t("training.ui.result.right-answer"));
            label.addClassName("training-strong");
            SafeHtml right = new SafeHtml();
            right.getElement().setProperty("innerHTML", CorrectAnswers.html(ui, review.question()));
            right.setId("review-right-" + number);
            card.add(label, right);
        }
        for (String feedback : review.feedback()) {
            SafeHtml text = new SafeHtml().text(feedback, review.question().prompt().format());
            text.addClassName("training-feedback");
            text.getElement().setAttribute("data-tone", tone);
            card.add(text);
        }
        return card;
    }
}
