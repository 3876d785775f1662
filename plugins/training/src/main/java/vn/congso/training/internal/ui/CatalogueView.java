package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.CourseSummary;
import vn.congso.training.internal.service.CourseService.Enrolment;
import vn.congso.training.internal.service.CourseService.Progress;

/**
 * The learner's home in training: their courses with progress and deadlines, the published
 * courses to enrol in (filtered by category) and their certificates.
 */
public class CatalogueView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient CourseService courses;
    private final transient CertificateService certificates;
    private final Div mine = Widgets.cardGrid();
    private final Div all = Widgets.cardGrid();
    private final Div myCertificates = new Div();
    private final Select<String> category = new Select<>();
    private transient List<CourseSummary> published = List.of();
    private final transient Map<Long, Enrolment> enrolled = new HashMap<>();

    /** Creates the view. */
    public CatalogueView(Ui ui, CourseService courses, CertificateService certificates) {
        this.ui = ui;
        this.courses = courses;
        this.certificates = certificates;
        setId("catalogue-view");
        setWidthFull();
        addClassNames("training-page", "training-page-80");

        category.setId("catalogue-category");
        category.setWidth("min(100%, 20rem)");
        category.setLabel(ui.t("training.ui.catalogue.category"));
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(CourseService.CATEGORIES);
        category.setItems(choices);
        category.setItemLabelGenerator(c -> c.isEmpty() ? ui.t("training.ui.catalogue.all-categories") : categoryName(c));
        category.setValue("");
        category.addValueChangeListener(e -> showAll());

        H2 mineTitle = new H2(ui.t("training.ui.catalogue.mine"));
        mine.setId("catalogue-mine");
        H2 allTitle = new H2(ui.t("training.ui.catalogue.all"));
        all.setId("catalogue-all");
        H2 certificatesTitle = new H2(ui.t("training.ui.catalogue.certificates"));
        myCertificates.setId("catalogue-certificates");
        myCertificates.setWidthFull();
        add(new H1(ui.t("training.ui.catalogue.title")), new Paragraph(ui.t("training.ui.catalogue.intro")),
                mineTitle, mine, allTitle, category, all, certificatesTitle, myCertificates);
        refresh();
    }

    private String categoryName(String id) {
        return ui.name("training.ui.category", id);
    }

    private void refresh() {
        try {
            published = courses.list().stream().filter(CourseSummary::published).toList();
            enrolled.clear();
            courses.myEnrolments().forEach(e -> enrolled.put(e.courseId(), e));
        } catch (RuntimeException e) {
            ui.refused(e);
            return;
        }
        showMine();
        showAll();
        showCertificates();
    }

    private void showMine() {
        mine.removeAll();
        if (enrolled.isEmpty()) {
            mine.add(Widgets.emptyCards(ui.t("training.ui.catalogue.mine-empty")));
            return;
        }
        Map<Long, CourseSummary> byId = new HashMap<>();
        published.forEach(c -> byId.put(c.id(), c));
        for (Enrolment enrolment : enrolled.values()) {
            CourseSummary course = byId.get(enrolment.courseId());
            if (course == null) {
                continue; // taken back to draft by a trainer
            }
            Progress progress = courses.progress(course.id());
            H3 title = new H3(course.title());
            title.addClassName("training-flush");
            double share = progress.lessonCount() == 0 ? 0 : (double) progress.lessonsViewed() / progress.lessonCount();
            ProgressBar bar = new ProgressBar(0, 1, Math.min(1, share));
            bar.setId("my-progress-" + course.id());
            String progressText = ui.t("training.ui.course.lessons-viewed", progress.lessonsViewed(),
                    progress.lessonCount());
            bar.getElement().setAttribute("aria-label", progressText);
            Div status = new Div(Widgets.muted(progressText));
            if (progress.completed()) {
                status.add(new Span(" "), Widgets.badge(ui.t("training.ui.course.completed"), "success"));
            }
            Div card = Widgets.card(title, bar, status);
            Instant deadline = progress.deadline() != null ? progress.deadline() : enrolment.deadline();
            if (deadline != null) {
                boolean late = !progress.completed() && Instant.now().isAfter(deadline);
                Span due = late ? Widgets.badge(ui.t("training.ui.course.overdue", ui.date(deadline)), "error")
                        : Widgets.badge(ui.t("training.ui.course.deadline", ui.date(deadline)), "contrast");
                due.setId("my-deadline-" + course.id());
                card.add(due);
            }
            // the same rule as the course page and the reports: completed only when every lesson is
            // studied and the exam passed
            Button open = new Button(ui.t(progress.completed() ? "training.ui.course.open-completed"
                    : progress.lessonsViewed() == 0 ? "training.ui.course.start" : "training.ui.course.continue"),
                    e -> UI.getCurrent().navigate(Routes.course(course.id())));
            open.setId("my-course-" + course.id());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(open);
            card.setId("my-course-card-" + course.id());
            mine.add(card);
        }
    }

    private void showAll() {
        all.removeAll();
        String wanted = category.getValue();
        List<CourseSummary> shown = published.stream()
                .filter(c -> wanted == null || wanted.isEmpty() || wanted.equals(c.category())).toList();
        if (shown.isEmpty()) {
            all.add(Widgets.emptyCards(ui.t("training.ui.catalogue.none")));
            return;
        }
        for (CourseSummary course : shown) {
            H3 title = new H3(course.title());
            title.addClassName("training-flush");
            Div facts = new Div(Widgets.fact(VaadinIcon.TAG, categoryName(course.category())),
                    Widgets.fact(VaadinIcon.BOOK, ui.t("training.ui.course.lesson-count", course.lessonCount())));
            if (course.estimatedMinutes() > 0) {
                facts.add(Widgets.fact(VaadinIcon.CLOCK, ui.t("training.ui.course.minutes", course.estimatedMinutes())));
            }
            Paragraph summary = new Paragraph(course.summary());
            summary.addClassNames("training-flush", "training-grow");
            Div card = Widgets.card(title, facts, summary);
            card.setId("course-card-" + course.id());
            card.getElement().setAttribute("data-title", course.title());
            if (enrolled.containsKey(course.id())) {
                Button open = new Button(ui.t("training.ui.course.open"),
                        e -> UI.getCurrent().navigate(Routes.course(course.id())));
                open.setId("open-course-" + course.id());
                card.add(new Div(Widgets.badge(ui.t("training.ui.course.enrolled"), "success")), open);
            } else {
                Button details = new Button(ui.t("training.ui.course.details"),
                        e -> UI.getCurrent().navigate(Routes.course(course.id())));
                details.setId("open-course-" + course.id());
                details.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                Button enrol = new Button(ui.t("training.ui.course.enrol"), e -> enrol(course));
                enrol.setId("enrol-" + course.id());
                enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                enrol.setDisableOnClick(true);
                Div actions = new Div(enrol, details);
                actions.addClassName("training-actions");
                card.add(actions);
            }
            all.add(card);
        }
    }

    private void enrol(CourseSummary course) {
        try {
            courses.enrolSelf(course.id());
            ui.success(ui.t("training.ui.course.enrolled-in", course.title()));
            UI.getCurrent().navigate(Routes.course(course.id()));
        } catch (RuntimeException e) {
            ui.refused(e);
            refresh();
        }
    }

    private void showCertificates() {
        myCertificates.removeAll();
        List<CertificateService.Certificate> list;
        try {
            list = certificates.mine();
        } catch (RuntimeException e) {
            list = List.of(); // a learner without the exam permission has none
        }
        if (list.isEmpty()) {
            myCertificates.add(Widgets.emptyCards(ui.t("training.ui.catalogue.certificates-empty")));
            return;
        }
        Div grid = Widgets.cardGrid();
        Instant now = Instant.now();
        for (CertificateService.Certificate certificate : list) {
            CertificateService.Status status = certificate.statusAt(now);
            H3 title = new H3(certificate.title());
            title.addClassName("training-flush");
            Div card = Widgets.card(title,
                    Widgets.fact(VaadinIcon.CALENDAR, ui.t("training.ui.certificate.issued", ui.date(certificate.issuedAt()))),
                    Widgets.fact(VaadinIcon.BARCODE, certificate.code()),
                    new Div(CertificateBadges.status(ui, status)));
            if (status == CertificateService.Status.VALID) {
                card.add(Widgets.download("certificate-download-" + certificate.code(),
                        ui.t("training.ui.certificate.download"),
                        Widgets.fileName(ui.t("training.ui.certificate.file", certificate.code()), "pdf"),
                        "application/pdf",
                        () -> certificates.pdf(certificate.code(), ui.locale())));
            }
            grid.add(card);
        }
        myCertificates.add(grid);
    }
}
