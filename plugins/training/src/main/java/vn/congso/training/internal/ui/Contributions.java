package vn.congso.training.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.AbstractViewContribution;
import vn.congso.api.CurrentUserService;
import vn.congso.api.NavigationGroup;
import vn.congso.api.TranslationService;
import vn.congso.api.ViewContribution;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.QuestionBankService;
import vn.congso.training.internal.service.ReportService;
import vn.congso.training.internal.service.TrainingPermissions;

/**
 * The training screens, each a small Declarative Services component that hands its view the
 * services it was injected with. Routes are in {@link Routes}; detail pages take their id as a
 * URL parameter and stay out of the navigation.
 */
public final class Contributions {

    private static final String GROUP = NavigationGroup.TRAINING.id();

    private Contributions() {
    }

    /** Base of a contribution: fixed metadata and the texts every view needs. */
    abstract static class Base extends AbstractViewContribution {
        private final TranslationService translations;
        private final CurrentUserService users;

        Base(String route, String titleKey, String icon, int order, String permission, boolean inNavigation,
                TranslationService translations, CurrentUserService users) {
            super(route, titleKey, icon, GROUP, order, permission, inNavigation);
            this.translations = translations;
            this.users = users;
        }

        /** @return the texts and user of a new view */
        Ui ui() {
            return new Ui(translations, users);
        }
    }

    /** The course catalogue and the learner's own courses. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Catalogue extends Base {
        private final CourseService courses;
        private final CertificateService certificates;

        /** Creates the contribution. */
        @Activate
        public Catalogue(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CourseService courses, @Reference CertificateService certificates) {
            super(Routes.CATALOGUE, "training.ui.nav.catalogue", "vaadin:academy-cap", 10,
                    TrainingPermissions.COURSE_ENROL, true, translations, users);
            this.courses = courses;
            this.certificates = certificates;
        }

        @Override
        public Optional<String> descriptionKey() {
            return Optional.of("training.ui.nav.catalogue.description");
        }

        @Override
        public Class<? extends Component> viewClass() {
            return CatalogueView.class;
        }

        @Override
        public Component createView() {
            return new CatalogueView(ui(), courses, certificates);
        }
    }

    /** One course. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class CoursePage extends Base {
        private final CourseService courses;
        private final ExamService exams;
        private final CertificateService certificates;

        /** Creates the contribution. */
        @Activate
        public CoursePage(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CourseService courses, @Reference ExamService exams,
                @Reference CertificateService certificates) {
            super(Routes.COURSE, "training.ui.nav.course", "vaadin:book", 11, TrainingPermissions.COURSE_ENROL, false,
                    translations, users);
            this.courses = courses;
            this.exams = exams;
            this.certificates = certificates;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return CourseView.class;
        }

        @Override
        public Component createView() {
            return new CourseView(ui(), courses, exams, certificates);
        }
    }

    /** One lesson. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class LessonPage extends Base {
        private final CourseService courses;

        /** Creates the contribution. */
        @Activate
        public LessonPage(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CourseService courses) {
            super(Routes.LESSON, "training.ui.nav.lesson", "vaadin:file-text-o", 12, TrainingPermissions.COURSE_ENROL,
                    false, translations, users);
            this.courses = courses;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return LessonView.class;
        }

        @Override
        public Component createView() {
            return new LessonView(ui(), courses);
        }
    }

    /** An exam's overview and start. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class ExamPage extends Base {
        private final ExamService exams;

        /** Creates the contribution. */
        @Activate
        public ExamPage(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference ExamService exams) {
            super(Routes.EXAM, "training.ui.nav.exam", "vaadin:clipboard-check", 13, TrainingPermissions.EXAM_TAKE,
                    false, translations, users);
            this.exams = exams;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return ExamView.class;
        }

        @Override
        public Component createView() {
            return new ExamView(ui(), exams);
        }
    }

    /** Taking an attempt. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class AttemptPage extends Base {
        private final ExamService exams;

        /** Creates the contribution. */
        @Activate
        public AttemptPage(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference ExamService exams) {
            super(Routes.ATTEMPT, "training.ui.nav.attempt", "vaadin:timer", 14, TrainingPermissions.EXAM_TAKE, false,
                    translations, users);
            this.exams = exams;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return AttemptView.class;
        }

        @Override
        public Component createView() {
            return new AttemptView(ui(), exams);
        }
    }

    /** An attempt's result. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class ResultPage extends Base {
        private final ExamService exams;
        private final CertificateService certificates;

        /** Creates the contribution. */
        @Activate
        public ResultPage(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference ExamService exams, @Reference CertificateService certificates) {
            super(Routes.RESULT, "training.ui.nav.result", "vaadin:diploma", 15, TrainingPermissions.EXAM_TAKE, false,
                    translations, users);
            this.exams = exams;
            this.certificates = certificates;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return ResultView.class;
        }

        @Override
        public Component createView() {
            return new ResultView(ui(), exams, certificates);
        }
    }

    /** The public certificate check. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Verify extends Base {
        private final CertificateService certificates;
        private final RateLimiter limiter;

        /** Creates the contribution. */
        @Activate
        public Verify(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CertificateService certificates, @Reference RateLimiter limiter) {
            super(Routes.VERIFY, "training.ui.nav.verify", "vaadin:diploma-scroll", 90, null, false, translations,
                    users);
            this.certificates = certificates;
            this.limiter = limiter;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return VerifyView.class;
        }

        @Override
        public Component createView() {
            return new VerifyView(ui(), certificates, limiter);
        }
    }

    /** Trainers: courses. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class ManageCourses extends Base {
        private final CourseService courses;

        /** Creates the contribution. */
        @Activate
        public ManageCourses(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CourseService courses) {
            super(Routes.MANAGE_COURSES, "training.ui.nav.manage-courses", "vaadin:book", 40,
                    TrainingPermissions.COURSE_MANAGE, true, translations, users);
            this.courses = courses;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return CoursesAdminView.class;
        }

        @Override
        public Component createView() {
            return new CoursesAdminView(ui(), courses);
        }
    }

    /** Trainers: one course's editor. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class EditCourse extends Base {
        private final CourseService courses;
        private final UserDirectory directory;

        /** Creates the contribution. */
        @Activate
        public EditCourse(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CourseService courses, @Reference UserDirectory directory) {
            super(Routes.EDIT_COURSE, "training.ui.nav.edit-course", "vaadin:edit", 41,
                    TrainingPermissions.COURSE_MANAGE, false, translations, users);
            this.courses = courses;
            this.directory = directory;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return CourseEditorView.class;
        }

        @Override
        public Component createView() {
            return new CourseEditorView(ui(), courses, directory);
        }
    }

    /** Trainers: the question bank. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Questions extends Base {
        private final QuestionBankService bank;
        private final RunAs runAs;

        /** Creates the contribution. */
        @Activate
        public Questions(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference QuestionBankService bank, @Reference RunAs runAs) {
            super(Routes.QUESTIONS, "training.ui.nav.questions", "vaadin:question-circle-o", 50,
                    TrainingPermissions.COURSE_MANAGE, true, translations, users);
            this.bank = bank;
            this.runAs = runAs;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return QuestionBankView.class;
        }

        @Override
        public Component createView() {
            return new QuestionBankView(ui(), bank, runAs);
        }
    }

    /** Exam managers: exams. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Exams extends Base {
        private final ExamService exams;
        private final CourseService courses;
        private final QuestionBankService bank;
        private final UserDirectory directory;

        /** Creates the contribution. */
        @Activate
        public Exams(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference ExamService exams, @Reference CourseService courses, @Reference QuestionBankService bank,
                @Reference UserDirectory directory) {
            super(Routes.EXAMS, "training.ui.nav.exams", "vaadin:clipboard-check", 60, TrainingPermissions.EXAM_MANAGE,
                    true, translations, users);
            this.exams = exams;
            this.courses = courses;
            this.bank = bank;
            this.directory = directory;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return ExamsAdminView.class;
        }

        @Override
        public Component createView() {
            return new ExamsAdminView(ui(), exams, courses, bank, directory);
        }
    }

    /** Report viewers: reports. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Reports extends Base {
        private final ReportService reports;
        private final CourseService courses;
        private final ExamService exams;

        /** Creates the contribution. */
        @Activate
        public Reports(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference ReportService reports, @Reference CourseService courses, @Reference ExamService exams) {
            super(Routes.REPORTS, "training.ui.nav.reports", "vaadin:chart", 70, TrainingPermissions.REPORT_VIEW, true,
                    translations, users);
            this.reports = reports;
            this.courses = courses;
            this.exams = exams;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return ReportsView.class;
        }

        @Override
        public Component createView() {
            return new ReportsView(ui(), reports, courses, exams);
        }
    }

    /** Report viewers: certificates issued; revoking with the permission. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class Certificates extends Base {
        private final CertificateService certificates;
        private final ExamService exams;

        /** Creates the contribution. */
        @Activate
        public Certificates(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference CertificateService certificates, @Reference ExamService exams) {
            super(Routes.CERTIFICATES, "training.ui.nav.certificates", "vaadin:diploma", 80,
                    TrainingPermissions.REPORT_VIEW, true, translations, users);
            this.certificates = certificates;
            this.exams = exams;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return CertificatesAdminView.class;
        }

        @Override
        public Component createView() {
            return new CertificatesAdminView(ui(), certificates, exams);
        }
    }

    /** Report viewers: anyone's attempt with the full review. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class ReviewPage extends Base {
        private final ExamService exams;
        private final CertificateService certificates;

        /** Creates the contribution. */
        @Activate
        public ReviewPage(@Reference TranslationService translations, @Reference CurrentUserService users,
                @Reference ExamService exams, @Reference CertificateService certificates) {
            super(Routes.REVIEW, "training.ui.nav.review", "vaadin:search", 71, TrainingPermissions.REPORT_VIEW, false,
                    translations, users);
            this.exams = exams;
            this.certificates = certificates;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return AttemptReviewView.class;
        }

        @Override
        public Component createView() {
            return new AttemptReviewView(ui(), exams, certificates);
        }
    }
}
