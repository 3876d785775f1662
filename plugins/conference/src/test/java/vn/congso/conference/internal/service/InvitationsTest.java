package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.UserDirectory;

/** Invitations and cancellations through a fake notification service; booking works without one. */
class InvitationsTest {

    @TempDir
    Path folder;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 7, 30);

    @Test
    void theContactsGetTheIcsAsRequestThenCancel() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        PlatformConferenceService service = new PlatformConferenceService(f.database, f::user, f.audit,
                directory(), translations(), config());
        long hub = f.pointIds.get(0);
        long commune1 = f.pointIds.get(1);
        // Without a notification service booking works and nothing is sent.
        assertTrue(service.book(BookingTest.single("Họp trước", Set.of(hub), hub, MONDAY.minusDays(1),
                MONDAY.minusDays(1).plusHours(1))).saved());

        List<OutgoingMessage> sent = new ArrayList<>();
        service.notifications(new NotificationService() {
            @Override
            public long send(OutgoingMessage message) {
                sent.add(message);
                return sent.size();
            }

            @Override
            public Optional<DeliveryState> state(long id) {
                return Optional.of(DeliveryState.QUEUED);
            }
        });
        long meeting = service.book(BookingTest.single("Giao ban", Set.of(hub, commune1), hub, MONDAY,
                MONDAY.plusHours(1))).meetingId();

        // The hub's contact has an e-mail address; commune 1's has none and is skipped.
        assertEquals(1, sent.size());
        OutgoingMessage invite = sent.get(0);
        assertEquals("kythuat@trande.example.vn", invite.to());
        assertEquals("Mời họp: Giao ban", invite.subject());
        assertTrue(invite.text().contains("07/12/2026 07:30"), invite.text());
        assertEquals("conference", invite.source());
        assertEquals("moi-hop.ics", invite.attachments().get(0).fileName());
        Calendar request = parse(invite.attachments().get(0).content());
        assertEquals("REQUEST", request.getProperty(Property.METHOD).orElseThrow().getValue());

        service.cancel(service.meetingEntries(meeting).get(0).occurrenceId(), ConferenceService.Scope.ALL);
        assertEquals(2, sent.size());
        Calendar cancel = parse(sent.get(1).attachments().get(0).content());
        assertEquals("CANCEL", cancel.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals("CANCELLED", cancel.getComponents("VEVENT").get(0).getProperty(Property.STATUS).orElseThrow()
                .getValue());
        assertEquals("Hủy họp: Giao ban", sent.get(1).subject());
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }

    static UserDirectory directory() {
        return (UserDirectory) java.lang.reflect.Proxy.newProxyInstance(InvitationsTest.class.getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("person")) {
                        return "kythuat.district".equals(args[0]) ? Optional.of(new UserDirectory.Person(
                                "kythuat.district", "Kỹ thuật huyện", "kythuat@trande.example.vn", "district", true,
                                Set.of())) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static TranslationService translations() {
        return new TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                String text = switch (key) {
                    case "conference.mail.invite-subject" -> "Mời họp: {0}";
                    case "conference.mail.cancel-subject" -> "Hủy họp: {0}";
                    default -> key + " {0}";
                };
                return java.text.MessageFormat.format(text, params);
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(VIETNAMESE);
            }
        };
    }

    static ConferenceConfig config() {
        return new ConferenceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConferenceConfig.class;
            }

            @Override
            public String roomUrlTemplate() {
                return "https://hop.example.vn/{room}";
            }

            @Override
            public int setupBufferMinutes() {
                return 15;
            }

            @Override
            public int maxOccurrences() {
                return 260;
            }

            @Override
            public int maxMeetingHours() {
                return 8;
            }

            @Override
            public int readinessLeadMinutes() {
                return 120;
            }

            @Override
            public int notReadyAlertMinutes() {
                return 15;
            }

            @Override
            public boolean demoData() {
                return false;
            }

            @Override
            public int documentMaxMegabytes() {
                return 1;
            }

            @Override
            public int documentMaxCount() {
                return 3;
            }

            @Override
            public int importMaxKilobytes() {
                return 1024;
            }
        };
    }
}
