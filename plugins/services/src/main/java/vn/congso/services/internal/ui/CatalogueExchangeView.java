package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import vn.congso.api.TranslationService;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.UploadTexts;
import vn.congso.services.internal.catalogue.CatalogueExchange;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;

/**
 * Export of the catalogue (JSON with the e-forms, CSV of the main columns) and import of a JSON
 * file ({@code services:catalogue:manage}): the size limit is enforced on the server while the
 * file arrives, every row is previewed as new, changed, unchanged or invalid (with its reason),
 * and the commit stores all rows or none; it is refused while any row is invalid.
 */
public class CatalogueExchangeView extends VerticalLayout {

    private static final int ALL = 100_000;

    private final ProcedureCatalogue catalogue;
    private final Texts ui;
    private final Grid<CatalogueExchange.Row> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button confirm = new Button();
    private transient List<CatalogueExchange.Row> rows = List.of();

    /**
     * @param catalogue the catalogue
     * @param translations texts
     */
    public CatalogueExchangeView(ProcedureCatalogue catalogue, TranslationService translations) {
        this.catalogue = catalogue;
        this.ui = new Texts(translations);
        setId("services-exchange");
        addClassName("services-page");
        FlexLayout exports = new FlexLayout(
                Downloads.link("services-export-json", ui.t("services.export.json"), "danh-muc-thu-tuc.json",
                        "application/json", () -> CatalogueExchange.exportJson(procedures(), catalogue::form)),
                Downloads.link("services-export-csv", ui.t("services.export.csv"), "danh-muc-thu-tuc.csv",
                        "text/csv", () -> CatalogueExchange.exportCsv(procedures(), ui.translator())));
        exports.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        exports.getStyle().set("gap", "var(--lumo-space-m)");

        Upload upload = new Upload(new BoundedUploadHandler(CatalogueExchange.MAX_IMPORT_BYTES, ContentCheck.utf8Text(),
                received -> {
                    try (received; InputStream in = received.openStream()) {
                        read(in);
                    }
                },
                refused -> {
                    clear();
                    ui.error(ui.t(refused.key(), refused.args().toArray()));
                }));
        upload.setId("services-import-upload");
        upload.setI18n(UploadTexts.of(ui.translator()));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) CatalogueExchange.MAX_IMPORT_BYTES);
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.addFileRejectedListener(e -> ui.error(e.getErrorMessage()));

        summary.setId("services-import-summary");
        grid.setId("services-import-grid");
        grid.addColumn(CatalogueExchange.Row::index).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CatalogueExchange.Row::code).setHeader(ui.t("services.export.code")).setAutoWidth(true);
        grid.addColumn(r -> r.procedure().map(Procedure::name).orElse("")).setHeader(ui.t("services.export.name"))
                .setFlexGrow(3);
        grid.addColumn(r -> ui.t("services.import.status." + r.status().code())).setHeader(ui.t("services.import.status"))
                .setAutoWidth(true).setPartNameGenerator(r -> r.status() == CatalogueExchange.Status.INVALID ? "invalid" : null);
        grid.addColumn(this::reason).setHeader(ui.t("services.import.reason")).setFlexGrow(3);
        grid.setEmptyStateText(ui.t("services.import.empty"));
        grid.setHeight("40vh");
        confirm.setText(ui.t("services.import.confirm"));
        confirm.setId("services-import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> commit());

        add(new H2(ui.t("services.exchange.title")), new H3(ui.t("services.export.title")), exports,
                new H3(ui.t("services.import.title")),
                new Paragraph(ui.t("services.import.help", CatalogueExchange.MAX_IMPORT_BYTES / (1024 * 1024))), upload,
                summary, grid, confirm);
    }

    private List<Procedure> procedures() {
        return catalogue.find(ProcedureCatalogue.Filter.ALL, ALL);
    }

    private String reason(CatalogueExchange.Row r) {
        if (r.reason().isEmpty()) {
            return "";
        }
        List<Object> args = new java.util.ArrayList<>(r.reasonArgs());
        // A field's problem carries the designer's key as its last argument: say it in the page's language.
        if ("services.import.error.field".equals(r.reason()) && args.size() == 3) {
            args.set(2, ui.t(String.valueOf(args.get(2)), vn.congso.services.internal.catalogue.FieldPatterns.MAX_LENGTH));
        }
        return ui.t(r.reason(), args.toArray());
    }

    private void clear() {
        rows = List.of();
        grid.setItems(rows);
        summary.setText("");
        confirm.setEnabled(false);
    }

    private void read(InputStream in) throws IOException {
        try {
            rows = CatalogueExchange.read(in, catalogue::get, catalogue::form);
        } catch (CatalogueExchange.ImportException e) {
            clear();
            ui.error(ui.t(e.getMessage(), e.args().toArray()));
            return;
        }
        grid.setItems(rows);
        Map<CatalogueExchange.Status, Long> counts = CatalogueExchange.counts(rows);
        summary.setText(ui.t("services.import.summary", n(counts.get(CatalogueExchange.Status.NEW)),
                n(counts.get(CatalogueExchange.Status.CHANGED)), n(counts.get(CatalogueExchange.Status.UNCHANGED)),
                n(counts.get(CatalogueExchange.Status.INVALID))));
        summary.getElement().setAttribute("data-invalid", String.valueOf(counts.get(CatalogueExchange.Status.INVALID)));
        boolean invalid = counts.get(CatalogueExchange.Status.INVALID) > 0;
        confirm.setEnabled(!invalid && counts.get(CatalogueExchange.Status.NEW) + counts.get(CatalogueExchange.Status.CHANGED) > 0);
        if (invalid) {
            ui.error(ui.t("services.import.error.invalid-rows"));
        }
    }

    private String n(long value) {
        return LocaleNumbers.format(value, ui.locale());
    }

    private void commit() {
        try {
            Map<CatalogueExchange.Status, Long> counts = catalogue.importAll(rows);
            ui.success(ui.t("services.import.done", n(counts.get(CatalogueExchange.Status.NEW)),
                    n(counts.get(CatalogueExchange.Status.CHANGED))));
            clear();
        } catch (IllegalArgumentException e) {
            ui.error(ui.t(e.getMessage()));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }
}
