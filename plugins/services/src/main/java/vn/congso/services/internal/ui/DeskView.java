package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.Status;

/**
 * The one-stop desk's work queue for the officer's unit: counts by status, the dossiers oldest
 * due first with their on-time state, and each dossier's actions. The service decides what is
 * allowed; the buttons only offer what fits the status.
 */
public class DeskView extends VerticalLayout {

    private static final int LIMIT = 200;

    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final Texts ui;
    private final Grid<Dossier> grid = new Grid<>();
    private final Select<String> filter = new Select<>();
    private final com.vaadin.flow.component.textfield.TextField codeFilter = new com.vaadin.flow.component.textfield.TextField();
    private final FlexLayout counts = new FlexLayout();
    private final Div detail = new Div();
    private final transient vn.congso.services.internal.payment.Payments payments;

    /**
     * @param dossiers the dossiers
     * @param catalogue procedure names
     * @param units unit names
     * @param translations texts
     * @param payments the fee's payment at the counter
     */
    public DeskView(DossierService dossiers, ProcedureCatalogue catalogue, vn.congso.api.units.UnitDirectory units,
            TranslationService translations, vn.congso.services.internal.payment.Payments payments) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.ui = new Texts(translations);
        setId("services-desk");
        addClassName("services-page");
        counts.setId("services-desk-counts");
        counts.addClassName("services-counts");
        counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filter.setId("services-desk-filter");
        filter.setLabel(ui.t("services.dossier.status"));
        filter.setItems("", "submitted", "processing", "supplement", "settled");
        filter.setItemLabelGenerator(s -> s.isEmpty() ? ui.t("services.catalogue.all") : ui.t("services.status." + s));
        filter.setValue("");
        filter.addValueChangeListener(e -> refresh());
        codeFilter.setId("services-desk-code");
        codeFilter.setLabel(ui.t("services.dossier.code"));
        codeFilter.setClearButtonVisible(true);
        codeFilter.setMaxLength(32);
        codeFilter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        codeFilter.addValueChangeListener(e -> refresh());
        grid.setId("services-desk-grid");
        grid.addColumn(Dossier::code).setHeader(ui.t("services.dossier.code"));
        grid.addColumn(d -> name(d.procedureCode())).setHeader(ui.t("services.procedure.name")).setFlexGrow(3);
        grid.addColumn(d -> ui.t("services.status." + d.status().code())).setHeader(ui.t("services.dossier.status"));
        grid.addColumn(d -> ui.t("services.timeliness." + dossiers.timeliness(d).code()))
                .setHeader(ui.t("services.dossier.timeliness"));
        grid.addColumn(d -> d.dueDate().map(due -> Formats.date(due, ui.locale())).orElse("—"))
                .setHeader(ui.t("services.dossier.due"));
        grid.setEmptyStateText(ui.t("services.desk.empty"));
        grid.setHeight("45vh");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::show, detail::removeAll));
        detail.setId("services-desk-detail");
        String unitCode = dossiers.currentUnit();
        Span unit = new Span(ui.t("services.desk.unit", units.unit(unitCode).map(vn.congso.api.units.OrgUnit::name)
                .orElse(unitCode)));
        unit.setId("services-desk-unit");
        FlexLayout filters = new FlexLayout(filter, codeFilter);
        filters.addClassName("services-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(new H2(ui.t("services.desk.title")), unit, counts, filters, grid, detail);
        refresh();
    }

    private String name(String code) {
        return catalogue.get(code).map(Procedure::name).orElse(code);
    }

    private void refresh() {
        counts.removeAll();
        for (Map.Entry<Status, Integer> c : dossiers.queueCounts().entrySet()) {
            Span count = new Span(ui.t("services.status." + c.getKey().code()) + ": " + c.getValue());
            count.setId("services-desk-count-" + c.getKey().code());
            count.addClassName("services-count");
            counts.add(count);
        }
        String f = filter.getValue();
        String code = codeFilter.getValue().strip().toUpperCase(java.util.Locale.ROOT);
        grid.setItems(dossiers.queue(f == null || f.isEmpty() ? Optional.empty() : Optional.of(Status.of(f)), LIMIT).stream()
                .filter(d -> code.isEmpty() || d.code().contains(code)).toList());
    }

    private void show(Dossier d) {
        detail.removeAll();
        detail.add(new DossierPanel(d, name(d.procedureCode()), catalogue.form(d.procedureCode()), dossiers, ui));
        TextArea note = new TextArea(ui.t("services.desk.note"));
        note.setId("services-desk-note");
        note.setMaxLength(2000);
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("services-actions");
        for (Action a : offered(d.status())) {
            Button b = new Button(ui.t("services.action." + a.code()), e -> act(d, a, note.getValue()));
            b.setId("services-desk-" + a.code());
            actions.add(b);
        }
        detail.add(note, actions);
        // The counter collects the fee while the dossier is with it, at the latest when the result is handed over.
        if (d.status().open() || d.status() == Status.SETTLED) {
            detail.add(new PaymentPanel(d, payments, ui, PaymentPanel.Role.COUNTER));
        }
    }

    private static List<Action> offered(Status s) {
        return switch (s) {
            case SUBMITTED -> List.of(Action.RECEIVE, Action.REQUEST_SUPPLEMENT, Action.REFUSE);
            case PROCESSING -> List.of(Action.TRANSFER, Action.SETTLE, Action.REQUEST_SUPPLEMENT);
            case SETTLED -> List.of(Action.RETURN);
            default -> List.of();
        };
    }

    private void act(Dossier d, Action action, String note) {
        try {
            Dossier after = dossiers.act(d.id(), action, note, List.of());
            ui.success(ui.t("services.action.done", ui.t("services.action." + action.code()), after.code()));
            refresh();
            if (dossiers.get(after.id()).isPresent()) {
                show(after);
            } else {
                detail.removeAll();
            }
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }
}
