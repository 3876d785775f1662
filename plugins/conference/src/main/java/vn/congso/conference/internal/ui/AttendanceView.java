package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congso.api.TranslationService;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.NumberInput;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.Slot;
import vn.congso.conference.internal.service.AttendanceCsv;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.ConferenceService;
import vn.congso.conference.internal.service.ConferenceService.AttendanceEntry;
import vn.congso.conference.internal.service.ConferenceService.AttendanceLine;
import vn.congso.conference.internal.service.MeetingDecisions;
import vn.congso.conference.internal.service.MinutesPdf;

/**
 * After a meeting: each point present or absent with its number of participants, the minutes in
 * Markdown, and both as a PDF (the platform's renderer, Vietnamese text embedded).
 */
public final class AttendanceView extends VerticalLayout {

    private final ConferenceService service;
    private final PdfRenderer pdf;
    private final MeetingDecisions decisions;
    private final Texts texts;
    private final ComboBox<CalendarEntry> occurrence = new ComboBox<>();
    private final Div content = new Div();

    /**
     * Creates the view.
     *
     * @param service the conference service
     * @param pdf the platform's PDF renderer (bundle-scoped: reads this bundle's template)
     * @param translations texts
     * @param decisions the decisions of the minutes
     */
    public AttendanceView(ConferenceService service, PdfRenderer pdf, TranslationService translations,
            MeetingDecisions decisions) {
        this.service = service;
        this.decisions = decisions;
        this.pdf = pdf;
        this.texts = new Texts(translations);
        setId("conference-attendance-view");
        H2 heading = new H2(texts.t("conference.attendance.title"));
        occurrence.setLabel(texts.t("conference.readiness.meeting"));
        occurrence.setId("conference-attendance-meeting");
        occurrence.setItemLabelGenerator(e -> Formats.dateTime(e.slot().start(), texts.locale()) + " " + e.title());
        occurrence.setWidthFull();
        Instant now = Instant.now();
        List<CalendarEntry> held = new ArrayList<>(service.calendar(new Slot(now.minus(60, ChronoUnit.DAYS), now), 0)
                .stream().filter(e -> !e.cancelled() && !e.slot().start().isAfter(now)).toList());
        java.util.Collections.reverse(held);
        occurrence.setItems(held);
        if (!held.isEmpty()) {
            occurrence.setValue(held.get(0));
        }
        occurrence.addValueChangeListener(e -> refresh());
        content.setId("conference-attendance-content");
        content.setWidthFull();
        add(heading, occurrence, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        CalendarEntry selected = occurrence.getValue();
        if (selected == null) {
            Span none = new Span(texts.t("conference.attendance.none"));
            none.setId("conference-attendance-none");
            content.add(none);
            return;
        }
        Map<Long, Checkbox> present = new LinkedHashMap<>();
        Map<Long, NumberInput> counts = new LinkedHashMap<>();
        Map<Long, NumberInput> lates = new LinkedHashMap<>();
        Map<Long, TextField> notes = new LinkedHashMap<>();
        VerticalLayout rows = new VerticalLayout();
        rows.setPadding(false);
        List<vn.congso.conference.internal.domain.ConnectionPoint> taking = new ArrayList<>();
        for (AttendanceLine line : service.attendance(selected.occurrenceId())) {
            taking.add(line.point());
            Checkbox box = new Checkbox(line.point().name(), line.present());
            box.setId("conference-attendance-present-" + line.point().id());
            // Whole numbers read by the page's language: a bad entry is refused on its field, never taken as 0.
            NumberInput count = new NumberInput("", texts.locale(), true, key -> texts.t(key));
            count.setId("conference-attendance-count-" + line.point().id());
            count.setNumber(line.participants());
            count.setAriaLabel(texts.t("conference.attendance.participants"));
            NumberInput late = new NumberInput("", texts.locale(), true, key -> texts.t(key));
            late.setId("conference-attendance-late-" + line.point().id());
            late.setNumber(line.lateMinutes());
            late.setAriaLabel(texts.t("conference.attendance.late"));
            late.setPlaceholder(texts.t("conference.attendance.late"));
            late.setTooltipText(texts.t("conference.attendance.late"));
            TextField note = new TextField();
            note.setId("conference-attendance-note-" + line.point().id());
            note.setMaxLength(ConferenceService.NOTE_LENGTH);
            note.setValue(line.note());
            note.setAriaLabel(texts.t("conference.attendance.note"));
            note.setPlaceholder(texts.t("conference.attendance.note"));
            note.setWidth("24em");
            present.put(line.point().id(), box);
            counts.put(line.point().id(), count);
            lates.put(line.point().id(), late);
            notes.put(line.point().id(), note);
            HorizontalLayout row = new HorizontalLayout(box, count, late, note);
            row.setAlignItems(Alignment.BASELINE);
            rows.add(row);
        }
        TextArea minutes = new TextArea(texts.t("conference.attendance.minutes"));
        minutes.setId("conference-attendance-minutes");
        minutes.setMaxLength(16_000);
        minutes.setWidthFull();
        minutes.setValue(service.minutes(selected.occurrenceId()));
        Button save = new Button(texts.t("conference.attendance.save"), e -> {
            if (!NumberInput.checkAll(counts.values().toArray(NumberInput[]::new))
                    | !NumberInput.checkAll(lates.values().toArray(NumberInput[]::new))) {
                return;
            }
            List<AttendanceEntry> entries = new ArrayList<>();
            present.forEach((id, box) -> {
                Integer n = counts.get(id).getWhole();
                Integer late = lates.get(id).getWhole();
                entries.add(new AttendanceEntry(id, box.getValue(), box.getValue() && n != null ? n : 0,
                        box.getValue() && late != null ? late : 0, notes.get(id).getValue()));
            });
            try {
                service.recordAttendance(selected.occurrenceId(), entries, minutes.getValue());
                texts.show(texts.t("conference.attendance.saved"), NotificationVariant.LUMO_SUCCESS);
            } catch (ConferenceException ex) {
                texts.show(texts.t(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            } catch (AccessDeniedException ex) {
                texts.show(texts.t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("conference-attendance-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        String fileName = "bien-ban-hop-" + selected.occurrenceId() + ".pdf";
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = minutesPdf(selected);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/pdf", bytes.length);
        }), texts.t("conference.attendance.pdf"));
        download.setId("conference-attendance-pdf");
        download.getElement().setAttribute("download", fileName);
        String csvName = "diem-danh-" + selected.occurrenceId() + ".csv";
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = AttendanceCsv.write(service, selected, texts::t, texts.locale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), csvName, "text/csv; charset=UTF-8", bytes.length);
        }), texts.t("conference.attendance.csv"));
        csv.setId("conference-attendance-csv");
        csv.getElement().setAttribute("download", csvName);
        content.add(rows, minutes, new HorizontalLayout(save, download, csv),
                new DecisionsPanel(decisions, texts, taking, selected));
    }

    private byte[] minutesPdf(CalendarEntry entry) {
        try {
            return MinutesPdf.render(service, pdf, entry, decisions.decisions(entry.occurrenceId()), texts::t, texts.locale());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
