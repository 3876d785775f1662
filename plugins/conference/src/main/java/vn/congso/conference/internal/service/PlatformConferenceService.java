package vn.congso.conference.internal.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.UserDirectory;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.IcsWriter;

/**
 * The conference service as the platform runs it: configured by PID {@value ConferenceConfig#PID};
 * sends invitations and cancellations (with the .ics attached) to the technical contacts of the
 * points through the platform's notification service when one is installed, and works without it.
 */
@Component(service = ConferenceService.class, configurationPid = ConferenceConfig.PID)
@Designate(ocd = ConferenceConfig.class)
public final class PlatformConferenceService extends ConferenceService {

    private final Logger log = LoggerFactory.getLogger(PlatformConferenceService.class);
    private final UserDirectory directory;
    private final TranslationService translations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NotificationService notifications;

    /**
     * Receives the platform's services.
     *
     * @param database the database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param directory people, for the contacts' e-mail addresses
     * @param translations the invitations' texts (in Vietnamese, the district's language)
     * @param config the settings
     */
    @Activate
    public PlatformConferenceService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference UserDirectory directory, @Reference TranslationService translations,
            ConferenceConfig config) {
        super(database, users, audit, Clock.systemUTC(), Settings.of(config));
        this.directory = directory;
        this.translations = translations;
    }

    /** For tests: the notification service DS would bind. */
    void notifications(NotificationService service) {
        this.notifications = service;
    }

    @Modified
    void modified(ConferenceConfig config) {
        settings(Settings.of(config));
    }

    @Override
    public BookingResult book(BookingRequest request) {
        BookingResult result = super.book(request);
        if (result.saved()) {
            notify(result.meetingId(), IcsWriter.Purpose.REQUEST, meetingEntries(result.meetingId()));
        }
        return result;
    }

    /** Imported meetings are announced as booked ones are. */
    @Override
    ImportOutcome importMeetings(List<Planned> planned, boolean commit, String source) {
        ImportOutcome outcome = super.importMeetings(planned, commit, source);
        if (outcome.committed()) {
            for (BookingResult result : outcome.results()) {
                if (result.saved()) {
                    notify(result.meetingId(), IcsWriter.Purpose.REQUEST, meetingEntries(result.meetingId()));
                }
            }
        }
        return outcome;
    }

    @Override
    public List<CalendarEntry> cancel(long occurrenceId, Scope scope) {
        List<CalendarEntry> cancelled = super.cancel(occurrenceId, scope);
        if (!cancelled.isEmpty()) {
            notify(cancelled.get(0).meetingId(), IcsWriter.Purpose.CANCEL, cancelled);
        }
        return cancelled;
    }

    @Override
    protected void seriesEdited(long fromMeeting, List<Long> replaced, long toMeeting) {
        // Calendars that had the split-off occurrences under the old series' UIDs drop them; the
        // edited ones come as the new (or the changed) series.
        notify(fromMeeting, IcsWriter.Purpose.CANCEL, occurrenceEntries(replaced));
        notify(toMeeting, IcsWriter.Purpose.REQUEST, meetingEntries(toMeeting).stream().filter(e -> !e.cancelled()).toList());
    }

    private void notify(long meetingId, IcsWriter.Purpose purpose, List<CalendarEntry> entries) {
        NotificationService service = notifications;
        if (service == null || entries.isEmpty()) {
            return;
        }
        String ics = IcsWriter.write(entries, purpose, Clock.systemUTC().instant());
        OutgoingMessage.Attachment file = new OutgoingMessage.Attachment(
                purpose == IcsWriter.Purpose.CANCEL ? "huy-hop.ics" : "moi-hop.ics",
                "text/calendar; charset=UTF-8; method=" + purpose.name(), ics.getBytes(StandardCharsets.UTF_8));
        for (String to : Invitations.recipients(pointsOf(meetingId), directory::person)) {
            try {
                service.send(new OutgoingMessage(to, Invitations.subject(this::vi, purpose, entries.get(0)),
                        Invitations.text(this::vi, purpose, entries), List.of(file), "conference"));
            } catch (RuntimeException e) {
                // One undeliverable address must not undo a saved booking; the rest are still sent.
                log.warn("Invitation to {} for meeting {} could not be queued", to, meetingId, e);
            }
        }
    }

    private String vi(String key, Object... args) {
        return translations.translate(key, TranslationService.VIETNAMESE, args);
    }

    /** Translates a key with arguments. */
    @FunctionalInterface
    interface Texts {
        String t(String key, Object... args);
    }

    /** What invitations say and whom they go to. */
    static final class Invitations {

        private Invitations() {
        }

        static List<String> recipients(List<ConnectionPoint> points,
                java.util.function.Function<String, Optional<UserDirectory.Person>> people) {
            return points.stream().map(ConnectionPoint::contactUser).filter(u -> !u.isBlank()).distinct()
                    .map(people).flatMap(Optional::stream).map(UserDirectory.Person::email)
                    .filter(e -> e != null && !e.isBlank()).distinct().toList();
        }

        static String subject(Texts t, IcsWriter.Purpose purpose, CalendarEntry first) {
            return t.t(purpose == IcsWriter.Purpose.CANCEL ? "conference.mail.cancel-subject"
                    : "conference.mail.invite-subject", first.title());
        }

        static String text(Texts t, IcsWriter.Purpose purpose, List<CalendarEntry> entries) {
            StringBuilder text = new StringBuilder(t.t(purpose == IcsWriter.Purpose.CANCEL
                    ? "conference.mail.cancel-intro" : "conference.mail.invite-intro")).append('\n');
            for (CalendarEntry e : entries) {
                text.append("- ").append(e.title()).append(", ")
                        .append(vn.congso.api.text.Formats.dateTime(e.slot().start(), TranslationService.VIETNAMESE))
                        .append(" – ")
                        .append(vn.congso.api.text.Formats.dateTime(e.slot().end(), TranslationService.VIETNAMESE))
                        .append('\n');
            }
            if (purpose != IcsWriter.Purpose.CANCEL && !entries.get(0).roomLink().isEmpty()) {
                text.append(t.t("conference.mail.room", entries.get(0).roomLink())).append('\n');
            }
            return text.toString();
        }
    }
}
