package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.text.PickerTexts;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.calendar.DayKind;

/**
 * The working-day calendar's table for the administrator: weekday holidays and compensatory days
 * off, worked Saturdays and Sundays, and the years entered. A due date in a year not entered is
 * refused with a message naming the year.
 */
public class CalendarView extends VerticalLayout {

    private final CalendarService calendars;
    private final Texts ui;
    private final Grid<CalendarService.Entry> grid = new Grid<>();
    private final Paragraph years = new Paragraph();

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
                calendars.calendar().cutOff().toString())), years, form, grid);
        refresh();
    }

    private void refresh() {
        List<CalendarService.Entry> entries = calendars.entries();
        grid.setItems(entries);
        years.setText(ui.t("services.calendar.years", String.join(", ",
                calendars.calendar().years().stream().map(String::valueOf).toList())));
    }
}
