package vn.congso.conference.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The conference plugin's settings, PID {@code vn.congso.conference} ({@code etc/vn.congso.conference.cfg}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%conference.name",
        description = "%conference.description")
public @interface ConferenceConfig {

    /** The PID. */
    String PID = "vn.congso.conference";

    /** @return the video room's address; {room} is replaced by the meeting's room name */
    @AttributeDefinition(name = "%conference.roomUrlTemplate.name", description = "%conference.roomUrlTemplate.description")
    String roomUrlTemplate() default "https://meet.jit.si/congso-{room}";

    /** @return minutes required between two meetings at one point */
    @AttributeDefinition(name = "%conference.setupBufferMinutes.name", description = "%conference.setupBufferMinutes.description")
    int setupBufferMinutes() default 15;

    /** @return the most occurrences a series may have */
    @AttributeDefinition(name = "%conference.maxOccurrences.name", description = "%conference.maxOccurrences.description")
    int maxOccurrences() default 260;

    /** @return the longest meeting, in hours */
    @AttributeDefinition(name = "%conference.maxMeetingHours.name", description = "%conference.maxMeetingHours.description")
    int maxMeetingHours() default 8;

    /** @return minutes before a meeting from which points confirm their readiness */
    @AttributeDefinition(name = "%conference.readinessLeadMinutes.name", description = "%conference.readinessLeadMinutes.description")
    int readinessLeadMinutes() default 120;

    /** @return minutes before a meeting at which a point not ready is flagged red */
    @AttributeDefinition(name = "%conference.notReadyAlertMinutes.name", description = "%conference.notReadyAlertMinutes.description")
    int notReadyAlertMinutes() default 15;

    /** @return the largest .ics file an import reads, in kilobytes (enforced on the server while it arrives) */
    @AttributeDefinition(name = "%conference.importMaxKilobytes.name", description = "%conference.importMaxKilobytes.description")
    int importMaxKilobytes() default 1024;

    /** @return whether the demo points and meetings are created on first start */
    @AttributeDefinition(name = "%conference.demoData.name", description = "%conference.demoData.description")
    boolean demoData() default true;

    /** @return the largest document attached to a meeting, in megabytes (enforced while it streams) */
    @AttributeDefinition(name = "%conference.documentMaxMegabytes.name", description = "%conference.documentMaxMegabytes.description")
    int documentMaxMegabytes() default 20;

    /** @return the most documents a meeting carries */
    @AttributeDefinition(name = "%conference.documentMaxCount.name", description = "%conference.documentMaxCount.description")
    int documentMaxCount() default 10;
}
