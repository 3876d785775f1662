package vn.congso.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
     * @param message the detail as a translation key with arguments, rendered in the reader's
     *     language; empty for entries recorded with free text (and for every entry written
     *     before 1.1), whose {@code detail} is shown as stored
     */
    record Entry(long id, Instant at, String actor, String action, String target, Outcome outcome, String detail,
            String address, Optional<Message> message) {

        /** An entry with a free-text detail only. */
        public Entry(long id, Instant at, String actor, String action, String target, Outcome outcome, String detail,
                String address) {
            this(id, at, actor, action, target, outcome, detail, address, Optional.empty());
        }
    }

    /**
     * A detail in no particular language: a translation key of the recording bundle (in its
     * {@code OSGI-INF/l10n} files, both languages) and its arguments, so that each reader sees
     * it in their own language. The action itself is shown through the key
     * {@code audit.action.<action>} when some bundle defines it.
     *
     * @param key the translation key, such as {@code notices.audit.publish}
     * @param args the arguments, kept as text (numbers written plainly, without grouping)
     * @since 1.1
     */
    record Message(String key, List<String> args) {

        /** Copies the arguments. */
        public Message {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        /**
         * @param key the translation key
         * @param args the arguments; each is stored as {@link String#valueOf(Object)}
         * @return the message
         */
        public static Message of(String key, Object... args) {
            List<String> texts = new java.util.ArrayList<>();
            for (Object arg : args) {
                texts.add(String.valueOf(arg));
            }
            return new Message(key, texts);
        }

        /**
         * The language-free form kept in the detail column for readers that do not translate
         * (a CSV export, an older reader): the key and its arguments.
         *
         * @return for example {@code notices.audit.publish(2, 1)}
         */
        public String plain() {
            return args.isEmpty() ? key : key + "(" + String.join(", ", args) + ")";
        }
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
     * Appends an entry for the current user whose detail is rendered in the reader's language.
     * The default keeps only {@link Message#plain()}; the platform's log keeps the key and
     * arguments.
     *
     * @param action what was done
     * @param target what it was done to
     * @param outcome how it ended
     * @param detail the detail as a key and arguments
     * @since 1.1
     */
    default void record(String action, String target, Outcome outcome, Message detail) {
        record(action, target, outcome, detail.plain());
    }

    /**
     * Appends an entry for a named actor whose detail is rendered in the reader's language.
     *
     * @param actor who
     * @param address from where
     * @param action what was done
     * @param target what it was done to
     * @param outcome how it ended
     * @param detail the detail as a key and arguments
     * @since 1.1
     */
    default void record(String actor, String address, String action, String target, Outcome outcome,
            Message detail) {
        record(actor, address, action, target, outcome, detail.plain());
    }

    /**
     * Finds entries, newest first. Requires the permission {@code platform:audit:view}.
     *
     * @param query the filter
     * @return the matching entries
     */
    List<Entry> find(Query query);
}
