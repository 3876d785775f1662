package vn.congso.conference.internal.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes occurrences as an iCalendar file with ical4j: one VEVENT per occurrence (UTC times),
 * SEQUENCE raised by every change, STATUS:CANCELLED for cancelled ones.
 */
public final class IcsWriter {

    /** The PRODID of every file. */
    public static final String PRODUCT = "-//CongSo//Conference 1.0//VI";

    /** What the file is for (the iTIP METHOD). */
    public enum Purpose {
        /** An export or a subscribed feed. */
        PUBLISH,
        /** An invitation. */
        REQUEST,
        /** A cancellation sent to the invited. */
        CANCEL
    }

    private IcsWriter() {
    }

    /**
     * The calendar file.
     *
     * @param entries the occurrences
     * @param purpose export, invitation or cancellation
     * @param stamp the DTSTAMP (when the file was made)
     * @return the iCalendar text (CRLF line ends, folded at 75 octets)
     */
    public static String write(List<CalendarEntry> entries, Purpose purpose, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(purpose.name()));
        for (CalendarEntry entry : entries) {
            VEvent event = new VEvent(entry.slot().start(), entry.slot().end(), entry.title());
            event.add(new Uid(entry.uid()));
            event.add(new DtStamp(stamp));
            event.add(new Sequence(entry.sequence()));
            boolean cancelled = entry.cancelled() || purpose == Purpose.CANCEL;
            event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
            if (!entry.location().isEmpty()) {
                event.add(new Location(entry.location()));
            }
            String description = entry.description();
            if (!entry.roomLink().isEmpty()) {
                description = entry.roomLink() + (description.isEmpty() ? "" : "\n\n" + description);
                event.add(new Url(uri(entry.roomLink())));
            }
            if (!description.isEmpty()) {
                event.add(new Description(description));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static URI uri(String link) {
        try {
            return new URI(link);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a room link: " + link, e);
        }
    }
}
