package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.congso.api.CurrentUser;
import vn.congso.api.security.RunAs;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.SpooledUpload;
import vn.congso.api.upload.UploadTexts;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exchange.ImportError;
import vn.congso.training.internal.exchange.ImportResult;
import vn.congso.training.internal.question.QuestionType;
import vn.congso.training.internal.service.QuestionBankService;
import vn.congso.training.internal.service.QuestionBankService.ImportFormat;
import vn.congso.training.internal.service.QuestionBankService.ImportPreview;

/**
 * Import of a GIFT or Moodle XML file: upload, then a preview of what will be created (counts
 * per category and type) or every error with its line or element, and a commit that stores all
 * or nothing, with a progress bar while a large file is stored.
 */
final class ImportDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient QuestionBankService bank;
    private final transient RunAs runAs;
    private final transient Runnable onDone;
    private final Select<ImportFormat> format = new Select<>();
    private final ComboBox<String> target = new ComboBox<>();
    private final VerticalLayout result = new VerticalLayout();
    private final Button confirm = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private transient ImportPreview preview;
    /** The received file, in a temporary file until it is replaced or the dialog closes. */
    private transient SpooledUpload content;

    ImportDialog(Ui ui, QuestionBankService bank, RunAs runAs, List<String> categories, String selected, Runnable onDone) {
        this.ui = ui;
        this.bank = bank;
        this.runAs = runAs;
        this.onDone = onDone;
        setId("import-dialog");
        setHeaderTitle(ui.t("training.ui.import.title"));
        setWidth("min(60rem, 98vw)");

        format.setLabel(ui.t("training.ui.import.format"));
        format.setId("import-format");
        format.setWidth("min(28rem, 90vw)");
        format.setItems(ImportFormat.values());
        format.setItemLabelGenerator(f -> ui.name("training.ui.import.format", f.name()));
        format.setValue(ImportFormat.GIFT);
        format.addValueChangeListener(e -> reread());
        target.setLabel(ui.t("training.ui.import.target"));
        target.setId("import-category");
        target.setItems(categories);
        target.setAllowCustomValue(true);
        target.addCustomValueSetListener(e -> target.setValue(e.getDetail()));
        target.setHelperText(ui.t("training.ui.import.target-help"));
        target.setWidth("min(28rem, 90vw)");
        target.setValue(selected == null ? "" : selected);
        target.addValueChangeListener(e -> reread());

        // Limits on the server: at most MAX_IMPORT_BYTES are read, spooled to a temporary file,
        // and a .xml file must be a well-formed quiz, anything else UTF-8 text (the browser's
        // limit and types below are a courtesy).
        Upload upload = new Upload(new BoundedUploadHandler(QuestionBankService.MAX_IMPORT_BYTES,
                (fileName, in) -> (isXml(fileName) ? ContentCheck.xml("quiz") : ContentCheck.utf8Text())
                        .check(fileName, in),
                received -> {
                    replaceContent(received);
                    format.setValue(isXml(received.fileName()) ? ImportFormat.MOODLE_XML : ImportFormat.GIFT);
                    reread();
                },
                refused -> {
                    replaceContent(null);
                    result.removeAll();
                    confirm.setEnabled(false);
                    preview = null;
                    ui.error(ui.t(refused.key(), refused.args().toArray()));
                }));
        upload.setId("import-upload");
        upload.setI18n(UploadTexts.of(ui.translator()));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) QuestionBankService.MAX_IMPORT_BYTES);
        upload.setAcceptedFileTypes(".gift", ".txt", ".xml", "text/plain", "text/xml", "application/xml");
        upload.addFileRejectedListener(e -> ui.error(e.getErrorMessage()));
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                replaceContent(null);
            }
        });
        addDetachListener(e -> replaceContent(null));

        result.setId("import-result");
        result.setPadding(false);
        progress.setId("import-progress");
        progress.setVisible(false);
        progressText.setId("import-progress-text");
        progressText.setVisible(false);

        VerticalLayout content = new VerticalLayout(new Paragraph(ui.t("training.ui.import.help")), format, target,
                upload, result, progress, progressText);
        content.setPadding(false);
        add(content);

        confirm.setText(ui.t("training.ui.import.confirm"));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> commit());
        Button cancel = new Button(ui.t("training.ui.common.close"), e -> close());
        cancel.setId("import-cancel");
        getFooter().add(cancel, confirm);
    }

    private static boolean isXml(String fileName) {
        return "xml".equals(FileType.extensionOf(fileName));
    }

    /** Keeps the newly received file (or none) and deletes the previous one's temporary file. */
    private void replaceContent(SpooledUpload received) {
        SpooledUpload previous = content;
        content = received;
        if (previous != null && previous != received) {
            previous.close();
        }
    }

    /** Reads the uploaded file again with the chosen format and target. */
    private void reread() {
        result.removeAll();
        confirm.setEnabled(false);
        preview = null;
        if (content == null) {
            return;
        }
        try (InputStream in = content.openStream()) {
            preview = bank.preview(format.getValue(), in, target.getValue() == null ? "" : target.getValue().strip());
        } catch (IOException e) {
            ui.error(ui.t("training.ui.import.unreadable"));
            return;
        } catch (RuntimeException e) {
            ui.refused(e, java.util.Map.of("training.category.path-invalid", target));
            return;
        }
        if (preview.succeeded()) {
            showSummary(preview);
            confirm.setEnabled(true);
        } else {
            showErrors(preview.errors());
        }
    }

    private void showSummary(ImportPreview read) {
        List<ImportSummary.Row> rows = ImportSummary.of(new ImportResult(read.questions(), List.of()), read.targetCategory());
        int total = rows.get(rows.size() - 1).total();
        Span title = new Span(ui.t("training.ui.import.preview", total, rows.size() - 1));
        title.setId("import-preview");
        title.addClassName("training-strong");
        Grid<ImportSummary.Row> grid = new Grid<>();
        grid.setId("import-summary");
        grid.setEmptyStateText(ui.t("training.ui.import.summary-empty"));
        grid.addColumn(r -> r.category().isEmpty() ? ui.t("training.ui.import.total") : r.category())
                .setHeader(ui.t("training.ui.question.category")).setFlexGrow(3).setResizable(true)
                .setTooltipGenerator(r -> r.category()).setPartNameGenerator(r -> r.category().isEmpty() ? "total" : null);
        for (QuestionType type : QuestionType.values()) {
            grid.addColumn(r -> r.byType().get(type)).setHeader(ui.name("training.ui.question.type-short", type.name()))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(ImportSummary.Row::total).setHeader(ui.t("training.ui.import.total")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 12);
        if (rows.size() > 12) {
            grid.setHeight("22rem");
        }
        result.add(title, grid);
    }

    private void showErrors(List<ImportError> errors) {
        Span title = new Span(ui.t("training.ui.import.rejected", errors.size()));
        title.setId("import-rejected");
        title.addClassNames("training-error", "training-strong");
        Grid<ImportError> grid = new Grid<>();
        grid.setId("import-errors");
        grid.setEmptyStateText(ui.t("training.ui.import.errors-empty"));
        grid.addColumn(e -> e.line() > 0 ? ui.t("training.import.at-line", e.line())
                : e.element().isEmpty() ? "" : ui.t("training.import.at-element", e.element()))
                .setHeader(ui.t("training.ui.import.where")).setAutoWidth(true);
        grid.addColumn(e -> ui.problem(e.problem())).setHeader(ui.t("training.ui.import.problem")).setFlexGrow(3);
        grid.setItems(errors);
        grid.setHeight("18rem");
        result.add(title, Widgets.muted(ui.t("training.ui.import.nothing-imported")), grid);
    }

    /** Stores the preview off the request thread, as the user who asked, with progress pushed to the bar. */
    private void commit() {
        ImportPreview toCommit = preview;
        if (toCommit == null) {
            return;
        }
        confirm.setEnabled(false);
        format.setEnabled(false);
        target.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setVisible(true);
        progressText.setText(ui.t("training.ui.import.storing"));
        UI current = UI.getCurrent();
        CurrentUser user = ui.user();
        CompletableFuture.supplyAsync(() -> {
            try {
                return runAs.call(user, () -> bank.commit(toCommit, (done, total) -> current.access(() -> {
                    progress.setIndeterminate(false);
                    progress.setValue(total == 0 ? 1 : (double) done / total);
                    progressText.setText(ui.t("training.ui.import.progress", done, total));
                })));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).whenComplete((summary, failure) -> current.access(() -> {
            progress.setVisible(false);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                progressText.setText(ui.t("training.ui.import.failed"));
                if (cause instanceof TrainingException || cause instanceof vn.congso.api.security.AccessDeniedException) {
                    ui.refused((RuntimeException) cause);
                } else {
                    ui.error(ui.t("training.ui.import.failed"));
                }
                confirm.setEnabled(true);
                format.setEnabled(true);
                target.setEnabled(true);
                return;
            }
            progressText.setText(ui.t("training.ui.import.done", summary.questions(), summary.categoriesCreated()));
            ui.success(ui.t("training.ui.import.done", summary.questions(), summary.categoriesCreated()));
            replaceContent(null);
            preview = null;
            result.removeAll();
            onDone.run();
        }));
    }
}
