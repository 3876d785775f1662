package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.WildcardParameter;
import java.util.List;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.AttachmentInfo;
import vn.congso.training.internal.service.CourseService.Course;
import vn.congso.training.internal.service.CourseService.Lesson;
import vn.congso.training.internal.service.CourseService.Progress;

/**
 * One lesson: its Markdown rendered safely, the video link, attachments to download, and
 * "studied" with the way to the next lesson. Route {@code training/lesson/<courseId>/<lessonId>}.
 */
public class LessonView extends VerticalLayout implements HasUrlParameter<String> {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient CourseService courses;

    /** Creates the view. */
    public LessonView(Ui ui, CourseService courses) {
        this.ui = ui;
        this.courses = courses;
        setId("lesson-view");
        setWidthFull();
        addClassNames("training-page", "training-page-56");
    }

    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String parameter) {
        removeAll();
        String[] parts = parameter == null ? new String[0] : parameter.split("/");
        long courseId;
        long lessonId;
        try {
            courseId = Long.parseLong(parts[0]);
            lessonId = Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            add(new H1(ui.t("training.ui.lesson.not-found")));
            return;
        }
        try {
            Course course = courses.get(courseId);
            Lesson lesson = course.lessons().stream().filter(l -> l.id() == lessonId).findFirst()
                    .orElseThrow(() -> new TrainingException("training.lesson.not-found"));
            show(course, lesson, courses.progress(courseId));
        } catch (TrainingException e) {
            add(new H1(ui.t("training.ui.lesson.not-found")), new Paragraph(String.join(" ", ui.messages(e))));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void show(Course course, Lesson lesson, Progress progress) {
        long courseId = course.summary().id();
        List<Lesson> lessons = course.lessons();
        int index = lessons.indexOf(lesson);
        Anchor back = new Anchor(Routes.course(courseId), course.summary().title());
        back.setId("lesson-course");
        Span position = Widgets.muted(ui.t("training.ui.lesson.position", index + 1, lessons.size()));
        Div crumbs = new Div(back, new Span(" · "), position);
        H1 title = new H1(lesson.title());
        title.setId("lesson-title");
        add(crumbs, title);

        SafeHtml body = new SafeHtml().markdown(lesson.markdown());
        body.setId("lesson-content");
        body.setWidthFull();
        add(body);

        if (!lesson.videoUrl().isEmpty() && lesson.videoUrl().startsWith("https://")) {
            Anchor video = new Anchor(lesson.videoUrl(), ui.t("training.ui.lesson.watch-video"), AnchorTarget.BLANK);
            video.setId("lesson-video");
            video.getElement().setAttribute("rel", "noopener noreferrer");
            video.addComponentAsFirst(VaadinIcon.PLAY_CIRCLE.create());
            add(video);
        }

        if (!lesson.attachments().isEmpty()) {
            add(new H2(ui.t("training.ui.lesson.attachments")));
            UnorderedList files = new UnorderedList();
            files.setId("lesson-attachments");
            for (AttachmentInfo info : lesson.attachments()) {
                Anchor download = Widgets.download("lesson-attachment-" + info.id(), info.name(), info.name(),
                        info.mediaType(), () -> courses.attachment(info.id()).content());
                files.add(new ListItem(download, Widgets.muted(" (" + size(info.size()) + ")")));
            }
            add(files);
        }

        boolean viewed = progress.viewedLessonIds().contains(lesson.id());
        Span studied = Widgets.badge(ui.t("training.ui.lesson.studied"), "success");
        studied.setId("lesson-studied");
        studied.setVisible(viewed);
        Button mark = new Button(ui.t("training.ui.lesson.mark-studied"), VaadinIcon.CHECK.create());
        mark.setId("lesson-mark-studied");
        mark.setVisible(!viewed && progress.enrolled());
        mark.addClickListener(e -> {
            if (markViewed(lesson.id())) {
                mark.setVisible(false);
                studied.setVisible(true);
                ui.success(ui.t("training.ui.lesson.marked"));
            }
        });

        Div nav = new Div();
        nav.addClassNames("training-actions", "training-lesson-pager");
        if (index > 0) {
            Lesson previous = lessons.get(index - 1);
            Button prev = new Button(ui.t("training.ui.lesson.previous"), VaadinIcon.ARROW_LEFT.create(),
                    e -> UI.getCurrent().navigate(Routes.lesson(courseId, previous.id())));
            prev.setId("lesson-previous");
            nav.add(prev);
        }
        nav.add(mark, studied);
        Div spacer = new Div();
        spacer.addClassName("training-grow");
        nav.add(spacer);
        if (index + 1 < lessons.size()) {
            Lesson next = lessons.get(index + 1);
            Button forward = new Button(ui.t("training.ui.lesson.studied-next"), VaadinIcon.ARROW_RIGHT.create(), e -> {
                if (!progress.enrolled() || markViewed(lesson.id())) {
                    UI.getCurrent().navigate(Routes.lesson(courseId, next.id()));
                }
            });
            forward.setIconAfterText(true);
            forward.setId("lesson-next");
            forward.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            nav.add(forward);
        } else {
            Button finish = new Button(ui.t("training.ui.lesson.studied-finish"), VaadinIcon.ARROW_RIGHT.create(), e -> {
                if (!progress.enrolled() || markViewed(lesson.id())) {
                    UI.getCurrent().navigate(Routes.course(courseId));
                }
            });
            finish.setIconAfterText(true);
            finish.setId("lesson-finish");
            finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            nav.add(finish);
        }
        add(nav);
        if (!progress.enrolled()) {
            add(Widgets.muted(ui.t("training.ui.course.enrol-first")));
        }
    }

    private boolean markViewed(long lessonId) {
        try {
            courses.markViewed(lessonId);
            return true;
        } catch (RuntimeException e) {
            ui.refused(e);
            return false;
        }
    }

    private String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(ui.locale(), "%.0f kB", bytes / 1024.0);
        }
        return String.format(ui.locale(), "%.1f MB", bytes / (1024.0 * 1024));
    }
}
