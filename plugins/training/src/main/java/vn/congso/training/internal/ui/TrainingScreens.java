package vn.congso.training.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.QuestionBankService;
import vn.congso.training.internal.service.ReportService;
import vn.congso.training.internal.service.TrainingPermissions;

/**
 * The training screens and their navigation group. Routes are in {@link Routes}; detail pages
 * take their id as a URL parameter and stay out of the navigation.
 */
@Component
public final class TrainingScreens implements ScreenProvider {

    /** The training navigation group. */
    static final NavigationGroup GROUP = new NavigationGroup("training", "training.nav.group", 30);

    private final TranslationService translations;
    private final CurrentUserService users;
    private final CourseService courses;
    private final ExamService exams;
    private final CertificateService certificates;
    private final QuestionBankService bank;
    private final ReportService reports;
    private final UserDirectory directory;
    private final RunAs runAs;
    private final RateLimiter limiter;

    /** Receives the services the views need. */
    @Activate
    public TrainingScreens(@Reference TranslationService translations, @Reference CurrentUserService users,
            @Reference CourseService courses, @Reference ExamService exams, @Reference CertificateService certificates,
            @Reference QuestionBankService bank, @Reference ReportService reports, @Reference UserDirectory directory,
            @Reference RunAs runAs, @Reference RateLimiter limiter) {
        this.translations = translations;
        this.users = users;
        this.courses = courses;
        this.exams = exams;
        this.certificates = certificates;
        this.bank = bank;
        this.reports = reports;
        this.directory = directory;
        this.runAs = runAs;
        this.limiter = limiter;
    }

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        String enrol = TrainingPermissions.COURSE_ENROL;
        String take = TrainingPermissions.EXAM_TAKE;
        String manage = TrainingPermissions.COURSE_MANAGE;
        String report = TrainingPermissions.REPORT_VIEW;
        return List.of(
                screen(Routes.CATALOGUE, "catalogue", "vaadin:academy-cap", 10, enrol)
                        .description("training.ui.nav.catalogue.description")
                        .view(CatalogueView.class, () -> new CatalogueView(ui(), courses, certificates)),
                screen(Routes.COURSE, "course", "vaadin:book", 11, enrol).hidden()
                        .view(CourseView.class, () -> new CourseView(ui(), courses, exams, certificates)),
                screen(Routes.LESSON, "lesson", "vaadin:file-text-o", 12, enrol).hidden()
                        .view(LessonView.class, () -> new LessonView(ui(), courses)),
                screen(Routes.EXAM, "exam", "vaadin:clipboard-check", 13, take).hidden()
                        .view(ExamView.class, () -> new ExamView(ui(), exams)),
                screen(Routes.ATTEMPT, "attempt", "vaadin:timer", 14, take).hidden()
                        .view(AttemptView.class, () -> new AttemptView(ui(), exams)),
                screen(Routes.RESULT, "result", "vaadin:diploma", 15, take).hidden()
                        .view(ResultView.class, () -> new ResultView(ui(), exams, certificates)),
                Screen.route(Routes.VERIFY).title("training.ui.nav.verify").icon("vaadin:diploma-scroll")
                        .group(GROUP).order(90).hidden()
                        .view(VerifyView.class, () -> new VerifyView(ui(), certificates, limiter)),
                screen(Routes.MANAGE_COURSES, "manage-courses", "vaadin:book", 40, manage)
                        .view(CoursesAdminView.class, () -> new CoursesAdminView(ui(), courses)),
                screen(Routes.EDIT_COURSE, "edit-course", "vaadin:edit", 41, manage).hidden()
                        .view(CourseEditorView.class, () -> new CourseEditorView(ui(), courses, directory)),
                screen(Routes.QUESTIONS, "questions", "vaadin:question-circle-o", 50, manage)
                        .view(QuestionBankView.class, () -> new QuestionBankView(ui(), bank, runAs)),
                screen(Routes.EXAMS, "exams", "vaadin:clipboard-check", 60, TrainingPermissions.EXAM_MANAGE)
                        .view(ExamsAdminView.class, () -> new ExamsAdminView(ui(), exams, courses, bank, directory)),
                screen(Routes.REPORTS, "reports", "vaadin:chart", 70, report)
                        .view(ReportsView.class, () -> new ReportsView(ui(), reports, courses, exams)),
                screen(Routes.REVIEW, "review", "vaadin:search", 71, report).hidden()
                        .view(AttemptReviewView.class, () -> new AttemptReviewView(ui(), exams, certificates)),
                screen(Routes.CERTIFICATES, "certificates", "vaadin:diploma", 80, report)
                        .view(CertificatesAdminView.class, () -> new CertificatesAdminView(ui(), certificates, exams)));
    }

    /** A protected screen of the training group, titled {@code training.ui.nav.<name>}. */
    private static Screen.Builder screen(String route, String name, String icon, int order, String permission) {
        return Screen.route(route).title("training.ui.nav." + name).icon(icon).group(GROUP).order(order)
                .permission(permission);
    }

    /** The texts and user of a new view. */
    private Ui ui() {
        return new Ui(translations, users);
    }
}
