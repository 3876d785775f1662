package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.text.PickerTexts;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.calendar.DayKind;
import vn.congso.services.internal.calendar.HolidayRules;

/**
 * The working-day calendar's table for the administrator: weekday holidays and compensatory days
 * off, worked Saturdays and Sundays, and the years entered. A due date in a year not entered is
 * refused with a message naming the year. A year not entered can be proposed from the lunar
 * calendar ({@link HolidayRules}): the computed days appear in a table of their own where the
 * administrator edits, removes and adds days, then confirms the whole year at once.
 */
public class CalendarView extends VerticalLayout {

    private final CalendarService calendars;
    private final Texts ui;
    private final Grid<CalendarService.Entry> grid = new Grid<>();
    private final Paragraph years = new Paragraph();
    private final Grid<CalendarService.Entry> proposalGrid = new Grid<>();
    private final List<CalendarService.Entry> proposal = new ArrayList<>();
    private final VerticalLayout proposalPanel = new VerticalLayout();
    private final H3 proposalTitle = new H3();
    private int proposedYear;

    /**
     * @param calendars the calendar
     * @param translations texts
     */
    public CalendarView(CalendarService calendars, TranslationService translations) {
        this.calendars = calendars;
        this.ui = new Texts(translations);
        setId("services-calendar");
        addClassName("services-page");
        DatePicker day = PickerTexts.apply(new DatePicker(ui.t("services.calendar.day")), ui.translator(), ui.locale());
        day.setId("services-calendar-day");
        Select<DayKind> kind = new Select<>();
        kind.setId("services-calendar-kind");
        kind.setLabel(ui.t("services.calendar.kind"));
        kind.setItems(DayKind.values());
        kind.setItemLabelGenerator(k -> ui.t("services.calendar.kind." + k.code()));
        kind.setValue(DayKind.HOLIDAY);
        TextField name = new TextField(ui.t("services.calendar.name"));
        name.setId("services-calendar-name");
        name.setMaxLength(200);
        Button save = new Button(ui.t("services.calendar.save"), e -> {
            if (day.getValue() == null) {
                ui.error(ui.t("services.calendar.error.day"));
                return;
            }
            try {
                calendars.put(new CalendarService.Entry(day.getValue(), kind.getValue(), name.getValue()));
                ui.success(ui.t("services.calendar.saved", Formats.date(day.getValue(), ui.locale())));
                refresh();
            } catch (IllegalArgumentException ex) {
                ui.error(ui.t(ex.getMessage()));
            } catch (RuntimeException ex) {
                ui.refused(ex);
            }
        });
        save.setId("services-calendar-save");
        FlexLayout form = new FlexLayout(day, kind, name, save);
        form.addClassName("services-filters");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        grid.setId("services-calendar-grid");
        grid.addColumn(e -> Formats.date(e.day(), ui.locale())).setHeader(ui.t("services.calendar.day"));
        grid.addColumn(e -> ui.t("services.calendar.kind." + e.kind().code())).setHeader(ui.t("services.calendar.kind"));
        grid.addColumn(CalendarService.Entry::name).setHeader(ui.t("services.calendar.name")).setFlexGrow(3);
        grid.addComponentColumn(e -> {
            Button remove = new Button(ui.t("services.calendar.remove"), click -> {
                try {
                    calendars.remove(e.day());
                    refresh();
                } catch (RuntimeException ex) {
                    ui.refused(ex);
                }
            });
            remove.setId("services-calendar-remove-" + e.day());
            return remove;
        });
        grid.setEmptyStateText(ui.t("services.calendar.empty"));
        grid.setHeight("50vh");
        years.setId("services-calendar-years");
        add(new H2(ui.t("services.calendar.title")), new Paragraph(ui.t("services.calendar.help",
                calendars.calendar().cutOff().toString())), years, form, grid, proposeForm(), proposalPanel);
        refresh();
    }

    /** The year field and the button that computes a proposal. */
    private FlexLayout proposeForm() {
        IntegerField year = new IntegerField(ui.t("services.calendar.propose.year"));
        year.setId("services-calendar-propose-year");
        year.setMin(2000);
        year.setMax(2100);
        Button propose = new Button(ui.t("services.calendar.propose"), e -> propose(year.getValue()));
        propose.setId("services-calendar-propose");
        FlexLayout form = new FlexLayout(year, propose);
        form.addClassName("services-filters");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        proposalPanel.setId("services-calendar-proposal-panel");
        proposalPanel.setPadding(false);
        proposalPanel.setVisible(false);
        proposalGrid.setId("services-calendar-proposal");
        proposalGrid.addColumn(e -> Formats.date(e.day(), ui.locale()) + " (" + ui.t("services.calendar.weekday."
                + e.day().getDayOfWeek().getValue()) + ")").setHeader(ui.t("services.calendar.day"));
        proposalGrid.addComponentColumn(e -> {
            Select<DayKind> kind = new Select<>();
            kind.setId("services-calendar-proposal-kind-" + e.day());
            kind.setAriaLabel(ui.t("services.calendar.kind") + " " + Formats.date(e.day(), ui.locale()));
            kind.setItems(DayKind.values());
            kind.setItemLabelGenerator(k -> ui.t("services.calendar.kind." + k.code()));
            kind.setValue(e.kind());
            kind.addValueChangeListener(v -> replace(e, new CalendarService.Entry(e.day(), v.getValue(), current(e).name())));
            return kind;
        }).setHeader(ui.t("services.calendar.kind"));
        proposalGrid.addComponentColumn(e -> {
            TextField name = new TextField();
            name.setId("services-calendar-proposal-name-" + e.day());
            name.setAriaLabel(ui.t("services.calendar.name") + " " + Formats.date(e.day(), ui.locale()));
            name.setMaxLength(200);
            name.setWidthFull();
            name.setValue(e.name());
            name.addValueChangeListener(v -> replace(e, new CalendarService.Entry(e.day(), current(e).kind(), v.getValue())));
            return name;
        }).setHeader(ui.t("services.calendar.name")).setFlexGrow(3);
        proposalGrid.addComponentColumn(e -> {
            Button remove = new Button(ui.t("services.calendar.remove"), click -> {
                proposal.removeIf(p -> p.day().equals(e.day()));
                proposalGrid.setItems(proposal);
            });
            remove.setId("services-calendar-proposal-remove-" + e.day());
            return remove;
        });
        proposalGrid.setEmptyStateText(ui.t("services.calendar.empty"));
        proposalGrid.setAllRowsVisible(true);
        DatePicker day = PickerTexts.apply(new DatePicker(ui.t("services.calendar.day")), ui.translator(), ui.locale());
        day.setId("services-calendar-proposal-day");
        Select<DayKind> kind = new Select<>();
        kind.setId("services-calendar-proposal-kind");
        kind.setLabel(ui.t("services.calendar.kind"));
        kind.setItems(DayKind.values());
        kind.setItemLabelGenerator(k -> ui.t("services.calendar.kind." + k.code()));
        kind.setValue(DayKind.COMPENSATORY);
        TextField name = new TextField(ui.t("services.calendar.name"));
        name.setId("services-calendar-proposal-name");
        name.setMaxLength(200);
        Button add = new Button(ui.t("services.calendar.propose.add"), e -> {
            LocalDate d = day.getValue();
            if (d == null || d.getYear() != proposedYear) {
                ui.error(ui.t("services.calendar.error.other-year"));
                return;
            }
            proposal.removeIf(p -> p.day().equals(d));
            proposal.add(new CalendarService.Entry(d, kind.getValue(), name.getValue()));
            proposal.sort(java.util.Comparator.comparing(CalendarService.Entry::day));
            proposalGrid.setItems(proposal);
        });
        add.setId("services-calendar-proposal-add");
        FlexLayout addForm = new FlexLayout(day, kind, name, add);
        addForm.addClassName("services-filters");
        addForm.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        Button confirm = new Button(ui.t("services.calendar.propose.confirm"), e -> confirm());
        confirm.setId("services-calendar-confirm");
        confirm.addThemeName("primary");
        Button cancel = new Button(ui.t("services.calendar.propose.cancel"), e -> proposalPanel.setVisible(false));
        cancel.setId("services-calendar-proposal-cancel");
        proposalTitle.setId("services-calendar-proposal-title");
        proposalPanel.add(proposalTitle, new Paragraph(ui.t("services.calendar.propose.help")), proposalGrid, addForm,
                new FlexLayout(confirm, cancel));
        return form;
    }

    private CalendarService.Entry current(CalendarService.Entry row) {
        return proposal.stream().filter(p -> p.day().equals(row.day())).findFirst().orElse(row);
    }

    private void replace(CalendarService.Entry row, CalendarService.Entry changed) {
        proposal.replaceAll(p -> p.day().equals(row.day()) ? changed : p);
    }

    private void propose(Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            ui.error(ui.t("services.calendar.error.year"));
            return;
        }
        if (calendars.calendar().years().contains(year)) {
            ui.error(ui.t("services.calendar.error.year-entered", String.valueOf(year)));
            return;
        }
        proposedYear = year;
        proposal.clear();
        proposal.addAll(new HolidayRules().propose(year));
        proposalGrid.setItems(proposal);
        proposalTitle.setText(ui.t("services.calendar.propose.title", String.valueOf(year)));
        proposalPanel.setVisible(true);
    }

    private void confirm() {
        try {
            calendars.enterYear(proposedYear, List.copyOf(proposal));
            ui.success(ui.t("services.calendar.propose.confirmed", String.valueOf(proposedYear), proposal.size()));
            proposalPanel.setVisible(false);
            refresh();
        } catch (IllegalArgumentException ex) {
            ui.error(ui.t(ex.getMessage(), String.valueOf(proposedYear)));
        } catch (RuntimeException ex) {
            ui.refused(ex);
        }
    }

    private void refresh() {
        List<CalendarService.Entry> entries = calendars.entries();
        grid.setItems(entries);
        years.setText(ui.t("services.calendar.years", String.join(", ",
                calendars.calendar().years().stream().map(String::valueOf).toList())));
    }
}
