package vn.congso.conference.internal.service;

import java.time.Duration;

/**
 * The settings the services use, read from {@link ConferenceConfig} (tests make their own).
 *
 * @param roomUrlTemplate the video room's address with {@code {room}}
 * @param setupBuffer the gap required between two meetings at one point
 * @param maxOccurrences the most occurrences of a series
 * @param maxMeeting the longest meeting
 * @param readinessLead how long before a meeting readiness is asked for
 * @param notReadyAlert how long before a meeting a point not ready is flagged red
 * @param importMaxBytes the largest .ics file an import reads (enforced while it arrives)
 */
public record Settings(String roomUrlTemplate, Duration setupBuffer, int maxOccurrences, Duration maxMeeting,
        Duration readinessLead, Duration notReadyAlert, long importMaxBytes) {

    /** The default size limit of an imported .ics file: 1 MB. */
    public static final long DEFAULT_IMPORT_MAX_BYTES = 1024 * 1024;

    /**
     * Settings with the default import limit.
     *
     * @param roomUrlTemplate the video room's address with {@code {room}}
     * @param setupBuffer the gap required between two meetings at one point
     * @param maxOccurrences the most occurrences of a series
     * @param maxMeeting the longest meeting
     * @param readinessLead how long before a meeting readiness is asked for
     * @param notReadyAlert how long before a meeting a point not ready is flagged red
     */
    public Settings(String roomUrlTemplate, Duration setupBuffer, int maxOccurrences, Duration maxMeeting,
            Duration readinessLead, Duration notReadyAlert) {
        this(roomUrlTemplate, setupBuffer, maxOccurrences, maxMeeting, readinessLead, notReadyAlert,
                DEFAULT_IMPORT_MAX_BYTES);
    }

    /**
     * Reads a configuration, refusing a room template that is not an http(s) address with {@code {room}}.
     *
     * @param config the configuration
     * @return the settings
     */
    public static Settings of(ConferenceConfig config) {
        String template = config.roomUrlTemplate().strip();
        if (!(template.startsWith("https://") || template.startsWith("http://")) || !template.contains("{room}")) {
            throw new IllegalArgumentException("roomUrlTemplate must be an http(s) address containing {room}: " + template);
        }
        return new Settings(template, Duration.ofMinutes(Math.max(0, config.setupBufferMinutes())),
                Math.max(1, config.maxOccurrences()), Duration.ofHours(Math.max(1, config.maxMeetingHours())),
                Duration.ofMinutes(Math.max(1, config.readinessLeadMinutes())),
                Duration.ofMinutes(Math.max(0, config.notReadyAlertMinutes())),
                Math.max(1, config.importMaxKilobytes()) * 1024L);
    }

    /**
     * The room link of a meeting.
     *
     * @param room the room name (letters, digits and dashes only)
     * @return the address
     */
    public String roomLink(String room) {
        return roomUrlTemplate.replace("{room}", room);
    }
}
