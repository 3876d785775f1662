package vn.congso.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log. Who and from which address are taken from the current user and
 * request; the time is the server's, in UTC. Entries are never changed; old ones are removed
 * only by the configured retention.
 */
@ProviderType
public interface AuditLog {

    /** The outcome of an audited action. */
    enum Outcome {
        /** The action took effect. */
        SUCCESS,
        /** The action was refused (for example a missing permission or bad input). */
        DENIED,
        /** The action failed. */
        FAILURE
    }

    /**
     * One entry.
     *
     * @param id sequence number
     * @param at when, UTC
     * @param actor username, or {@code anonymous}
     * @param action what, a dotted name such as {@code security.login} or {@code notices.notice.publish}
     * @param target what the action was about, such as a username or record id; may be empty
     * @param outcome the outcome
     * @param detail free text; may be empty
     * @param address the client's IP address; may be empty
     */
    record Entry(long id, Instant at, String actor, String action, String target, Outcome outcome, String detail,
            String address) {
    }

    /**
     * A filter; empty fields match everything.
     *
     * @param actor exact username
     * @param actionPrefix start of the action name
     * @param from inclusive lower bound
     * @param to exclusive upper bound
     * @param limit most entries to return, newest first
     */
    record Query(Optional<String> actor, Optional<String> actionPrefix, Optional<Instant> from, Optional<Instant> to,
            int limit) {
    }

    /**
     * Appends an entry for the current user.
     *
     * @param action what was done
     * @param target what it was done to
     * @param outcome how it ended
     * @param detail anything worth keeping
     */
    void record(String action, String target, Outcome outcome, String detail);

    /**
     * Appends an entry for a named actor, for events with no session user yet (a login).
     *
     * @param actor who
     * @param address from where
     * @param action what was done
     * @param target what it was done to
     * @param outcome how it ended
     * @param detail anything worth keeping
     */
    void record(String actor, String address, String action, String target, Outcome outcome, String detail);

    /**
     * Finds entries, newest first. Requires the permission {@code platform:audit:view}.
     *
     * @param query the filter
     * @return the matching entries
     */
    List<Entry> find(Query query);
}
