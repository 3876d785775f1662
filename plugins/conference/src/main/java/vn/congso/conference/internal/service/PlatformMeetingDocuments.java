package vn.congso.conference.internal.service;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.api.upload.SpooledUpload;
import vn.congso.api.web.PublicLinks;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.IcsWriter;

/**
 * The meeting documents as the platform runs them: limits from PID {@value ConferenceConfig#PID};
 * when a document is attached, the points' technical contacts get the meeting's invitation again
 * with every document listed as a link to its page (the configured public base URL), never as an
 * attachment — through the notification service when one is installed (works without it).
 */
@Component(service = MeetingDocuments.class, configurationPid = ConferenceConfig.PID)
public final class PlatformMeetingDocuments extends MeetingDocuments {

    private final Logger log = LoggerFactory.getLogger(PlatformMeetingDocuments.class);
    private final ConferenceService conferences;
    private final UserDirectory directory;
    private final TranslationService translations;
    private final PublicLinks links;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NotificationService notifications;

    /**
     * Receives the platform's services.
     *
     * @param database the database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param conferences the meetings and their points
     * @param directory people, for the contacts' e-mail addresses
     * @param translations the e-mails' texts (Vietnamese)
     * @param links the public base URL for the documents' links
     * @param config the settings
     */
    @Activate
    public PlatformMeetingDocuments(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference ConferenceService conferences, @Reference UserDirectory directory,
            @Reference TranslationService translations, @Reference PublicLinks links, ConferenceConfig config) {
        super(database, users, audit, Clock.systemUTC(), Limits.of(config));
        this.conferences = conferences;
        this.directory = directory;
        this.translations = translations;
        this.links = links;
    }

    @Modified
    void modified(ConferenceConfig config) {
        limits(Limits.of(config));
    }

    /** For tests: the notification service DS would bind. */
    void notifications(NotificationService service) {
        this.notifications = service;
    }

    @Override
    public Document attach(long meetingId, SpooledUpload upload) throws IOException {
        Document attached = super.attach(meetingId, upload);
        NotificationService service = notifications;
        if (service != null) {
            List<CalendarEntry> entries = conferences.meetingEntries(meetingId).stream().filter(e -> !e.cancelled()).toList();
            if (!entries.isEmpty()) {
                PlatformConferenceService.Texts t = this::vi;
                String text = PlatformConferenceService.Invitations.text(t, IcsWriter.Purpose.REQUEST, entries)
                        + Mail.documents(t, documentsForMail(meetingId), links, TranslationService.VIETNAMESE);
                for (String to : PlatformConferenceService.Invitations.recipients(conferences.pointsOf(meetingId),
                        directory::person)) {
                    try {
                        service.send(new OutgoingMessage(to, vi("conference.mail.documents-subject", entries.get(0).title()),
                                text, List.of(), "conference"));
                    } catch (RuntimeException e) {
                        // One undeliverable address must not undo the attached document; the rest are still sent.
                        log.warn("Documents of meeting {} could not be sent to {}", meetingId, to, e);
                    }
                }
            }
        }
        return attached;
    }

    private String vi(String key, Object... args) {
        return translations.translate(key, TranslationService.VIETNAMESE, args);
    }

    /** The documents' part of an invitation. */
    static final class Mail {

        private Mail() {
        }

        /**
         * @param t translations
         * @param documents the meeting's documents
         * @param links the public base URL
         * @param locale the e-mail's language, for the sizes
         * @return a heading and one line per document, with its link; empty without documents
         */
        static String documents(PlatformConferenceService.Texts t, List<Document> documents, PublicLinks links,
                Locale locale) {
            if (documents.isEmpty()) {
                return "";
            }
            StringBuilder text = new StringBuilder(t.t("conference.mail.documents")).append('\n');
            for (Document d : documents) {
                text.append("- ").append(d.fileName()).append(" (")
                        .append(t.t("conference.documents.size", LocaleNumbers.format(kilobytes(d.size()), locale)))
                        .append("): ").append(links.absolute("/" + ROUTE + "/" + d.id())).append('\n');
            }
            return text.toString();
        }
    }
}
