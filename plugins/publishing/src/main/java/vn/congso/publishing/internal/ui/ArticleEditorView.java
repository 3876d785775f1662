package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Entities;
import vn.congso.api.links.LinkTarget;
import vn.congso.api.text.Formats;
import vn.congso.api.text.PickerTexts;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.upload.UploadTexts;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleDraft;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.ArticleState;
import vn.congso.publishing.internal.article.Category;
import vn.congso.publishing.internal.article.Comment;
import vn.congso.publishing.internal.article.PublishingPermissions;
import vn.congso.publishing.internal.article.Revision;
import vn.congso.publishing.internal.article.StoredFile;
import vn.congso.publishing.internal.article.Transition;
import vn.congso.publishing.internal.article.Workflow;
import vn.congso.publishing.internal.content.SafeMarkdown;
import vn.congso.publishing.internal.web.PortalRoutes;

/**
 * Writes an article: its fields, Markdown with a live preview of exactly the HTML the portal will
 * show, the cover and attachments, the workflow steps the user may take, comments between editor
 * and reviewer, and the revisions with their differences and a restore.
 */
public class ArticleEditorView extends VerticalLayout implements HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;
    private final transient ArticleService articles;
    private final transient Procedures procedures;
    private final transient Ui ui;
    private final transient SafeMarkdown markdown = new SafeMarkdown();
    private transient Article current;

    private final H1 heading = new H1();
    private final Span state = new Span();
    private final TextField title = new TextField();
    private final TextArea summary = new TextArea();
    private final ComboBox<Category> category = new ComboBox<>();
    private final TextField tags = new TextField();
    private final Select<String> language = new Select<>();
    private final MultiSelectComboBox<LinkTarget> related = new MultiSelectComboBox<>();
    private final Checkbox pinned = new Checkbox();
    private final Checkbox featured = new Checkbox();
    private final DateTimePicker publishAt = new DateTimePicker();
    private final DateTimePicker unpublishAt = new DateTimePicker();
    private final DateTimePicker reviewAt = new DateTimePicker();
    private final TextArea body = new TextArea();
    private final Div preview = new Div();
    private final Button save = new Button();
    private final Div steps = new Div();
    private final Div files = new Div();
    private final Div comments = new Div();
    private final Div revisions = new Div();
    private final Div links = new Div();

    ArticleEditorView(ArticleService articles, Procedures procedures, Ui ui) {
        this.articles = articles;
        this.procedures = procedures;
        this.ui = ui;
        setId("publishing-editor");
        addClassName("publishing-page");
        state.setId("publishing-state");
        state.addClassName("publishing-state");

        title.setId("publishing-title");
        title.setLabel(ui.t("publishing.ui.field.title"));
        title.setMaxLength(ArticleService.MAX_TITLE);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        summary.setId("publishing-summary");
        summary.setLabel(ui.t("publishing.ui.field.summary"));
        summary.setMaxLength(ArticleService.MAX_SUMMARY);
        summary.setHelperText(ui.t("publishing.ui.field.summary-help"));
        summary.setWidthFull();
        category.setId("publishing-category");
        category.setLabel(ui.t("publishing.ui.field.category"));
        category.setItems(articles.categories());
        category.setItemLabelGenerator(c -> c.name(ui.locale()));
        category.setRequiredIndicatorVisible(true);
        tags.setId("publishing-tags");
        tags.setLabel(ui.t("publishing.ui.field.tags"));
        tags.setHelperText(ui.t("publishing.ui.field.tags-help"));
        language.setId("publishing-language");
        language.setLabel(ui.t("publishing.ui.field.language"));
        language.setItems("vi", "en");
        language.setItemLabelGenerator(l -> ui.t("publishing.ui.language." + l));
        language.setValue("vi");
        related.setId("publishing-procedures");
        related.setLabel(ui.t("publishing.ui.field.procedures"));
        related.setItemLabelGenerator(t -> t.title() + " (" + t.key() + ")");
        related.setHelperText(ui.t("publishing.ui.field.procedures-help"));
        related.setWidthFull();
        // What screen readers announce for the chips, in the page's language.
        related.setI18n(new com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n()
                .setCleared(ui.t("publishing.ui.multi.cleared")).setFocused(ui.t("publishing.ui.multi.focused"))
                .setSelected(ui.t("publishing.ui.multi.selected")).setDeselected(ui.t("publishing.ui.multi.deselected"))
                .setTotal(ui.t("publishing.ui.multi.total", "{count}")));
        pinned.setId("publishing-pinned");
        pinned.setLabel(ui.t("publishing.ui.field.pinned"));
        featured.setId("publishing-featured");
        featured.setLabel(ui.t("publishing.ui.field.featured"));
        picker(publishAt, "publishing-publish-at", "publishing.ui.field.publish-at");
        picker(unpublishAt, "publishing-unpublish-at", "publishing.ui.field.unpublish-at");
        picker(reviewAt, "publishing-review-at", "publishing.ui.field.review-at");
        body.setId("publishing-body");
        body.setLabel(ui.t("publishing.ui.field.body"));
        body.setHelperText(ui.t("publishing.ui.field.body-help"));
        body.setMaxLength(ArticleService.MAX_BODY);
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> renderPreview());
        body.addClassName("publishing-body");
        preview.setId("publishing-preview");
        preview.addClassName("publishing-preview");
        save.setText(ui.t("publishing.ui.action.save"));
        save.setId("publishing-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        steps.setId("publishing-steps");
        steps.addClassName("publishing-actions");
        files.setId("publishing-files");
        comments.setId("publishing-comments");
        revisions.setId("publishing-revisions");
        links.setId("publishing-links");

        Div meta = new Div(category, language, tags, publishAt, unpublishAt, reviewAt, pinned, featured);
        meta.addClassName("publishing-meta");
        Div writing = new Div(body, preview);
        writing.addClassName("publishing-writing");
        Div actions = new Div(save, steps);
        actions.addClassName("publishing-actions");
        add(heading, state, links, title, summary, meta, related, writing, actions, files, comments, revisions);
    }

    private void picker(DateTimePicker picker, String id, String label) {
        picker.setId(id);
        picker.setLabel(ui.t(label));
        PickerTexts.apply(picker, ui.translator(), ui.locale());
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        if (id == null) {
            current = null;
        } else {
            try {
                current = articles.get(id);
            } catch (RuntimeException e) {
                ui.refused(e);
                current = null;
            }
        }
        show();
    }

    private void show() {
        boolean isNew = current == null;
        heading.setText(isNew ? ui.t("publishing.ui.editor.new") : current.title());
        state.setText(isNew ? ui.state(ArticleState.DRAFT) : ui.state(current.state()));
        related.setVisible(procedures.available());
        if (procedures.available()) {
            related.setItems(procedures.find("", ui.locale(), 500));
        }
        if (!isNew) {
            title.setValue(current.title());
            summary.setValue(current.summary());
            category.setValue(articles.category(current.categoryId()).orElse(null));
            tags.setValue(String.join(", ", current.tags()));
            language.setValue(current.language());
            pinned.setValue(current.pinned());
            featured.setValue(current.featured());
            publishAt.setValue(local(current.publishAt()));
            unpublishAt.setValue(local(current.unpublishAt()));
            reviewAt.setValue(local(current.reviewAt()));
            body.setValue(current.body());
            if (procedures.available()) {
                related.setValue(current.procedures().stream().map(code -> procedures.resolve(code, ui.locale()))
                        .flatMap(Optional::stream).toList());
            }
        } else if (category.getValue() == null && !articles.categories().isEmpty()) {
            category.setValue(articles.categories().get(0));
        }
        boolean editable = isNew || Workflow.editable(current.state());
        boolean mayEdit = articles.may(PublishingPermissions.EDIT) && editable;
        for (var field : List.of(title, summary, tags, body)) {
            field.setReadOnly(!mayEdit);
        }
        category.setReadOnly(!mayEdit);
        language.setReadOnly(!mayEdit);
        related.setReadOnly(!mayEdit);
        pinned.setReadOnly(!mayEdit);
        featured.setReadOnly(!mayEdit);
        publishAt.setReadOnly(!mayEdit);
        unpublishAt.setReadOnly(!mayEdit);
        reviewAt.setReadOnly(!mayEdit);
        save.setVisible(mayEdit);
        renderPreview();
        renderSteps();
        renderLinks();
        renderFiles(mayEdit);
        renderComments();
        renderRevisions(mayEdit);
    }

    private void renderPreview() {
        preview.removeAll();
        preview.add(new H2(ui.t("publishing.ui.editor.preview")));
        preview.add(new Html("<div class=\"publishing-article-body\">" + markdown.toHtml(body.getValue()) + "</div>"));
    }

    private void save() {
        ArticleDraft draft = new ArticleDraft(title.getValue(), summary.getValue(), body.getValue(),
                category.getValue() == null ? null : category.getValue().id(),
                Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                language.getValue(), related.getValue().stream().map(LinkTarget::key).sorted().toList(),
                pinned.getValue(), featured.getValue(), instant(publishAt.getValue()), instant(unpublishAt.getValue()),
                instant(reviewAt.getValue()));
        if (draft.procedures().isEmpty() && current != null && !procedures.available()) {
            // The services plugin is not installed: keep the links the article had.
            draft = new ArticleDraft(draft.title(), draft.summary(), draft.body(), draft.categoryId(), draft.tags(),
                    draft.language(), current.procedures(), draft.pinned(), draft.featured(), draft.publishAt(),
                    draft.unpublishAt(), draft.reviewAt());
        }
        try {
            if (current == null) {
                Article created = articles.create(draft);
                ui.success(ui.t("publishing.ui.editor.saved", created.title()));
                getUI().ifPresent(u -> u.navigate(PublishingScreens.EDIT + "/" + created.id()));
                return;
            }
            current = articles.save(current.id(), current.version(), draft);
            ui.success(ui.t("publishing.ui.editor.saved", current.title()));
            show();
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void renderSteps() {
        steps.removeAll();
        if (current == null) {
            return;
        }
        for (Transition t : Workflow.available(current.state(), articles::may)) {
            String key = t.name().toLowerCase(java.util.Locale.ROOT);
            Button b = new Button(ui.t("publishing.ui.step." + key), e -> step(t));
            b.setId("publishing-step-" + key);
            if (t == Transition.PUBLISH || t == Transition.APPROVE || t == Transition.SUBMIT) {
                b.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            }
            steps.add(b);
        }
    }

    private void step(Transition t) {
        try {
            current = articles.transition(current.id(), t);
            ui.success(ui.t("publishing.ui.editor.moved", ui.state(current.state())));
            show();
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void renderLinks() {
        links.removeAll();
        if (current != null && current.state() == ArticleState.PUBLISHED) {
            Anchor view = new Anchor("/" + PortalRoutes.article(current.slug()), ui.t("publishing.ui.editor.view-public"));
            view.setId("publishing-public-link");
            Anchor leaflet = new Anchor(PortalRoutes.leaflet(current.slug()), ui.t("publishing.ui.portal.leaflet"));
            leaflet.setId("publishing-leaflet-link");
            leaflet.getElement().setAttribute("router-ignore", true);
            links.add(view, new Span(" · "), leaflet);
        }
    }

    private void renderFiles(boolean mayEdit) {
        files.removeAll();
        if (current == null) {
            return;
        }
        files.add(new H2(ui.t("publishing.ui.editor.files")));
        List<Integer> widths = articles.coverWidths(current.id());
        if (!widths.isEmpty()) {
            Image cover = new Image(PortalRoutes.cover(current.id(), widths.get(0)), ui.t("publishing.ui.editor.cover"));
            cover.setId("publishing-cover");
            cover.addClassName("publishing-cover-thumb");
            files.add(cover);
        }
        for (StoredFile f : articles.attachments(current.id())) {
            Anchor a = new Anchor(PortalRoutes.attachment(current.id(), f.id(), f.name()), f.name());
            a.getElement().setAttribute("router-ignore", true);
            a.setId("publishing-attachment-" + f.id());
            files.add(new Div(a));
        }
        if (!mayEdit) {
            return;
        }
        long articleId = current.id();
        Upload cover = new Upload(new BoundedUploadHandler(ArticleService.MAX_COVER_BYTES,
                ContentCheck.oneOf(FileType.PNG, FileType.JPEG, FileType.GIF), received -> {
                    try (received) {
                        current = articles.setCover(articleId, received.fileName(), received.readAllBytes());
                        ui.success(ui.t("publishing.ui.editor.cover-set"));
                        show();
                    } catch (RuntimeException e) {
                        ui.refused(e);
                    }
                }, refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
        cover.setId("publishing-cover-upload");
        cover.setI18n(UploadTexts.of(ui.translator()));
        cover.setAcceptedFileTypes(".png", ".jpg", ".jpeg", ".gif", "image/png", "image/jpeg", "image/gif");
        cover.setMaxFileSize((int) ArticleService.MAX_COVER_BYTES);
        cover.addFileRejectedListener(e -> ui.error(e.getErrorMessage()));
        Upload attachment = new Upload(new BoundedUploadHandler(ArticleService.MAX_ATTACHMENT_BYTES,
                ArticleEditorView::pdfOrDocx, received -> {
                    try (received) {
                        articles.addAttachment(articleId, received.fileName(), received.mediaType(), received.readAllBytes());
                        ui.success(ui.t("publishing.ui.editor.attachment-added", received.fileName()));
                        show();
                    } catch (RuntimeException e) {
                        ui.refused(e);
                    }
                }, refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
        attachment.setId("publishing-attachment-upload");
        attachment.setI18n(UploadTexts.of(ui.translator()));
        attachment.setAcceptedFileTypes(".pdf", ".docx", "application/pdf", ArticleService.DOCX);
        attachment.setMaxFileSize((int) ArticleService.MAX_ATTACHMENT_BYTES);
        attachment.addFileRejectedListener(e -> ui.error(e.getErrorMessage()));
        files.add(new Paragraph(ui.t("publishing.ui.editor.cover-help")), cover,
                new Paragraph(ui.t("publishing.ui.editor.attachment-help")), attachment);
    }

    /** A PDF (sniffed), or a DOCX: a ZIP archive holding {@code word/document.xml}, named .docx. */
    static String pdfOrDocx(String fileName, java.io.InputStream content) throws IOException {
        byte[] head = content.readNBytes(FileType.HEAD_BYTES);
        Optional<FileType> type = FileType.sniff(head);
        String lower = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (type.isPresent() && type.get() == FileType.PDF && lower.endsWith(".pdf")) {
            return FileType.PDF.mediaType();
        }
        if (type.isPresent() && type.get() == FileType.ZIP && lower.endsWith(".docx")) {
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                    new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), content))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if ("word/document.xml".equals(entry.getName())) {
                        return ArticleService.DOCX;
                    }
                }
            }
        }
        throw new UploadRefusedException(UploadRefusedException.Reason.WRONG_TYPE, fileName + " is no PDF or DOCX",
                fileName, ".pdf, .docx");
    }

    private void renderComments() {
        comments.removeAll();
        if (current == null) {
            return;
        }
        comments.add(new H2(ui.t("publishing.ui.editor.comments")));
        for (Comment c : articles.comments(current.id())) {
            Div item = new Div(new Span(c.authorName() + " · " + ui.dateTime(c.createdAt())), new Paragraph(c.body()));
            item.addClassName("publishing-comment");
            comments.add(item);
        }
        TextArea text = new TextArea(ui.t("publishing.ui.editor.comment"));
        text.setId("publishing-comment");
        text.setMaxLength(ArticleService.MAX_COMMENT);
        text.setWidthFull();
        Button add = new Button(ui.t("publishing.ui.editor.comment-add"), e -> {
            try {
                articles.comment(current.id(), text.getValue());
                renderComments();
            } catch (RuntimeException ex) {
                ui.refused(ex);
            }
        });
        add.setId("publishing-comment-add");
        comments.add(text, add);
    }

    private void renderRevisions(boolean mayEdit) {
        revisions.removeAll();
        if (current == null) {
            return;
        }
        revisions.add(new H2(ui.t("publishing.ui.editor.revisions")));
        List<Revision> all = articles.revisions(current.id());
        Div diff = new Div();
        diff.setId("publishing-diff");
        diff.addClassName("publishing-diff");
        for (int i = 0; i < all.size(); i++) {
            Revision r = all.get(i);
            Revision before = i + 1 < all.size() ? all.get(i + 1) : null;
            Span label = new Span(ui.t("publishing.ui.editor.revision", r.number(), r.savedBy(), ui.dateTime(r.savedAt())));
            Button show = new Button(ui.t("publishing.ui.editor.diff"), e -> showDiff(diff, before, r));
            show.setId("publishing-diff-" + r.number());
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(label, show);
            if (mayEdit && i > 0) {
                Button restore = new Button(ui.t("publishing.ui.editor.restore"), e -> {
                    try {
                        current = articles.restore(current.id(), r.number(), current.version());
                        ui.success(ui.t("publishing.ui.editor.restored", r.number()));
                        show();
                    } catch (RuntimeException ex) {
                        ui.refused(ex);
                    }
                });
                restore.setId("publishing-restore-" + r.number());
                restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                row.add(restore);
            }
            row.addClassName("publishing-revision");
            revisions.add(row);
        }
        revisions.add(diff);
    }

    private void showDiff(Div target, Revision before, Revision after) {
        StringBuilder html = new StringBuilder("<pre class=\"publishing-diff-text\">");
        String old = before == null ? "" : before.title() + "\n\n" + before.summary() + "\n\n" + before.body();
        String now = after.title() + "\n\n" + after.summary() + "\n\n" + after.body();
        for (LineDiff.Line line : LineDiff.diff(old, now)) {
            String cls = switch (line.kind()) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case SAME -> "same";
            };
            String mark = switch (line.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case SAME -> "  ";
            };
            html.append("<span class=\"").append(cls).append("\">").append(mark).append(Entities.escape(line.text()))
                    .append("</span>\n");
        }
        html.append("</pre>");
        target.removeAll();
        target.add(new Html(html.toString()));
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Formats.ZONE);
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(Formats.ZONE).toInstant();
    }
}
