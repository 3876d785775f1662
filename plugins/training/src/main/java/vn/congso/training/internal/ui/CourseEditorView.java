package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.text.NumberInput;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.UploadTexts;
import vn.congso.training.internal.TextLimits;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.AttachmentInfo;
import vn.congso.training.internal.service.CourseService.Course;
import vn.congso.training.internal.service.CourseService.CourseDraft;
import vn.congso.training.internal.service.CourseService.Enrolment;
import vn.congso.training.internal.service.CourseService.Lesson;
import vn.congso.training.internal.service.CourseService.LessonDraft;

/**
 * Trainers: one course — its description, lessons (add, edit with a live Markdown preview,
 * reorder, delete, attachments), publishing, and enrolling people or whole units with a deadline.
 */
public class CourseEditorView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient CourseService courses;
    private final transient UserDirectory directory;
    private long courseId;
    private transient Course course;
    private final TextField title = new TextField();
    private final TextArea summary = new TextArea();
    private final Select<String> category = new Select<>();
    private final NumberInput minutes;
    private final Button publish = new Button();
    private final Span state = new Span();
    private final Grid<Lesson> lessons = new Grid<>();
    private final Grid<Enrolment> enrolments = new Grid<>();

    /** Creates the view. */
    public CourseEditorView(Ui ui, CourseService courses, UserDirectory directory) {
        this.ui = ui;
        this.courses = courses;
        this.directory = directory;
        this.minutes = ui.number("", true);
        setId("course-editor-view");
        setWidthFull();
        addClassNames("training-page", "training-page-72");
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        removeAll();
        courseId = parameter;
        try {
            course = courses.get(courseId);
        } catch (TrainingException e) {
            add(new H1(ui.t("training.ui.course.not-found")), new Paragraph(String.join(" ", ui.messages(e))));
            return;
        } catch (RuntimeException e) {
            ui.refused(e);
            return;
        }
        build();
    }

    private void build() {
        Anchor back = new Anchor(Routes.MANAGE_COURSES, ui.t("training.ui.courses.back"));
        back.setId("course-editor-back");
        H1 heading = new H1(ui.t("training.ui.course.edit-title"));
        state.setId("course-state");
        Div head = new Div(heading, state);
        head.addClassNames("training-head", "training-wrap");

        title.setLabel(ui.t("training.ui.course.title-field"));
        title.setId("course-title-field");
        title.setMaxLength(TextLimits.TITLE);
        title.setRequiredIndicatorVisible(true);
        summary.setLabel(ui.t("training.ui.course.summary-field"));
        summary.setId("course-summary-field");
        summary.setMaxLength(TextLimits.SUMMARY);
        summary.setHelperText(ui.t("training.ui.course.summary-help"));
        category.setLabel(ui.t("training.ui.category"));
        category.setId("course-category-field");
        category.setItems(CourseService.CATEGORIES);
        category.setItemLabelGenerator(c -> ui.name("training.ui.category", c));
        minutes.setLabel(ui.t("training.ui.course.minutes-field"));
        minutes.setId("course-minutes-field");
        FormLayout form = new FormLayout(title, category, minutes, summary);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(title, 2);
        form.setColspan(summary, 2);

        Button save = new Button(ui.t("training.ui.common.save"), VaadinIcon.CHECK.create(), e -> save());
        save.setId("course-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setId("course-publish");
        publish.addClickListener(e -> togglePublished());
        Button enrol = new Button(ui.t("training.ui.enrol.open"), VaadinIcon.USERS.create(), e -> openEnrolment());
        enrol.setId("course-enrol-people");
        Button delete = new Button(ui.t("training.ui.common.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("course-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(save, publish, enrol, delete);
        actions.setWrap(true);

        lessons.setId("course-lessons-grid");
        lessons.setEmptyStateText(ui.t("training.ui.lessons.empty"));
        lessons.addColumn(l -> l.position() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        lessons.addColumn(Lesson::title).setHeader(ui.t("training.ui.lesson.title-field")).setFlexGrow(3);
        lessons.addColumn(l -> l.attachments().size()).setHeader(ui.t("training.ui.lesson.attachments")).setAutoWidth(true);
        lessons.addComponentColumn(this::lessonActions).setHeader(ui.t("training.ui.common.actions")).setAutoWidth(true);
        lessons.setAllRowsVisible(true);
        Button addLesson = new Button(ui.t("training.ui.lesson.add"), VaadinIcon.PLUS.create(), e -> editLesson(null));
        addLesson.setId("lesson-add");

        enrolments.setId("course-enrolments-grid");
        enrolments.setEmptyStateText(ui.t("training.ui.enrol.empty"));
        enrolments.addColumn(Enrolment::username).setHeader(ui.t("training.ui.enrol.user")).setSortable(true);
        enrolments.addColumn(en -> directory.person(en.username()).map(UserDirectory.Person::fullName).orElse(""))
                .setHeader(ui.t("training.ui.enrol.full-name"));
        enrolments.addColumn(en -> ui.date(en.enrolledAt())).setHeader(ui.t("training.ui.enrol.enrolled-at"));
        enrolments.addColumn(en -> en.deadline() == null ? "" : ui.date(en.deadline())).setHeader(ui.t("training.ui.enrol.deadline"));
        enrolments.addComponentColumn(en -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> unenrol(en));
            remove.setAriaLabel(ui.t("training.ui.enrol.remove", en.username()));
            remove.setTooltipText(ui.t("training.ui.enrol.remove", en.username()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        enrolments.setHeight("18rem");

        add(back, head, form, actions, new H2(ui.t("training.ui.course.lessons")), addLesson, lessons,
                new H2(ui.t("training.ui.enrol.enrolled")), enrolments);
        fill();
    }

    private void fill() {
        title.setValue(course.summary().title());
        summary.setValue(course.summary().summary());
        category.setValue(CourseService.CATEGORIES.contains(course.summary().category()) ? course.summary().category()
                : CourseService.CATEGORIES.get(0));
        minutes.setNumber(course.summary().estimatedMinutes());
        boolean published = course.summary().published();
        state.removeAll();
        Span badge = Widgets.badge(ui.t(published ? "training.ui.course.published" : "training.ui.course.draft"),
                published ? "success" : "contrast");
        badge.getElement().setAttribute("data-published", String.valueOf(published));
        state.add(badge);
        publish.setText(ui.t(published ? "training.ui.course.unpublish" : "training.ui.course.publish"));
        publish.setIcon(published ? VaadinIcon.EYE_SLASH.create() : VaadinIcon.EYE.create());
        lessons.setItems(course.lessons());
        try {
            enrolments.setItems(courses.enrolments(courseId));
        } catch (RuntimeException e) {
            enrolments.setItems(List.of());
        }
    }

    private void reload() {
        try {
            course = courses.get(courseId);
            fill();
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void save() {
        if (!minutes.check()) {
            return;
        }
        try {
            courses.update(courseId, new CourseDraft(title.getValue(), summary.getValue(), category.getValue(),
                    minutes.getWhole() == null ? 0 : minutes.getWhole()));
            ui.success(ui.t("training.ui.common.saved"));
            reload();
        } catch (RuntimeException e) {
            ui.refused(e, Map.of("training.course.title-required", title, "training.course.title-too-long", title,
                    "training.course.category-unknown", category, "training.course.minutes-negative", minutes));
        }
    }

    private void togglePublished() {
        try {
            courses.setPublished(courseId, !course.summary().published());
            ui.success(ui.t(course.summary().published() ? "training.ui.course.unpublished" : "training.ui.course.published-now"));
            reload();
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void confirmDelete() {
        ui.confirmDelete("course-delete-confirm", ui.t("training.ui.course.delete-title", course.summary().title()),
                ui.t("training.ui.course.delete-text"), () -> {
                    courses.delete(courseId);
                    UI.getCurrent().navigate(Routes.MANAGE_COURSES);
                });
    }

    private HorizontalLayout lessonActions(Lesson lesson) {
        int n = lesson.position() + 1;
        Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(lesson, -1));
        up.setId("lesson-up-" + n);
        up.setAriaLabel(ui.t("training.ui.lesson.move-up", lesson.title()));
        up.setEnabled(lesson.position() > 0);
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(lesson, 1));
        down.setId("lesson-down-" + n);
        down.setAriaLabel(ui.t("training.ui.lesson.move-down", lesson.title()));
        down.setEnabled(lesson.position() < course.lessons().size() - 1);
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> editLesson(lesson));
        edit.setId("lesson-edit-" + n);
        edit.setAriaLabel(ui.t("training.ui.lesson.edit", lesson.title()));
        edit.setTooltipText(ui.t("training.ui.lesson.edit", lesson.title()));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> deleteLesson(lesson));
        delete.setId("lesson-delete-" + n);
        delete.setAriaLabel(ui.t("training.ui.lesson.delete", lesson.title()));
        delete.setTooltipText(ui.t("training.ui.lesson.delete", lesson.title()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(up, down, edit, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout row = new HorizontalLayout(up, down, edit, delete);
        row.setSpacing(false);
        return row;
    }

    private void move(Lesson lesson, int by) {
        List<Long> order = new ArrayList<>(course.lessons().stream().map(Lesson::id).toList());
        int from = order.indexOf(lesson.id());
        int to = from + by;
        if (to < 0 || to >= order.size()) {
            return;
        }
        order.set(from, order.set(to, order.get(from)));
        try {
            courses.reorderLessons(courseId, order);
            reload();
        } catch (RuntimeException e) {
            ui.refused(e);
            reload();
        }
    }

    private void deleteLesson(Lesson lesson) {
        ui.confirmDelete("lesson-delete-confirm", ui.t("training.ui.lesson.delete", lesson.title()),
                ui.t("training.ui.lesson.delete-text"), () -> {
                    courses.deleteLesson(lesson.id());
                    reload();
                });
    }

    private void editLesson(Lesson existing) {
        Dialog dialog = new Dialog();
        dialog.setId("lesson-dialog");
        dialog.setHeaderTitle(ui.t(existing == null ? "training.ui.lesson.add" : "training.ui.lesson.edit",
                existing == null ? "" : existing.title()));
        dialog.setWidth("min(72rem, 98vw)");
        TextField lessonTitle = new TextField(ui.t("training.ui.lesson.title-field"));
        lessonTitle.setId("lesson-title-field");
        lessonTitle.setWidthFull();
        lessonTitle.setMaxLength(TextLimits.TITLE);
        lessonTitle.setRequiredIndicatorVisible(true);
        TextField video = new TextField(ui.t("training.ui.lesson.video-field"));
        video.setId("lesson-video-field");
        video.setWidthFull();
        video.setMaxLength(TextLimits.URL);
        video.setHelperText(ui.t("training.ui.lesson.video-help"));
        TextArea markdown = new TextArea(ui.t("training.ui.lesson.markdown-field"));
        markdown.setId("lesson-markdown-field");
        markdown.setWidthFull();
        markdown.setMaxLength(TextLimits.LESSON_MARKDOWN);
        markdown.setMinHeight("20rem");
        markdown.setHelperText(ui.t("training.ui.lesson.markdown-help"));
        markdown.setValueChangeMode(ValueChangeMode.TIMEOUT);
        markdown.setValueChangeTimeout(400);
        markdown.addClassName("training-monospace");
        SafeHtml preview = new SafeHtml();
        preview.setId("lesson-preview");
        preview.addClassName("training-lesson-preview");
        markdown.addValueChangeListener(e -> preview.markdown(e.getValue()));
        if (existing != null) {
            lessonTitle.setValue(existing.title());
            video.setValue(existing.videoUrl());
            markdown.setValue(existing.markdown());
        }
        preview.markdown(markdown.getValue());
        Span previewLabel = new Span(ui.t("training.ui.lesson.preview"));
        previewLabel.addClassName("training-muted");
        Div editor = new Div(markdown);
        editor.addClassName("training-pane");
        Div previewBox = new Div(previewLabel, preview);
        previewBox.addClassName("training-pane");
        Div sideBySide = new Div(editor, previewBox);
        sideBySide.addClassName("training-two-up");
        VerticalLayout content = new VerticalLayout(lessonTitle, video, sideBySide);
        content.setPadding(false);
        if (existing != null) {
            content.add(attachments(existing));
        } else {
            content.add(Widgets.muted(ui.t("training.ui.lesson.attachments-after-save")));
        }
        dialog.add(content);
        Button save = new Button(ui.t("training.ui.common.save"), e -> {
            LessonDraft draft = new LessonDraft(lessonTitle.getValue(), markdown.getValue(), video.getValue());
            try {
                if (existing == null) {
                    courses.addLesson(courseId, draft);
                } else {
                    courses.updateLesson(existing.id(), draft);
                }
                dialog.close();
                ui.success(ui.t("training.ui.common.saved"));
                reload();
            } catch (RuntimeException ex) {
                ui.refused(ex, Map.of("training.lesson.title-required", lessonTitle,
                        "training.lesson.video-url-invalid", video));
            }
        });
        save.setId("lesson-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(ui.t("training.ui.common.cancel"), e -> dialog.close());
        cancel.setId("lesson-cancel");
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private VerticalLayout attachments(Lesson lesson) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        H3 heading = new H3(ui.t("training.ui.lesson.attachments"));
        Div list = new Div();
        list.setId("lesson-attachment-list");
        Runnable[] refresh = new Runnable[1];
        refresh[0] = () -> {
            list.removeAll();
            Lesson now = courses.get(courseId).lessons().stream().filter(l -> l.id() == lesson.id()).findFirst()
                    .orElse(lesson);
            for (AttachmentInfo info : now.attachments()) {
                Anchor download = Widgets.download("attachment-" + info.id(), info.name(), info.name(), info.mediaType(),
                        () -> courses.attachment(info.id()).content());
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                    try {
                        courses.deleteAttachment(info.id());
                        refresh[0].run();
                        reload();
                    } catch (RuntimeException ex) {
                        ui.refused(ex);
                    }
                });
                remove.setId("attachment-delete-" + info.id());
                remove.setAriaLabel(ui.t("training.ui.lesson.attachment-delete", info.name()));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                Div row = new Div(download, remove);
                row.addClassName("training-actions");
                list.add(row);
            }
            if (now.attachments().isEmpty()) {
                list.add(Widgets.muted(ui.t("training.ui.lesson.no-attachments")));
            }
        };
        refresh[0].run();
        // Limits on the server: at most MAX_ATTACHMENT_BYTES are read, spooled to a temporary
        // file, and the content must be a PDF or an image matching its extension (the service
        // checks the bytes again and stores the type it finds, never the browser's).
        Upload upload = new Upload(new BoundedUploadHandler(CourseService.MAX_ATTACHMENT_BYTES,
                ContentCheck.oneOf(CourseService.ATTACHMENT_FILE_TYPES.toArray(FileType[]::new)),
                received -> {
                    try (received) {
                        courses.addAttachment(lesson.id(), received.fileName(), received.readAllBytes());
                        ui.success(ui.t("training.ui.lesson.attachment-added", received.fileName()));
                        refresh[0].run();
                        reload();
                    } catch (RuntimeException ex) {
                        ui.refused(ex);
                    }
                },
                refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
        upload.setId("lesson-upload");
        upload.setI18n(UploadTexts.of(ui.translator()));
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", "application/pdf", "image/png",
                "image/jpeg", "image/gif", "image/webp");
        upload.setMaxFileSize((int) CourseService.MAX_ATTACHMENT_BYTES);
        upload.addFileRejectedListener(e -> ui.error(e.getErrorMessage()));
        box.add(heading, list, Widgets.muted(ui.t("training.ui.lesson.attachment-help")), upload);
        return box;
    }

    private void openEnrolment() {
        Dialog dialog = new Dialog();
        dialog.setId("enrol-dialog");
        dialog.setHeaderTitle(ui.t("training.ui.enrol.title", course.summary().title()));
        dialog.setWidth("min(40rem, 96vw)");
        Map<String, String> unitNames = new LinkedHashMap<>();
        directory.units().forEach(u -> unitNames.put(u.id(), u.name()));
        MultiSelectComboBox<UserDirectory.Person> people = new MultiSelectComboBox<>(ui.t("training.ui.enrol.people"));
        people.setId("enrol-users");
        people.setItems(directory.people().stream().filter(UserDirectory.Person::enabled).toList());
        people.setItemLabelGenerator(p -> p.fullName() + " (" + p.username() + ", "
                + unitNames.getOrDefault(p.unitId(), p.unitId()) + ")");
        people.setWidthFull();
        MultiSelectComboBox<String> units = new MultiSelectComboBox<>(ui.t("training.ui.enrol.units"));
        units.setId("enrol-units");
        units.setItems(unitNames.keySet());
        units.setItemLabelGenerator(id -> unitNames.getOrDefault(id, id));
        units.setHelperText(ui.t("training.ui.enrol.units-help"));
        units.setWidthFull();
        DatePicker deadline = new DatePicker(ui.t("training.ui.enrol.deadline"));
        deadline.setId("enrol-deadline");
        ui.texts(deadline);
        deadline.setMin(LocalDate.now(Ui.ZONE));
        deadline.setHelperText(ui.t("training.ui.enrol.deadline-help"));
        dialog.add(new VerticalLayout(people, units, deadline));
        Button confirm = new Button(ui.t("training.ui.enrol.confirm"), e -> {
            if (people.getValue().isEmpty() && units.getValue().isEmpty()) {
                people.setInvalid(true);
                people.setErrorMessage(ui.t("training.ui.enrol.choose-someone"));
                return;
            }
            Instant due = deadline.getValue() == null ? null
                    : deadline.getValue().atTime(LocalTime.of(23, 59, 59)).atZone(Ui.ZONE).toInstant();
            try {
                int enrolled = 0;
                int already = 0;
                if (!people.getValue().isEmpty()) {
                    CourseService.EnrolmentResult r = courses.enrolUsers(courseId,
                            people.getValue().stream().map(UserDirectory.Person::username).toList(), due);
                    enrolled += r.enrolled();
                    already += r.alreadyEnrolled();
                }
                if (!units.getValue().isEmpty()) {
                    CourseService.EnrolmentResult r = courses.enrolUnits(courseId, Set.copyOf(units.getValue()), due);
                    enrolled += r.enrolled();
                    already += r.alreadyEnrolled();
                }
                dialog.close();
                ui.success(ui.t("training.ui.enrol.done", enrolled, already));
                reload();
            } catch (RuntimeException ex) {
                ui.refused(ex);
            }
        });
        confirm.setId("enrol-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(ui.t("training.ui.common.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void unenrol(Enrolment enrolment) {
        ui.confirmDelete("unenrol-confirm", ui.t("training.ui.enrol.remove", enrolment.username()),
                ui.t("training.ui.enrol.remove-text"), () -> {
                    courses.unenrol(courseId, enrolment.username());
                    reload();
                });
    }
}
