package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.PickerTexts;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.service.AttendanceCsv;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.MeetingDecisions;

/**
 * The decisions of a meeting, a list apart from the minutes' text: each with what was decided, the
 * responsible unit (a connection point) and a due date picked in the page's language; saved whole,
 * downloadable as CSV (and part of the minutes PDF).
 */
final class DecisionsPanel extends VerticalLayout {

    /** One row of the editor. */
    private record Row(HorizontalLayout layout, TextField text, Select<ConnectionPoint> unit, DatePicker due) {
    }

    private final MeetingDecisions decisions;
    private final Texts texts;
    private final List<ConnectionPoint> points;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> editing = new ArrayList<>();
    private int created;

    DecisionsPanel(MeetingDecisions decisions, Texts texts, List<ConnectionPoint> points, CalendarEntry entry) {
        this.decisions = decisions;
        this.texts = texts;
        this.points = points;
        setId("conference-decisions");
        setPadding(false);
        rows.setPadding(false);
        rows.setId("conference-decisions-rows");
        for (MeetingDecisions.Line line : decisions.decisions(entry.occurrenceId())) {
            addRow(line);
        }
        Button add = new Button(texts.t("conference.decisions.add"), e -> addRow(null));
        add.setId("conference-decisions-add");
        Button save = new Button(texts.t("conference.decisions.save"), e -> {
            List<MeetingDecisions.Decision> list = new ArrayList<>();
            for (Row row : editing) {
                list.add(new MeetingDecisions.Decision(row.text().getValue(),
                        row.unit().getValue() == null ? 0 : row.unit().getValue().id(), row.due().getValue()));
            }
            try {
                decisions.save(entry.occurrenceId(), list);
                texts.show(texts.t("conference.decisions.saved", list.size()), NotificationVariant.LUMO_SUCCESS);
            } catch (ConferenceException ex) {
                texts.show(texts.t(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            } catch (AccessDeniedException ex) {
                texts.show(texts.t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("conference-decisions-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        String csvName = "quyet-dinh-" + entry.occurrenceId() + ".csv";
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = AttendanceCsv.decisions(entry, decisions.decisions(entry.occurrenceId()), texts::t, texts.locale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), csvName, "text/csv; charset=UTF-8", bytes.length);
        }), texts.t("conference.decisions.csv"));
        csv.setId("conference-decisions-csv");
        csv.getElement().setAttribute("download", csvName);
        add(new H3(texts.t("conference.decisions.heading")), rows, new HorizontalLayout(add, save, csv));
    }

    private void addRow(MeetingDecisions.Line line) {
        int n = ++created;
        TextField text = new TextField();
        text.setId("conference-decision-text-" + n);
        text.setMaxLength(MeetingDecisions.TEXT_LENGTH);
        text.setPlaceholder(texts.t("conference.decisions.text"));
        text.setAriaLabel(texts.t("conference.decisions.text"));
        text.setWidth("28em");
        Select<ConnectionPoint> unit = new Select<>();
        unit.setId("conference-decision-unit-" + n);
        unit.setItems(points);
        unit.setItemLabelGenerator(ConnectionPoint::name);
        unit.setPlaceholder(texts.t("conference.decisions.unit"));
        unit.setAriaLabel(texts.t("conference.decisions.unit"));
        DatePicker due = new DatePicker();
        due.setId("conference-decision-due-" + n);
        PickerTexts.apply(due, texts::t, texts.locale());
        due.setPlaceholder(texts.t("conference.decisions.due"));
        due.setAriaLabel(texts.t("conference.decisions.due"));
        if (line != null) {
            text.setValue(line.text());
            points.stream().filter(p -> p.id() == line.pointId()).findFirst().ifPresent(unit::setValue);
            due.setValue(line.due());
        }
        HorizontalLayout layout = new HorizontalLayout(text, unit, due);
        layout.setAlignItems(Alignment.BASELINE);
        layout.setId("conference-decision-" + n);
        Row row = new Row(layout, text, unit, due);
        Button remove = new Button(texts.t("conference.decisions.remove"), e -> {
            editing.remove(row);
            rows.remove(layout);
        });
        remove.setId("conference-decision-remove-" + n);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        layout.add(remove);
        editing.add(row);
        rows.add(layout);
    }
}
