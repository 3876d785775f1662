package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.Slot;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.ConferenceService;
import vn.congso.conference.internal.service.ConferenceService.BoardLine;
import vn.congso.conference.internal.service.ConferenceService.Checklist;

/**
 * Readiness before a meeting. For the hub ({@code board}): every point green, amber or red,
 * updated by server push the moment a contact confirms (core/ui's {@code @Push}), and re-read by a
 * slow poll only so that a point not ready at T−15 turns red as time passes. For a point's technical
 * contact: the checklist of their point(s) for the coming meetings.
 */
public class ReadinessView extends VerticalLayout implements BeforeEnterObserver {

    /** How often the board re-reads itself for the passing of time (confirmations are pushed at once). */
    static final int POLL_MS = 60_000;

    private final ConferenceService service;
    private final Texts texts;
    private final boolean board;
    private final ComboBox<CalendarEntry> occurrence = new ComboBox<>();
    private final Div content = new Div();
    private com.vaadin.flow.shared.Registration poll;
    private Runnable pushSubscription;

    /**
     * Creates the view.
     *
     * @param service the conference service
     * @param translations texts
     * @param board whether this is the hub's board (else a contact's checklist)
     */
    ReadinessView(ConferenceService service, TranslationService translations, boolean board) {
        this.service = service;
        this.texts = new Texts(translations);
        this.board = board;
        setId(board ? "conference-board-view" : "conference-checklist-view");
        H2 heading = new H2(texts.t(board ? "conference.board.title" : "conference.checklist.title"));
        occurrence.setLabel(texts.t("conference.readiness.meeting"));
        occurrence.setId("conference-readiness-meeting");
        occurrence.setItemLabelGenerator(e -> Formats.dateTime(e.slot().start(), texts.locale()) + " " + e.title());
        occurrence.setWidthFull();
        Instant now = Instant.now();
        // The board shows meetings from today; a contact is asked from the configured lead time on.
        Slot span = new Slot(now.minus(12, ChronoUnit.HOURS), board ? now.plus(30, ChronoUnit.DAYS)
                : now.plus(service.settings().readinessLead()).plus(1, ChronoUnit.DAYS));
        List<CalendarEntry> coming = service.calendar(span, 0).stream().filter(e -> !e.cancelled())
                .filter(e -> e.slot().end().isAfter(now)).toList();
        if (!board) {
            Set<Long> mine = service.myPoints();
            coming = coming.stream().filter(e -> service.pointsOf(e.meetingId()).stream().anyMatch(p -> mine.contains(p.id())))
                    .toList();
        }
        occurrence.setItems(coming);
        if (!coming.isEmpty()) {
            occurrence.setValue(coming.get(0));
        }
        occurrence.addValueChangeListener(e -> refresh());
        content.setId("conference-readiness-content");
        add(heading, occurrence, content);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("occurrence").ifPresent(id -> {
            occurrence.getListDataView().getItems().filter(e -> String.valueOf(e.occurrenceId()).equals(id)).findFirst()
                    .ifPresent(occurrence::setValue);
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (board) {
            UI ui = event.getUI();
            ui.setPollInterval(POLL_MS);
            poll = ui.addPollListener(e -> refresh());
            // Called on a pool thread: enter this UI's session (push sends the change); when this UI
            // has gone meanwhile, stop listening.
            pushSubscription = service.onReadinessChange(occurrenceId -> ui.accessLater(() -> {
                CalendarEntry selected = occurrence.getValue();
                if (selected != null && selected.occurrenceId() == occurrenceId) {
                    refresh();
                }
            }, this::stopListening).run());
        }
    }

    private void stopListening() {
        Runnable subscription = pushSubscription;
        pushSubscription = null;
        if (subscription != null) {
            subscription.run();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (board) {
            event.getUI().setPollInterval(-1);
        }
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        stopListening();
    }

    private void refresh() {
        content.removeAll();
        CalendarEntry selected = occurrence.getValue();
        if (selected == null) {
            Span none = new Span(texts.t("conference.readiness.none"));
            none.setId("conference-readiness-none");
            content.add(none);
            return;
        }
        List<BoardLine> lines = service.board(selected.occurrenceId());
        if (board) {
            long ready = lines.stream().filter(l -> l.readiness() == ConferenceService.Readiness.GREEN).count();
            Span summary = new Span(texts.t("conference.board.summary", ready, lines.size()));
            summary.setId("conference-board-summary");
            content.add(summary);
            Div tiles = new Div();
            tiles.addClassName("conference-board");
            for (BoardLine line : lines) {
                Div tile = new Div();
                tile.setId("conference-board-point-" + line.point().id());
                tile.addClassName("conference-tile");
                tile.addClassName("conference-tile-" + line.readiness().name().toLowerCase());
                tile.getElement().setAttribute("data-readiness", line.readiness().name());
                tile.add(new Span(line.point().name()), new Span(texts.t("conference.readiness." + line.readiness().name()
                        .toLowerCase())), new Span(line.point().contactName() + " · " + line.point().contactPhone()));
                tiles.add(tile);
            }
            content.add(tiles);
            return;
        }
        Set<Long> mine = service.myPoints();
        for (BoardLine line : lines) {
            if (!mine.contains(line.point().id())) {
                continue;
            }
            content.add(checklist(selected, line));
        }
    }

    private VerticalLayout checklist(CalendarEntry selected, BoardLine line) {
        Checklist current = line.checklist() == null ? new Checklist(false, false, false, false, false) : line.checklist();
        String prefix = "conference-check-" + line.point().id() + "-";
        Checkbox connection = box(prefix + "connection", "conference.check.connection", current.connection());
        Checkbox camera = box(prefix + "camera", "conference.check.camera", current.camera());
        Checkbox microphone = box(prefix + "microphone", "conference.check.microphone", current.microphone());
        Checkbox screen = box(prefix + "screen", "conference.check.screen", current.screen());
        Checkbox room = box(prefix + "room", "conference.check.room", current.room());
        Button confirm = new Button(texts.t("conference.action.confirm-ready"), e -> {
            try {
                service.confirmReadiness(selected.occurrenceId(), line.point().id(), new Checklist(connection.getValue(),
                        camera.getValue(), microphone.getValue(), screen.getValue(), room.getValue()));
                texts.show(texts.t("conference.readiness.saved"), NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ConferenceException ex) {
                texts.show(texts.t(ex.key(), ex.args()), NotificationVariant.LUMO_ERROR);
            } catch (AccessDeniedException ex) {
                texts.show(texts.t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId(prefix + "confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Span state = new Span(texts.t("conference.readiness." + line.readiness().name().toLowerCase()));
        state.setId(prefix + "state");
        VerticalLayout box = new VerticalLayout(new H2(line.point().name()), state, connection, camera, microphone, screen,
                room, confirm);
        box.addClassName("conference-checklist");
        return box;
    }

    private Checkbox box(String id, String key, boolean value) {
        Checkbox box = new Checkbox(texts.t(key), value);
        box.setId(id);
        return box;
    }
}

