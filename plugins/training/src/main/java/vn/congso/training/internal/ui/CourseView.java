package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.Course;
import vn.congso.training.internal.service.CourseService.Lesson;
import vn.congso.training.internal.service.CourseService.Progress;
import vn.congso.training.internal.service.ExamService;

/**
 * One course for a learner: what it is, the lessons in order with a tick on each one studied,
 * progress, the course exam with the learner's standing, and the certificate once passed.
 */
public class CourseView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient CourseService courses;
    private final transient ExamService exams;
    private final transient CertificateService certificates;

    /** Creates the view. */
    public CourseView(Ui ui, CourseService courses, ExamService exams, CertificateService certificates) {
        this.ui = ui;
        this.courses = courses;
        this.exams = exams;
        this.certificates = certificates;
        setId("course-view");
        setWidthFull();
        addClassNames("training-page", "training-page-64");
    }

    @Override
    public void setParameter(BeforeEvent event, Long courseId) {
        removeAll();
        if (courseId == null) {
            add(new H1(ui.t("training.ui.course.not-found")));
            return;
        }
        try {
            show(courses.get(courseId), courses.progress(courseId));
        } catch (TrainingException e) {
            add(new H1(ui.t("training.ui.course.not-found")), new Paragraph(String.join(" ", ui.messages(e))),
                    backToCatalogue());
        } catch (RuntimeException e) {
            ui.refused(e);
            add(backToCatalogue());
        }
    }

    private Anchor backToCatalogue() {
        Anchor link = new Anchor(Routes.CATALOGUE, ui.t("training.ui.catalogue.back"));
        link.setId("back-to-catalogue");
        return link;
    }

    private void show(Course course, Progress progress) {
        long courseId = course.summary().id();
        H1 title = new H1(course.summary().title());
        title.setId("course-title");
        Div facts = new Div(Widgets.fact(VaadinIcon.TAG, ui.name("training.ui.category", course.summary().category())),
                Widgets.fact(VaadinIcon.BOOK, ui.t("training.ui.course.lesson-count", course.lessons().size())));
        if (course.summary().estimatedMinutes() > 0) {
            facts.add(Widgets.fact(VaadinIcon.CLOCK, ui.t("training.ui.course.minutes", course.summary().estimatedMinutes())));
        }
        add(backToCatalogue(), title, facts);
        if (!course.summary().summary().isEmpty()) {
            add(new Paragraph(course.summary().summary()));
        }

        if (!progress.enrolled()) {
            Button enrol = new Button(ui.t("training.ui.course.enrol"), e -> {
                try {
                    courses.enrolSelf(courseId);
                    ui.success(ui.t("training.ui.course.enrolled-in", course.summary().title()));
                    UI.getCurrent().getPage().reload();
                } catch (RuntimeException ex) {
                    ui.refused(ex);
                }
            });
            enrol.setId("course-enrol");
            enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            add(Widgets.muted(ui.t("training.ui.course.enrol-first")), enrol);
        } else {
            String progressText = ui.t("training.ui.course.lessons-viewed", progress.lessonsViewed(), progress.lessonCount());
            ProgressBar bar = new ProgressBar(0, 1, progress.lessonCount() == 0 ? 0
                    : Math.min(1, (double) progress.lessonsViewed() / progress.lessonCount()));
            bar.setId("course-progress");
            bar.getElement().setAttribute("aria-label", progressText);
            Span text = Widgets.muted(progressText);
            text.setId("course-progress-text");
            Div status = new Div(text);
            status.addClassName("training-actions");
            if (progress.completed()) {
                Span done = Widgets.badge(ui.t("training.ui.course.completed"), "success");
                done.setId("course-completed");
                status.add(done);
            }
            if (progress.deadline() != null) {
                boolean late = !progress.completed() && Instant.now().isAfter(progress.deadline());
                status.add(Widgets.badge(ui.t(late ? "training.ui.course.overdue" : "training.ui.course.deadline",
                        ui.date(progress.deadline())), late ? "error" : "contrast"));
            }
            add(bar, status);
            if (progress.examPassed() && !progress.completed() && !course.examIds().isEmpty()) {
                Paragraph pending = new Paragraph(ui.t("training.ui.result.certificate-after-lessons",
                        progress.lessonsViewed(), progress.lessonCount()));
                pending.setId("course-certificate-pending");
                add(pending);
            }
        }

        add(new H2(ui.t("training.ui.course.lessons")));
        OrderedList lessons = new OrderedList();
        lessons.setId("course-lessons");
        lessons.addClassName("training-lessons");
        for (Lesson lesson : course.lessons()) {
            boolean viewed = progress.viewedLessonIds().contains(lesson.id());
            Icon tick = viewed ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CIRCLE_THIN.create();
            tick.setColor(viewed ? "var(--lumo-success-color)" : "var(--lumo-contrast-40pct)");
            tick.getElement().setAttribute("aria-label", ui.t(viewed ? "training.ui.lesson.studied" : "training.ui.lesson.not-studied"));
            tick.getElement().setAttribute("role", "img");
            Span number = new Span(ui.t("training.ui.lesson.number", lesson.position() + 1));
            number.addClassName("training-lesson-number");
            ListItem item = new ListItem();
            if (progress.enrolled()) {
                Anchor link = new Anchor(
                        Routes.lesson(courseId, lesson.id()), withoutNumber(lesson.title(), lesson.position() + 1));
                link.setId("lesson-link-" + (lesson.position() + 1));
                item.add(tick, number, link);
            } else {
                item.add(tick, number, new Span(withoutNumber(lesson.title(), lesson.position() + 1)));
            }
            item.setId("course-lesson-" + (lesson.position() + 1));
            item.getElement().setAttribute("data-viewed", String.valueOf(viewed));
            lessons.add(item);
        }
        if (course.lessons().isEmpty()) {
            add(Widgets.muted(ui.t("training.ui.course.no-lessons")));
        }
        add(lessons);

        if (!course.examIds().isEmpty()) {
            add(new H2(ui.t("training.ui.course.exam")));
            for (Long examId : course.examIds()) {
                add(examCard(examId, progress.enrolled()));
            }
        }
        showCertificates(courseId);
    }

    private Div examCard(long examId, boolean enrolled) {
        try {
            ExamService.ExamOverview overview = exams.overview(examId);
            ExamService.ExamDraft draft = overview.exam().draft();
            H3 title = new H3(draft.title());
            title.addClassName("training-flush");
            Div facts = new Div(
                    Widgets.fact(VaadinIcon.QUESTION_CIRCLE_O, ui.t("training.ui.exam.question-count", overview.exam().questionCount())),
                    Widgets.fact(VaadinIcon.CLOCK, ui.t("training.ui.course.minutes", Formats.minutes(draft.settings().timeLimit()))),
                    Widgets.fact(VaadinIcon.CHECK, ui.t("training.ui.exam.pass-mark", ui.percent(draft.settings().passMark()))),
                    Widgets.fact(VaadinIcon.REFRESH, ui.t("training.ui.exam.attempts-left", overview.attemptsLeft(),
                            draft.settings().maxAttempts())));
            Div card = Widgets.card(title, facts);
            card.setId("course-exam-card-" + examId);
            if (overview.finalPercentage().isPresent()) {
                Span result = Widgets.badge(ui.t(overview.passed() ? "training.ui.result.passed-with" : "training.ui.result.failed-with",
                        ui.percent(overview.finalPercentage().getAsDouble())), overview.passed() ? "success" : "error");
                result.setId("course-exam-result-" + examId);
                card.add(new Div(result));
            }
            Button open = new Button(ui.t(overview.inProgressAttemptId() != null ? "training.ui.exam.resume"
                    : "training.ui.exam.open"), e -> UI.getCurrent().navigate(Routes.exam(examId)));
            open.setId("course-exam-" + examId);
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            open.setEnabled(enrolled);
            card.add(open);
            if (!enrolled) {
                card.add(Widgets.muted(ui.t("training.ui.course.enrol-first")));
            }
            return card;
        } catch (RuntimeException e) {
            Div card = Widgets.card(Widgets.muted(e instanceof TrainingException t ? String.join(" ", ui.messages(t))
                    : ui.t("training.ui.exam.unavailable")));
            return card;
        }
    }

    private void showCertificates(long courseId) {
        try {
            Instant now = Instant.now();
            for (CertificateService.Certificate certificate : certificates.mine()) {
                if (certificate.courseId() == null || certificate.courseId() != courseId) {
                    continue;
                }
                CertificateService.Status status = certificate.statusAt(now);
                H2 heading = new H2(ui.t("training.ui.certificate.title"));
                Div card = Widgets.card(new Div(CertificateBadges.status(ui, status)),
                        Widgets.fact(VaadinIcon.CALENDAR, ui.t("training.ui.certificate.issued", ui.date(certificate.issuedAt()))),
                        Widgets.fact(VaadinIcon.BARCODE, ui.t("training.ui.certificate.code", certificate.code())));
                if (certificate.validUntil() != null) {
                    card.add(Widgets.fact(VaadinIcon.HOURGLASS, ui.t("training.ui.certificate.valid-until",
                            ui.date(certificate.validUntil()))));
                }
                if (status == CertificateService.Status.VALID) {
                    card.add(Widgets.download("course-certificate-download", ui.t("training.ui.certificate.download"),
                            Widgets.fileName(ui.t("training.ui.certificate.file", certificate.code()), "pdf"),
                            "application/pdf",
                            () -> certificates.pdf(certificate.code(), ui.locale())));
                }
                add(heading, card);
                return;
            }
        } catch (RuntimeException e) {
            // No certificates to show to someone who may not hold any.
        }
    }

    /**
     * A lesson's title without the number the list already shows: authors often write "Bài 1. …"
     * or "1. …" in the title itself, which read "Bài 1 Bài 1. …" next to the list's number. Only
     * a prefix with this very number is removed ("3 bước …" stays as it is).
     */
    static String withoutNumber(String title, int number) {
        String n = "0*" + number + "(?!\\d)";
        Matcher m = Pattern.compile("^\\s*(?:(?:b\u00e0i|bai|lesson)\\s+" + n + "(?:\\s*[.:)\\-\u2013\u2014]\\s+|\\s+)|"
                + n + "\\s*[.:)\\-\u2013\u2014]\\s+)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(title);
        if (m.find() && m.end() < title.length()) {
            return title.substring(m.end());
        }
        return title;
    }
}
