package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import vn.congso.training.internal.TextLimits;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.CourseSummary;

/** Trainers: every course, drafts included, and a new one. */
public class CoursesAdminView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient CourseService courses;
    private final Grid<CourseSummary> grid = new Grid<>();

    /** Creates the view. */
    public CoursesAdminView(Ui ui, CourseService courses) {
        this.ui = ui;
        this.courses = courses;
        setId("courses-admin-view");
        setSizeFull();
        Button add = new Button(ui.t("training.ui.courses.new"), VaadinIcon.PLUS.create(), e -> create());
        add.setId("courses-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("courses-grid");
        // Titles and categories get room first; a long one still shows whole in its tooltip.
        grid.addColumn(CourseSummary::title).setHeader(ui.t("training.ui.course.title-field")).setWidth("16rem")
                .setFlexGrow(3).setSortable(true).setTooltipGenerator(CourseSummary::title);
        grid.addColumn(c -> ui.name("training.ui.category", c.category())).setHeader(ui.t("training.ui.category"))
                .setWidth("10rem").setSortable(true).setFlexGrow(2)
                .setTooltipGenerator(c -> ui.name("training.ui.category", c.category()));
        grid.addColumn(CourseSummary::lessonCount).setHeader(ui.t("training.ui.course.lessons")).setAutoWidth(true);
        grid.addComponentColumn(c -> Widgets.badge(ui.t(c.published() ? "training.ui.course.published"
                : "training.ui.course.draft"), c.published() ? "success" : "contrast"))
                .setHeader(ui.t("training.ui.course.state")).setAutoWidth(true);
        grid.addColumn(c -> ui.dateTime(c.updatedAt())).setHeader(ui.t("training.ui.common.updated")).setAutoWidth(true);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(Routes.editCourse(e.getItem().id())));
        grid.setSizeFull();
        grid.setEmptyStateText(ui.t("training.ui.courses.empty"));
        add(new H1(ui.t("training.ui.courses.title")), new HorizontalLayout(add), grid);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(courses.list());
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void create() {
        Dialog dialog = new Dialog();
        dialog.setId("course-new-dialog");
        dialog.setHeaderTitle(ui.t("training.ui.courses.new"));
        dialog.setWidth("min(32rem, 96vw)");
        TextField title = new TextField(ui.t("training.ui.course.title-field"));
        title.setId("course-new-title");
        title.setWidthFull();
        title.setMaxLength(TextLimits.TITLE);
        title.setRequiredIndicatorVisible(true);
        dialog.add(title);
        Button save = new Button(ui.t("training.ui.common.create"), e -> {
            try {
                long id = courses.create(new CourseService.CourseDraft(title.getValue(), "", CourseService.CATEGORIES.get(0), 0));
                dialog.close();
                UI.getCurrent().navigate(Routes.editCourse(id));
            } catch (RuntimeException ex) {
                ui.refused(ex, Map.of("training.course.title-required", title, "training.course.title-too-long", title));
            }
        });
        save.setId("course-new-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(ui.t("training.ui.common.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        dialog.open();
        title.focus();
    }
}
