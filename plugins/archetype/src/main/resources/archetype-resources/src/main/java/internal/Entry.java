package ${package}.internal;

import java.time.Instant;

/**
 * One recorded entry.
 *
 * @param id the database id
 * @param title what was recorded
 * @param amount how many
 * @param createdBy the username of who recorded it
 * @param createdAt when, UTC
 */
public record Entry(long id, String title, int amount, String createdBy, Instant createdAt) {
}
