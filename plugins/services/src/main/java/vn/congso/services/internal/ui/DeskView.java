package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import vn.congso.api.text.PickerTexts;
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
    /** The apology's refusals that concern the new due day, shown on its field. */
    private static final java.util.Set<String> NEW_DUE_ERRORS = java.util.Set.of("services.error.apology-date",
            "services.error.apology-not-working-day");

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
        filter.setLabel(ui.t("services.desk.filter"));
        List<String> views = new java.util.ArrayList<>(List.of("", "submitted", "processing", "supplement", "settled"));
        for (DossierService.Watch w : DossierService.Watch.values()) {
            views.add(w.code());
        }
        filter.setItems(views);
        filter.setItemLabelGenerator(s -> s.isEmpty() ? ui.t("services.catalogue.all")
                : watch(s).map(w -> ui.t("services.watch." + w.code())).orElseGet(() -> ui.t("services.status." + s)));
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
        grid.addColumn(d -> d.step().isEmpty() ? "—" : ui.t("services.step." + d.step())
                + (d.assignee().isEmpty() ? "" : " (" + d.assignee() + ")")).setHeader(ui.t("services.desk.step"));
        grid.addColumn(this::stepDue).setHeader(ui.t("services.desk.step-due"));
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
        com.vaadin.flow.component.html.Anchor counter = new com.vaadin.flow.component.html.Anchor("services/counter",
                ui.t("services.counter.title"));
        counter.setId("services-desk-counter");
        add(new H2(ui.t("services.desk.title")), unit, counter, counts, filters, grid, detail, trackingBook());
        refresh();
    }

    /** The current step's own deadline, for a dossier in one. */
    private String stepDue(Dossier d) {
        if (d.status() != Status.PROCESSING || d.step().isEmpty()) {
            return "—";
        }
        return dossiers.schedule(d).stream().filter(s -> s.step().code().equals(d.step())).findFirst()
                .map(s -> Formats.dateTime(s.due().atZone(Formats.ZONE).toInstant(), ui.locale())).orElse("—");
    }

    /** The unit's tracking book (template 06) for a period, as PDF or CSV; the service checks the period too. */
    private com.vaadin.flow.component.Component trackingBook() {
        java.time.LocalDate today = java.time.LocalDate.now(Formats.ZONE);
        DatePicker from = PickerTexts.apply(new DatePicker(ui.t("services.book.from")), ui.translator(), ui.locale());
        from.setId("services-book-from");
        from.setValue(today.withDayOfMonth(1));
        DatePicker to = PickerTexts.apply(new DatePicker(ui.t("services.book.to")), ui.translator(), ui.locale());
        to.setId("services-book-to");
        to.setValue(today);
        String unitCode = dossiers.currentUnit();
        com.vaadin.flow.component.html.Anchor pdf = Downloads.link("services-book-pdf", ui.t("services.book.pdf"),
                "so-theo-doi-" + unitCode + ".pdf", "application/pdf",
                () -> dossiers.trackingBook(from.getValue(), to.getValue()));
        com.vaadin.flow.component.html.Anchor csv = Downloads.link("services-book-csv", ui.t("services.book.csv"),
                "so-theo-doi-" + unitCode + ".csv", "text/csv", () -> dossiers.trackingBookCsv(from.getValue(), to.getValue()));
        Span problem = new Span();
        problem.setId("services-book-problem");
        problem.addClassName("services-warning");
        Runnable check = () -> {
            boolean ok = from.getValue() != null && to.getValue() != null && !to.getValue().isBefore(from.getValue())
                    && java.time.temporal.ChronoUnit.DAYS.between(from.getValue(), to.getValue()) < DossierService.BOOK_MAX_DAYS;
            pdf.setEnabled(ok);
            csv.setEnabled(ok);
            problem.setText(ok ? "" : ui.t("services.book.error.range", DossierService.BOOK_MAX_DAYS));
        };
        from.addValueChangeListener(e -> check.run());
        to.addValueChangeListener(e -> check.run());
        FlexLayout row = new FlexLayout(from, to, pdf, csv);
        row.addClassName("services-actions");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(Alignment.BASELINE);
        Div book = new Div(new com.vaadin.flow.component.html.H3(ui.t("services.book.title")), row, problem);
        book.setId("services-book");
        return book;
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
        for (Map.Entry<DossierService.Watch, Integer> c : dossiers.watchCounts().entrySet()) {
            Span count = new Span(ui.t("services.watch." + c.getKey().code()) + ": " + c.getValue());
            count.setId("services-desk-count-" + c.getKey().code());
            count.addClassName("services-count");
            if (c.getKey() == DossierService.Watch.OVERDUE && c.getValue() > 0) {
                count.addClassName("services-warning");
            }
            counts.add(count);
        }
        String f = filter.getValue() == null ? "" : filter.getValue();
        // The typed code is searched by the service in the unit's whole queue, not only among the rows shown.
        Optional<DossierService.Watch> watch = watch(f);
        List<Dossier> rows = watch.isPresent() ? dossiers.watched(watch.get(), codeFilter.getValue(), LIMIT)
                : dossiers.queue(f.isEmpty() ? Optional.empty() : Optional.of(Status.of(f)), codeFilter.getValue(), LIMIT);
        // New rows clear the selection: the dossier open below stays open while the new rows still list it (a row
        // clicked just before a search's rows arrive is not lost), and is shown again as it is now.
        Optional<Long> open = grid.getSelectedItems().stream().findFirst().map(Dossier::id);
        grid.setItems(rows);
        open.flatMap(id -> rows.stream().filter(d -> d.id() == id).findFirst()).ifPresent(grid::select);
    }

    /** @return the watch a filter value names, if it names one rather than a status */
    private static Optional<DossierService.Watch> watch(String value) {
        for (DossierService.Watch w : DossierService.Watch.values()) {
            if (w.code().equals(value)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    private void show(Dossier d) {
        detail.removeAll();
        detail.add(new DossierPanel(d, name(d.procedureCode()), catalogue.formAt(d.procedureCode(), d.submittedAt()), dossiers, ui));
        TextArea note = new TextArea(ui.t("services.desk.note"));
        note.setId("services-desk-note");
        note.setMaxLength(2000);
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("services-actions");
        boolean stepped = dossiers.stepPlan(d.procedureCode()).stepped();
        for (Action a : offered(d, stepped)) {
            if (a == Action.ASSIGN) {
                Select<String> assignee = new Select<>();
                assignee.setId("services-desk-assignee");
                assignee.setLabel(ui.t("services.desk.assignee"));
                java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
                dossiers.assignees(d.id()).forEach(p -> names.put(p.username(), p.fullName() + " (" + p.username() + ")"));
                assignee.setItems(names.keySet());
                assignee.setItemLabelGenerator(u -> names.getOrDefault(u, u));
                if (!d.assignee().isEmpty() && names.containsKey(d.assignee())) {
                    assignee.setValue(d.assignee());
                }
                Button b = new Button(ui.t("services.action.assign"), e -> assign(d, assignee.getValue(), note.getValue()));
                b.setId("services-desk-assign");
                actions.add(assignee, b);
                continue;
            }
            Button b = new Button(ui.t("services.action." + a.code()), e -> act(d, a, note.getValue()));
            b.setId("services-desk-" + a.code());
            actions.add(b);
        }
        actions.setAlignItems(Alignment.BASELINE);
        detail.add(note, actions);
        if (d.status() == Status.PROCESSING || d.status() == Status.SETTLED) {
            // Template 04: the late unit's apology with a new appointment; the note is its reason.
            DatePicker newDue = PickerTexts.apply(new DatePicker(ui.t("services.desk.new-due")), ui.translator(), ui.locale());
            newDue.setId("services-desk-new-due");
            Button apologise = new Button(ui.t("services.action.apologise"), e -> apologise(d, newDue, note.getValue()));
            apologise.setId("services-desk-apologise");
            FlexLayout apology = new FlexLayout(newDue, apologise);
            apology.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            apology.setAlignItems(Alignment.BASELINE);
            apology.addClassName("services-actions");
            detail.add(apology);
        }
        // The counter collects the fee while the dossier is with it, at the latest when the result is handed over.
        if (d.status().open() || d.status() == Status.SETTLED) {
            detail.add(new PaymentPanel(d, payments, ui, PaymentPanel.Role.COUNTER));
        }
    }

    private void apologise(Dossier d, DatePicker newDue, String reason) {
        newDue.setInvalid(false);
        try {
            Dossier after = dossiers.apologise(d.id(), newDue.getValue(), reason);
            ui.success(ui.t("services.action.done", ui.t("services.action.apologise"), after.code()));
            refresh();
            show(after);
        } catch (vn.congso.services.internal.dossier.WorkflowException e) {
            if (NEW_DUE_ERRORS.contains(e.key())) {
                // A day in the past, a holiday or a weekend: said on the day's field, the reason typed stays.
                newDue.setErrorMessage(ui.t(e.key(), e.args().toArray()));
                newDue.setInvalid(true);
            } else {
                ui.refused(e);
            }
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void assign(Dossier d, String specialist, String note) {
        try {
            Dossier after = dossiers.assign(d.id(), specialist == null ? "" : specialist, note);
            ui.success(ui.t("services.action.done", ui.t("services.action.assign"), after.code()));
            refresh();
            show(after);
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private static List<Action> offered(Dossier d, boolean stepped) {
        if (d.status() == Status.PROCESSING && stepped) {
            return switch (d.step()) {
                case "specialist" -> List.of(Action.PROPOSE, Action.ASSIGN, Action.REQUEST_SUPPLEMENT);
                case "leader" -> List.of(Action.APPROVE, Action.SEND_BACK, Action.REQUEST_SUPPLEMENT);
                default -> List.of(Action.TRANSFER, Action.ASSIGN, Action.REQUEST_SUPPLEMENT);
            };
        }
        return switch (d.status()) {
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
