package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.upload.UploadTexts;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleImport;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;

/**
 * Imports articles from a ZIP archive or one Markdown/HTML file: the upload is read on the
 * server (its size limited while it streams), the preview lists every article and every problem by
 * file and line, and the import, all or nothing, is offered only when there is no problem.
 */
final class ImportPanel extends Div {

    private static final long serialVersionUID = 1L;
    private final transient ArticleService articles;
    private final transient Ui ui;
    private final transient Runnable imported;
    private final Div result = new Div();
    private final Upload upload;
    private transient ArticleImport.Preview preview;

    ImportPanel(ArticleService articles, Ui ui, Runnable imported) {
        this.articles = articles;
        this.ui = ui;
        this.imported = imported;
        setId("publishing-import");
        addClassName("publishing-import");
        upload = new Upload(new BoundedUploadHandler(ArticleImport.MAX_ARCHIVE_BYTES, ImportPanel::articleFile,
                received -> {
                    try (received; InputStream in = received.openStream()) {
                        show(articles.previewImport(received.fileName(), in));
                    } catch (RuntimeException e) {
                        ui.refused(e);
                    }
                }, refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
        upload.setId("publishing-import-upload");
        upload.setI18n(UploadTexts.of(ui.translator()));
        upload.setAcceptedFileTypes(".zip", ".md", ".markdown", ".html", ".htm");
        upload.setMaxFileSize((int) ArticleImport.MAX_ARCHIVE_BYTES);
        upload.addFileRejectedListener(e -> ui.error(e.getErrorMessage()));
        result.setId("publishing-import-result");
        add(new H2(ui.t("publishing.ui.import.title")), new Paragraph(ui.t("publishing.ui.import.help",
                ArticleImport.MAX_FILES, ArticleImport.MAX_ARCHIVE_BYTES / (1024 * 1024))), upload, result);
    }

    /** Accepts the names the importer reads; the importer checks the content itself. */
    static String articleFile(String fileName, InputStream content) throws IOException {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        for (String ending : List.of(".zip", ".md", ".markdown", ".html", ".htm")) {
            if (lower.endsWith(ending)) {
                return "application/octet-stream";
            }
        }
        throw new UploadRefusedException(UploadRefusedException.Reason.WRONG_TYPE, fileName + " is not importable",
                fileName, ".zip, .md, .markdown, .html, .htm");
    }

    private void show(ArticleImport.Preview read) {
        preview = read;
        // The preview replaces the file list: the next file chosen is read afresh.
        upload.clearFileList();
        result.removeAll();
        Map<String, String> names = articles.categories().stream()
                .collect(Collectors.toMap(Category::id, c -> c.name(ui.locale())));
        if (!read.problems().isEmpty()) {
            Paragraph heading = new Paragraph(ui.t("publishing.ui.import.problems", read.problems().size()));
            heading.setId("publishing-import-problems-heading");
            UnorderedList list = new UnorderedList();
            list.setId("publishing-import-problems");
            for (ArticleImport.Problem p : read.problems()) {
                String where = p.line() > 0 ? ui.t("publishing.ui.import.where-line", p.file(), p.line()) : p.file();
                list.add(new ListItem((where.isEmpty() ? "" : where + ": ") + ui.t(p.key(), p.args().toArray())));
            }
            result.add(heading, list);
        }
        if (!read.items().isEmpty()) {
            Grid<ArticleImport.Item> grid = new Grid<>();
            grid.setId("publishing-import-items");
            grid.addColumn(ArticleImport.Item::file).setHeader(ui.t("publishing.ui.import.file"));
            grid.addColumn(i -> i.draft().title()).setHeader(ui.t("publishing.ui.field.title")).setFlexGrow(3);
            grid.addColumn(i -> names.getOrDefault(i.draft().categoryId(), i.draft().categoryId()))
                    .setHeader(ui.t("publishing.ui.field.category"));
            grid.setItems(read.items());
            grid.setAllRowsVisible(true);
            result.add(grid);
        }
        if (!read.ignored().isEmpty()) {
            Paragraph ignored = new Paragraph(ui.t("publishing.ui.import.ignored", String.join(", ", read.ignored())));
            ignored.setId("publishing-import-ignored");
            result.add(ignored);
        }
        Button commit = new Button(ui.t("publishing.ui.import.commit", read.items().size()), e -> commit());
        commit.setId("publishing-import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.setEnabled(read.ok());
        commit.setDisableOnClick(true);
        result.add(commit);
    }

    private void commit() {
        try {
            List<Article> created = articles.importAll(preview);
            ui.success(ui.t("publishing.ui.import.done", created.size()));
            preview = null;
            result.removeAll();
            imported.run();
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }
}
