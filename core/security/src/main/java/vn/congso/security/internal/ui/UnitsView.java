package vn.congso.security.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.UploadTexts;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.units.ReorganisationFile;
import vn.congso.security.internal.units.ReorganisationPlanner;
import vn.congso.security.internal.units.UnitProblem;
import vn.congso.security.internal.units.UnitService;

/**
 * Administrative units: the units that exist today, and a reorganisation file uploaded,
 * previewed as a table of changes (or refused with every problem and its line), then applied
 * all or nothing after a confirmation. The service checks the permission and audits.
 */
public class UnitsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient SecurityService security;
    private final transient UnitService units;
    private final Grid<OrgUnit> grid = new Grid<>();
    private final VerticalLayout result = new VerticalLayout();
    private final Button apply = new Button();
    private transient byte[] file;
    private String fileName;

    /** Creates the view. */
    public UnitsView(SecurityService security, UnitService units) {
        this.security = security;
        this.units = units;
        setId("units-view");
        setSizeFull();
        Locale locale = UI.getCurrent() == null ? Locale.forLanguageTag("vi") : UI.getCurrent().getLocale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);

        grid.setId("units-grid");
        grid.setEmptyStateText(security.t("units.empty"));
        grid.addColumn(OrgUnit::code).setHeader(security.t("units.code")).setSortable(true).setAutoWidth(true);
        grid.addColumn(OrgUnit::name).setHeader(security.t("units.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(u -> security.t("units.level." + u.level().name().toLowerCase(Locale.ROOT)))
                .setHeader(security.t("units.level")).setSortable(true);
        grid.addColumn(u -> u.parent().orElse("")).setHeader(security.t("units.parent")).setSortable(true);
        grid.addColumn(u -> dates.format(u.validFrom())).setHeader(security.t("units.valid-from"));
        grid.setHeight("320px");

        result.setId("units-result");
        result.setPadding(false);
        result.add(new Span(security.t("units.preview.none")));
        apply.setText(security.t("units.apply"));
        apply.setId("units-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> confirmApply());

        // Limits on the server: at most MAX_BYTES are read, spooled, and the content must be UTF-8 text.
        Upload upload = new Upload(new BoundedUploadHandler(ReorganisationFile.MAX_BYTES, ContentCheck.utf8Text(),
                received -> {
                    try (received) {
                        file = received.readAllBytes();
                        fileName = received.fileName();
                    }
                    preview();
                },
                refused -> {
                    file = null;
                    showNothing();
                    Forms.error(security.t(refused.key(), refused.args().toArray()));
                }));
        upload.setId("units-upload");
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setMaxFileSize(ReorganisationFile.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(security::t));
        upload.addFileRejectedListener(e -> Forms.error(security.t("units.upload.wrong-type")));

        Paragraph help = new Paragraph(security.t("units.upload.help"));
        help.setId("units-upload-help");
        add(new H1(security.t("units.title")), new H2(security.t("units.current")), grid,
                new H2(security.t("units.upload")), help, upload, new H2(security.t("units.preview")), result, apply);
        refresh();
    }

    private void refresh() {
        grid.setItems(units.validOn(UnitService.today()));
    }

    private void showNothing() {
        result.removeAll();
        result.add(new Span(security.t("units.preview.none")));
        apply.setEnabled(false);
    }

    private void preview() {
        show(units.preview(file));
    }

    /** Shows the changes a file makes, or every reason it is refused. */
    private void show(UnitService.Outcome outcome) {
        result.removeAll();
        if (outcome.succeeded()) {
            ReorganisationPlanner.Plan plan = outcome.plan().orElseThrow();
            Span summary = new Span(summary(plan));
            summary.setId("units-preview-summary");
            Grid<ReorganisationPlanner.Change> changes = new Grid<>();
            changes.setId("units-preview-grid");
            changes.addColumn(ReorganisationPlanner.Change::line).setHeader(security.t("units.preview.line"))
                    .setAutoWidth(true).setFlexGrow(0);
            changes.addColumn(c -> security.t(c.key(), c.args().toArray())).setHeader(security.t("units.preview.change"));
            changes.setEmptyStateText(security.t("units.preview.empty"));
            changes.setItems(plan.changes());
            changes.setHeight("320px");
            result.add(summary, changes);
            apply.setEnabled(true);
        } else {
            Span title = new Span(security.t("units.refused"));
            title.setId("units-refused");
            Grid<UnitProblem> problems = new Grid<>();
            problems.setId("units-problems");
            problems.addColumn(p -> p.line() > 0 ? String.valueOf(p.line()) : "")
                    .setHeader(security.t("units.preview.line")).setAutoWidth(true).setFlexGrow(0);
            problems.addColumn(p -> security.t(p.key(), p.args().toArray())).setHeader(security.t("units.preview.change"));
            problems.setEmptyStateText(security.t("units.refused.empty"));
            problems.setItems(outcome.problems());
            problems.setHeight("240px");
            result.add(title, problems);
            apply.setEnabled(false);
        }
    }

    private String summary(ReorganisationPlanner.Plan plan) {
        Locale locale = UI.getCurrent() == null ? Locale.forLanguageTag("vi") : UI.getCurrent().getLocale();
        return security.t("units.preview.summary",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale)
                        .format(plan.reorganisation().effective()),
                plan.created().size(), plan.ended().size(), plan.reparented().size(), plan.moves().size());
    }

    private void confirmApply() {
        Dialog dialog = new Dialog();
        dialog.setId("units-apply-dialog");
        dialog.setHeaderTitle(security.t("units.apply"));
        dialog.add(new Paragraph(security.t("units.apply.confirm")));
        Button cancel = new Button(security.t("units.cancel"), e -> dialog.close());
        cancel.setId("units-apply-cancel");
        Button confirm = new Button(security.t("units.apply"), e -> {
            dialog.close();
            UnitService.Outcome outcome = units.apply(file, fileName == null ? "upload.csv" : fileName);
            if (outcome.succeeded()) {
                Forms.success(security.t("units.applied", summary(outcome.plan().orElseThrow())));
                file = null;
                showNothing();
                refresh();
            } else {
                // The units changed since the preview: show why the file no longer applies.
                show(outcome);
            }
        });
        confirm.setId("units-apply-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
