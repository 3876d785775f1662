package vn.congso.data.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When the daily backup runs: a time of day in a zone (Vietnam's has no daylight saving time,
 * but the computation does not rely on that).
 *
 * @param at the time of day
 * @param zone the zone the time is read in
 */
record BackupSchedule(LocalTime at, ZoneId zone) {

    private static final DateTimeFormatter H_MM = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * Reads {@code HH:mm}.
     *
     * @param text the configured time, such as {@code 02:00}
     * @param zone the zone
     * @return the schedule
     * @throws IllegalArgumentException when the text is not a time of day
     */
    static BackupSchedule parse(String text, ZoneId zone) {
        try {
            return new BackupSchedule(LocalTime.parse(text == null ? "" : text.trim(), H_MM), zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduleTime must be HH:mm, was '" + text + "'", e);
        }
    }

    /**
     * The first run strictly after {@code now}.
     *
     * @param now the current instant
     * @return today's run if it is still ahead, else tomorrow's
     */
    Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (!candidate.toInstant().isAfter(now)) {
            candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        }
        return candidate.toInstant();
    }

    @Override
    public String toString() {
        return "daily at " + HH_MM.format(at) + " " + zone;
    }
}
