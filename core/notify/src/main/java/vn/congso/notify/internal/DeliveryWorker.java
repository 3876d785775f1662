package vn.congso.notify.internal;

import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: every queued message whose time has come is sent; a failed attempt is
 * tried again after the configured back-off (doubled each time) until the retries run out, and
 * the message is then held with the server's last answer. Without a configured server every
 * queued message is held at once. Runs on one background thread (see {@link Notifications}),
 * never on the caller's.
 */
final class DeliveryWorker {

    /** The reason stored for a message held because no server is configured (a translation key). */
    static final String NO_SERVER = "notify.error.no-smtp-host";
    /** Messages taken per round; the next round follows at once while more are due. */
    static final int BATCH = 50;

    private final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private final Outbox outbox;
    private final Mailer mailer;
    private final Supplier<MailSettings> settings;
    private final Clock clock;
    private volatile boolean stopped;

    DeliveryWorker(Outbox outbox, Mailer mailer, Supplier<MailSettings> settings, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Ends the current round after the message being sent, and every later round at once. */
    void stop() {
        stopped = true;
    }

    /**
     * One round: delivers what is due.
     *
     * @return how many messages were handled (sent, rescheduled or held)
     */
    int deliverDue() {
        if (stopped) {
            return 0;
        }
        try {
            MailSettings current = settings.get();
            if (!current.hasHost()) {
                List<Long> queued = outbox.queued();
                for (long id : queued) {
                    outbox.hold(id, 0, NO_SERVER);
                }
                if (!queued.isEmpty()) {
                    log.info("No SMTP server configured: {} message(s) kept in the outbox", queued.size());
                }
                return queued.size();
            }
            int handled = 0;
            List<Long> due;
            do {
                due = outbox.due(clock.instant(), BATCH);
                for (long id : due) {
                    if (stopped) {
                        return handled;
                    }
                    deliver(id, current);
                    handled++;
                }
            } while (due.size() == BATCH && !stopped);
            return handled;
        } catch (SQLException | RuntimeException e) {
            // The next round tries again; a scheduled task that threw would never run again.
            log.error("Outbox delivery round failed: {}", e.toString(), e);
            return 0;
        }
    }

    private void deliver(long id, MailSettings current) throws SQLException {
        Optional<OutboxMessage> found = outbox.load(id);
        if (found.isEmpty()) {
            return; // deleted by an administrator meanwhile
        }
        OutboxMessage message = found.get();
        int attempts = message.entry().attempts() + 1;
        try {
            mailer.send(current, message.outgoing());
            outbox.sent(id, attempts, clock.instant());
            log.info("Message {} ({}) sent to the SMTP server after {} attempt(s)", id, message.entry().source(),
                    attempts);
        } catch (MessagingException | RuntimeException e) {
            String error = describe(e);
            if (attempts > current.retryCount()) {
                outbox.hold(id, attempts, error);
                log.warn("Message {} ({}) held after {} failed attempt(s): {}", id, message.entry().source(), attempts,
                        error);
            } else {
                Instant next = clock.instant().plus(current.backoffAfter(attempts));
                outbox.retryAt(id, attempts, next, error);
                log.info("Message {} ({}) not sent (attempt {}), retry at {}: {}", id, message.entry().source(),
                        attempts, next, error);
            }
        }
    }

    /** The failure and its causes in one line, as the server or the network said it. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < Outbox.MAX_ERROR; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : " / ").append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
