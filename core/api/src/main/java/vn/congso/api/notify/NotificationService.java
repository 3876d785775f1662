package vn.congso.api.notify;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a message to a person, reliably: {@link #send} stores the message first (in the
 * platform's database, in the caller's transaction when there is one) and a background worker
 * delivers it, retrying with back-off. When no SMTP server is configured, or a message has
 * failed every retry, it stays in the outbox where administrators see it; nothing is lost.
 *
 * <p>Callers render the subject and body in the recipient's language themselves (they know it);
 * the service neither translates nor formats. Links inside a message must be built from the
 * configured public base URL ({@link vn.congso.api.web.PublicLinks}), never from the request.
 */
@ProviderType
public interface NotificationService {

    /**
     * Queues a message for delivery.
     *
     * @param message the message
     * @return the message's id in the outbox
     * @throws IllegalArgumentException when the recipient's address is not a valid e-mail
     *         address, or the message breaks a size limit (subject 250 characters, body 200,000
     *         characters, attachments 10 MB in total)
     */
    long send(OutgoingMessage message);

    /**
     * Where a queued message stands.
     *
     * @param id an id returned by {@link #send}
     * @return its delivery state, or empty when there is no such message
     */
    Optional<DeliveryState> state(long id);

    /** The delivery state of a queued message. */
    enum DeliveryState {
        /** Waiting for the worker, or for a retry. */
        QUEUED,
        /** Accepted by the SMTP server. */
        SENT,
        /** No SMTP server configured, or every retry failed: kept in the outbox for an administrator. */
        HELD
    }
}
