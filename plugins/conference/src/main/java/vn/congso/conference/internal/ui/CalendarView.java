package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.text.PickerTexts;
import vn.congso.api.web.PublicLinks;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.IcsWriter;
import vn.congso.conference.internal.domain.Slot;
import vn.congso.conference.internal.service.ConferenceService;
import vn.congso.conference.internal.service.MeetingDocuments;

/**
 * The meetings by month, week or day, for every point or one, built from plain Vaadin
 * components (no front-end build). A meeting opens its details: the room link, the .ics file,
 * cancelling one occurrence, this and the following ones, or the series.
 */
public final class CalendarView extends VerticalLayout {

    private static final ConnectionPoint ALL = new ConnectionPoint(0, "", "", false, "", "", "", "", "", "", 0,
            vn.congso.conference.internal.domain.PointStatus.AVAILABLE);

    private final ConferenceService service;
    private final MeetingDocuments documents;
    private final Texts texts;
    private final Select<String> mode = new Select<>();
    private final Select<ConnectionPoint> point = new Select<>();
    private final DatePicker day = new DatePicker();
    private final Div grid = new Div();

    /**
     * Creates the view.
     *
     * @param service the conference service
     * @param translations texts
     * @param links public addresses
     * @param documents the meetings' documents
     */
    public CalendarView(ConferenceService service, TranslationService translations, PublicLinks links,
            MeetingDocuments documents) {
        this.service = service;
        this.documents = documents;
        this.texts = new Texts(translations);
        setId("conference-calendar-view");
        H2 heading = new H2(t("conference.calendar.title"));
        mode.setLabel(t("conference.calendar.mode"));
        mode.setId("conference-calendar-mode");
        mode.setItems("MONTH", "WEEK", "DAY");
        mode.setItemLabelGenerator(v -> t("conference.calendar.mode." + v.toLowerCase()));
        mode.setValue("WEEK");
        List<ConnectionPoint> items = new ArrayList<>();
        items.add(ALL);
        items.addAll(service.points());
        point.setLabel(t("conference.calendar.point"));
        point.setId("conference-calendar-point");
        point.setItems(items);
        point.setItemLabelGenerator(p -> p.id() == 0 ? t("conference.calendar.all-points") : p.name());
        point.setValue(ALL);
        day.setLabel(t("conference.calendar.day"));
        day.setId("conference-calendar-day");
        PickerTexts.apply(day, texts::t, texts.locale());
        day.setValue(LocalDate.now(Formats.ZONE));
        Button previous = new Button(t("conference.calendar.previous"), e -> step(-1));
        previous.setId("conference-calendar-previous");
        Button next = new Button(t("conference.calendar.next"), e -> step(1));
        next.setId("conference-calendar-next");
        Button book = new Button(t("conference.book.title"), e -> getUI().ifPresent(ui -> ui.navigate(ConferenceScreens.BOOK)));
        book.setId("conference-calendar-book");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button feed = new Button(t("conference.feed.button"), e -> feedLink(links));
        feed.setId("conference-calendar-feed");
        mode.addValueChangeListener(e -> refresh());
        point.addValueChangeListener(e -> refresh());
        day.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(mode, point, day, previous, next, book, feed);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWrap(true);
        grid.setId("conference-calendar-grid");
        add(heading, bar, grid);
        refresh();
    }

    /** Makes a new subscription link for the chosen point (or the user's own meetings) and shows it once. */
    private void feedLink(PublicLinks links) {
        ConnectionPoint selected = point.getValue() == null ? ALL : point.getValue();
        ConferenceService.FeedKind kind = selected.id() == 0 ? ConferenceService.FeedKind.PERSON
                : ConferenceService.FeedKind.POINT;
        String subject = selected.id() == 0 ? service.currentUser() : String.valueOf(selected.id());
        String token = service.createFeedToken(kind, subject);
        Dialog dialog = new Dialog();
        dialog.setId("conference-feed-dialog");
        dialog.setHeaderTitle(t("conference.feed.title", selected.id() == 0 ? t("conference.feed.mine") : selected.name()));
        com.vaadin.flow.component.textfield.TextField url = new com.vaadin.flow.component.textfield.TextField(
                t("conference.feed.url"));
        url.setId("conference-feed-url");
        url.setReadOnly(true);
        url.setWidthFull();
        url.setValue(links.absolute(vn.congso.conference.internal.service.CalendarFeeds.path(token)));
        Paragraph help = new Paragraph(t("conference.feed.help"));
        Button revoke = new Button(t("conference.feed.revoke"), e -> {
            int revoked = service.revokeFeedTokens(kind, subject);
            dialog.close();
            texts.show(t("conference.feed.revoked", revoked), NotificationVariant.LUMO_SUCCESS);
        });
        revoke.setId("conference-feed-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button(t("conference.action.close"), e -> dialog.close());
        close.setId("conference-feed-close");
        dialog.add(new VerticalLayout(url, help));
        dialog.getFooter().add(revoke, close);
        dialog.setWidth("40em");
        dialog.open();
    }

    private void step(int direction) {
        LocalDate current = day.getValue() == null ? LocalDate.now(Formats.ZONE) : day.getValue();
        day.setValue(switch (mode.getValue()) {
            case "MONTH" -> current.plusMonths(direction);
            case "DAY" -> current.plusDays(direction);
            default -> current.plusWeeks(direction);
        });
    }

    private void refresh() {
        LocalDate anchor = day.getValue() == null ? LocalDate.now(Formats.ZONE) : day.getValue();
        LocalDate from;
        LocalDate to;
        switch (mode.getValue()) {
            case "MONTH" -> {
                from = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                to = anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                        .plusDays(1);
            }
            case "DAY" -> {
                from = anchor;
                to = anchor.plusDays(1);
            }
            default -> {
                from = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                to = from.plusDays(7);
            }
        }
        Slot span = new Slot(from.atStartOfDay(Formats.ZONE).toInstant(), to.atStartOfDay(Formats.ZONE).toInstant());
        ConnectionPoint selected = point.getValue() == null ? ALL : point.getValue();
        Map<LocalDate, List<CalendarEntry>> byDay = new TreeMap<>();
        for (CalendarEntry entry : service.calendar(span, selected.id())) {
            byDay.computeIfAbsent(entry.slot().start().atZone(Formats.ZONE).toLocalDate(), d -> new ArrayList<>()).add(entry);
        }
        grid.removeAll();
        grid.setClassName("conference-calendar conference-calendar-" + mode.getValue().toLowerCase());
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            Div cell = new Div();
            cell.addClassName("conference-day");
            if (!d.getMonth().equals(anchor.getMonth()) && "MONTH".equals(mode.getValue())) {
                cell.addClassName("conference-day-other-month");
            }
            Span date = new Span(t("conference.weekday." + d.getDayOfWeek().getValue()) + " " + Formats.date(d, texts.locale()));
            date.addClassName("conference-day-date");
            cell.add(date);
            for (CalendarEntry entry : byDay.getOrDefault(d, List.of())) {
                Button item = new Button(Formats.dateTime(entry.slot().start(), texts.locale()).substring(11) + " "
                        + entry.title(), e -> details(entry));
                item.setId("conference-entry-" + entry.occurrenceId());
                item.addClassName("conference-entry");
                item.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                if (entry.cancelled()) {
                    item.addClassName("conference-entry-cancelled");
                }
                cell.add(item);
            }
            grid.add(cell);
        }
    }

    private void details(CalendarEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("conference-details");
        dialog.setHeaderTitle(entry.title());
        Paragraph when = new Paragraph(Formats.dateTime(entry.slot().start(), texts.locale()) + " – "
                + Formats.dateTime(entry.slot().end(), texts.locale()));
        when.setId("conference-details-when");
        Paragraph where = new Paragraph(t("conference.details.host", entry.location()));
        Paragraph state = new Paragraph(t(entry.cancelled() ? "conference.details.cancelled" : "conference.details.scheduled"));
        state.setId("conference-details-state");
        Anchor room = new Anchor(entry.roomLink(), t("conference.details.room"));
        room.setTarget(AnchorTarget.BLANK);
        room.setId("conference-details-room");
        Div agenda = new Div();
        agenda.getElement().setProperty("innerHTML", MARKDOWN.toHtml(entry.description()));
        agenda.setId("conference-details-agenda");
        String fileName = "hop-" + entry.meetingId() + ".ics";
        DownloadHandler ics = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = service.ics(entry.meetingId(), IcsWriter.Purpose.PUBLISH).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/calendar; charset=UTF-8",
                    bytes.length);
        });
        Anchor download = new Anchor(ics, t("conference.details.ics"));
        download.setId("conference-details-ics");
        download.getElement().setAttribute("download", fileName);
        dialog.add(new VerticalLayout(when, where, state, room, download, agenda,
                new DocumentsPanel(documents, texts, entry.meetingId())));
        if (!entry.cancelled()) {
            for (ConferenceService.Scope scope : ConferenceService.Scope.values()) {
                Button cancel = new Button(t("conference.action.cancel." + scope.name().toLowerCase()), e -> {
                    service.cancel(entry.occurrenceId(), scope);
                    dialog.close();
                    texts.show(t("conference.cancelled"), NotificationVariant.LUMO_SUCCESS);
                    refresh();
                });
                cancel.setId("conference-cancel-" + scope.name().toLowerCase().replace('_', '-'));
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                dialog.getFooter().add(cancel);
            }
            Button move = new Button(t("conference.action.move"), e -> {
                dialog.close();
                moveDialog(entry);
            });
            move.setId("conference-details-move");
            Button edit = new Button(t("conference.action.edit-series"), e -> {
                dialog.close();
                editDialog(entry);
            });
            edit.setId("conference-details-edit");
            dialog.getFooter().add(move, edit);
            Button board = new Button(t("conference.board.title"), e -> {
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(ConferenceScreens.READINESS,
                        com.vaadin.flow.router.QueryParameters.of("occurrence", String.valueOf(entry.occurrenceId()))));
            });
            board.setId("conference-details-board");
            dialog.getFooter().add(board);
        }
        Button close = new Button(t("conference.action.close"), e -> dialog.close());
        close.setId("conference-details-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    /**
     * Edits the title, agenda, times and points of this occurrence, this and the following ones, or
     * the whole series; checked whole for conflicts first (listed by point and date, nothing saved).
     */
    private void editDialog(CalendarEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("conference-edit-dialog");
        dialog.setHeaderTitle(t("conference.action.edit-series"));
        com.vaadin.flow.component.textfield.TextField title = new com.vaadin.flow.component.textfield.TextField(
                t("conference.field.title"));
        title.setId("conference-edit-title");
        title.setMaxLength(200);
        title.setValue(entry.title());
        title.setWidthFull();
        com.vaadin.flow.component.textfield.TextArea agenda = new com.vaadin.flow.component.textfield.TextArea(
                t("conference.field.agenda"));
        agenda.setId("conference-edit-agenda");
        agenda.setMaxLength(8000);
        agenda.setValue(entry.description());
        agenda.setWidthFull();
        Select<ConferenceService.Scope> scope = new Select<>();
        scope.setId("conference-edit-scope");
        scope.setLabel(t("conference.edit.scope"));
        scope.setItems(ConferenceService.Scope.values());
        scope.setItemLabelGenerator(v -> t("conference.edit.scope." + v.name().toLowerCase().replace('_', '-')));
        scope.setValue(ConferenceService.Scope.THIS_AND_FOLLOWING);
        com.vaadin.flow.component.timepicker.TimePicker start = new com.vaadin.flow.component.timepicker.TimePicker(
                t("conference.edit.start"));
        start.setId("conference-edit-start");
        start.setLocale(texts.locale());
        start.setValue(entry.slot().start().atZone(Formats.ZONE).toLocalTime());
        com.vaadin.flow.component.timepicker.TimePicker end = new com.vaadin.flow.component.timepicker.TimePicker(
                t("conference.edit.end"));
        end.setId("conference-edit-end");
        end.setLocale(texts.locale());
        end.setValue(entry.slot().end().atZone(Formats.ZONE).toLocalTime());
        com.vaadin.flow.component.checkbox.CheckboxGroup<ConnectionPoint> points =
                new com.vaadin.flow.component.checkbox.CheckboxGroup<>(t("conference.edit.points"));
        points.setId("conference-edit-points");
        List<ConnectionPoint> all = service.points();
        points.setItems(all);
        points.setItemLabelGenerator(ConnectionPoint::name);
        java.util.Set<Long> taking = service.pointsOf(entry.meetingId()).stream().map(ConnectionPoint::id)
                .collect(java.util.stream.Collectors.toSet());
        points.setValue(all.stream().filter(p -> taking.contains(p.id())).collect(java.util.stream.Collectors.toSet()));
        Div problems = new Div();
        problems.setId("conference-edit-conflicts");
        Button save = new Button(t("conference.action.save"), e -> {
            problems.removeAll();
            try {
                vn.congso.conference.internal.service.BookingResult result = service.edit(entry.occurrenceId(),
                        scope.getValue(), new ConferenceService.SeriesEdit(title.getValue(), agenda.getValue(),
                                start.getValue(), end.getValue(), points.getValue().stream().map(ConnectionPoint::id)
                                        .collect(java.util.stream.Collectors.toSet())));
                if (result.saved()) {
                    dialog.close();
                    texts.show(t("conference.updated"), NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } else {
                    Paragraph intro = new Paragraph(t("conference.edit.conflicts", result.conflicts().size()));
                    intro.setId("conference-edit-conflicts-intro");
                    problems.add(intro);
                    result.conflicts().forEach(c -> problems.add(new Paragraph(texts.conflict(c))));
                }
            } catch (vn.congso.conference.internal.service.ConferenceException ex) {
                texts.show(t(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("conference-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(t("conference.action.close"), e -> dialog.close());
        close.setId("conference-edit-close");
        dialog.add(new VerticalLayout(scope, title, agenda, new HorizontalLayout(start, end), points, problems));
        dialog.getFooter().add(save, close);
        dialog.setWidth("44em");
        dialog.open();
    }

    /** Moves one occurrence (an exception of its series), checked for conflicts like a booking. */
    private void moveDialog(CalendarEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("conference-move-dialog");
        dialog.setHeaderTitle(t("conference.move.title", entry.title()));
        com.vaadin.flow.component.datetimepicker.DateTimePicker start = new com.vaadin.flow.component.datetimepicker.DateTimePicker(
                t("conference.field.start"));
        start.setId("conference-move-start");
        com.vaadin.flow.component.datetimepicker.DateTimePicker end = new com.vaadin.flow.component.datetimepicker.DateTimePicker(
                t("conference.field.end"));
        end.setId("conference-move-end");
        PickerTexts.apply(start, texts::t, texts.locale());
        PickerTexts.apply(end, texts::t, texts.locale());
        start.setValue(entry.slot().start().atZone(Formats.ZONE).toLocalDateTime());
        end.setValue(entry.slot().end().atZone(Formats.ZONE).toLocalDateTime());
        Div problems = new Div();
        problems.setId("conference-move-conflicts");
        Button save = new Button(t("conference.action.save"), e -> {
            try {
                List<vn.congso.conference.internal.domain.Conflict> conflicts = service.move(entry.occurrenceId(),
                        start.getValue(), end.getValue());
                if (conflicts.isEmpty()) {
                    dialog.close();
                    texts.show(t("conference.moved"), NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } else {
                    problems.removeAll();
                    conflicts.forEach(c -> problems.add(new Paragraph(texts.conflict(c))));
                }
            } catch (vn.congso.conference.internal.service.ConferenceException ex) {
                texts.show(t(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("conference-move-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(t("conference.action.close"), e -> dialog.close());
        close.setId("conference-move-close");
        dialog.add(new VerticalLayout(start, end, problems));
        dialog.getFooter().add(save, close);
        dialog.open();
    }

    private static final vn.congso.conference.internal.domain.SafeMarkdown MARKDOWN =
            new vn.congso.conference.internal.domain.SafeMarkdown();

    private String t(String key, Object... args) {
        return texts.t(key, args);
    }
}
