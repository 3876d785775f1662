package vn.congso.notify.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService.DeliveryState;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.notify.internal.OutboxEntry;
import vn.congso.notify.internal.OutboxMessage;
import vn.congso.notify.internal.OutboxService;

/**
 * The outbox screen without a browser, in Vietnamese: what the list shows and its empty state,
 * the state filter, an opened message with its attachment names, and which actions are offered.
 */
class OutboxViewTest {

    private final FakeOutbox outbox = new FakeOutbox();
    private UI ui;

    @BeforeEach
    void setUp() {
        ui = new UI();
        ui.setLocale(TranslationService.VIETNAMESE);
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
    }

    @Test
    void anEmptyOutboxSaysSoInVietnamese() throws IOException {
        OutboxView view = new OutboxView(outbox, translations());
        Grid<?> grid = find(view, "outbox-grid", Grid.class);
        assertEquals("Hộp thư đi không có thư nào.", grid.getEmptyStateText());
        assertEquals(List.of(), view.shown());
        assertTrue(text(view, "outbox-server").startsWith("Chưa cấu hình máy chủ thư (SMTP)"));
        assertEquals("Đang chờ gửi: 0 · Đã gửi: 0 · Đang giữ lại: 0", text(view, "outbox-counts"));
    }

    @Test
    void aHeldMessageOpensWithItsAttachmentsAndCanBeSentAgain() throws IOException {
        outbox.entries = List.of(
                entry(2, DeliveryState.SENT, Optional.empty()),
                entry(1, DeliveryState.HELD, Optional.of("notify.error.no-smtp-host")));
        OutboxView view = new OutboxView(outbox, translations());
        assertEquals(2, view.shown().size());

        @SuppressWarnings("unchecked")
        Select<String> filter = find(view, "outbox-state-filter", Select.class);
        assertEquals("Đang giữ lại", filter.getItemLabelGenerator().apply("HELD"));
        assertEquals("Tất cả", filter.getItemLabelGenerator().apply("ALL"));
        filter.setValue("HELD");
        assertEquals(Optional.of(DeliveryState.HELD), outbox.lastFilter);
        assertEquals(List.of(1L), view.shown().stream().map(OutboxEntry::id).toList());

        @SuppressWarnings("unchecked")
        Grid<OutboxEntry> grid = find(view, "outbox-grid", Grid.class);
        grid.select(view.shown().get(0));
        assertEquals("Thư số 1", text(view, "outbox-details-title"));
        assertEquals("Kính mời ông dự họp.", text(view, "outbox-text"));
        assertTrue(text(view, "outbox-attachments").contains("giao-ban.ics (text/calendar; method=REQUEST, 5 byte)"),
                text(view, "outbox-attachments"));
        assertTrue(find(view, "outbox-resend", Button.class).isEnabled());
        find(view, "outbox-resend", Button.class).click();
        assertEquals(List.of(1L), outbox.resent);
    }

    @Test
    void aSentMessageCannotBeSentAgain() throws IOException {
        outbox.entries = List.of(entry(7, DeliveryState.SENT, Optional.empty()));
        OutboxView view = new OutboxView(outbox, translations());
        @SuppressWarnings("unchecked")
        Grid<OutboxEntry> grid = find(view, "outbox-grid", Grid.class);
        grid.select(view.shown().get(0));
        assertFalse(find(view, "outbox-resend", Button.class).isEnabled());
        assertTrue(find(view, "outbox-delete", Button.class).isEnabled());
    }

    private static OutboxEntry entry(long id, DeliveryState state, Optional<String> error) {
        return new OutboxEntry(id, "ong.at@tran-de.example", "Giấy mời họp", "conference.invitation", state, 1,
                java.time.Instant.parse("2026-12-05T01:00:00Z"), Optional.empty(), error);
    }

    private static String text(Component root, String id) {
        return find(root, id, Component.class).getElement().getTextRecursively();
    }

    private static <T extends Component> T find(Component root, String id, Class<T> type) {
        return all(root).filter(c -> id.equals(c.getId().orElse(null))).findFirst().map(type::cast)
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(OutboxViewTest::all));
    }

    /** The bundle's Vietnamese and English texts, formatted as the platform formats them. */
    static TranslationService translations() throws IOException {
        Properties vi = load("OSGI-INF/l10n/notify.properties");
        Properties en = load("OSGI-INF/l10n/notify_en.properties");
        return new TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                String pattern = (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : vi).getProperty(key);
                return pattern == null ? "!" + key + "!" : new MessageFormat(pattern, locale).format(params);
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(VIETNAMESE, ENGLISH);
            }
        };
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = OutboxViewTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    /** An outbox the test fills. */
    static final class FakeOutbox implements OutboxService {
        List<OutboxEntry> entries = List.of();
        Optional<DeliveryState> lastFilter = Optional.empty();
        final List<Long> resent = new java.util.ArrayList<>();

        @Override
        public List<OutboxEntry> list(Optional<DeliveryState> state, int limit) {
            lastFilter = state;
            return entries.stream().filter(e -> state.isEmpty() || e.state() == state.get()).toList();
        }

        @Override
        public Optional<OutboxMessage> message(long id) {
            return entries.stream().filter(e -> e.id() == id).findFirst().map(e -> new OutboxMessage(e,
                    "Kính mời ông dự họp.", List.of(new OutgoingMessage.Attachment("giao-ban.ics",
                            "text/calendar; method=REQUEST", "BEGIN".getBytes(StandardCharsets.UTF_8)))));
        }

        @Override
        public void resend(long id) {
            resent.add(id);
        }

        @Override
        public void delete(long id) {
            entries = entries.stream().filter(e -> e.id() != id).toList();
        }

        @Override
        public Status status() {
            return new Status(false, "", java.util.Map.of(DeliveryState.QUEUED, 0L, DeliveryState.SENT,
                    (long) entries.stream().filter(e -> e.state() == DeliveryState.SENT).count(), DeliveryState.HELD,
                    (long) entries.stream().filter(e -> e.state() == DeliveryState.HELD).count()));
        }
    }
}
