package vn.congso.notify.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congso.api.notify.NotificationService.DeliveryState;

/**
 * What administrators do with the outbox, on the outbox screen and in the console. Every method
 * requires {@link #PERMISSION}; resending and deleting are audited.
 */
public interface OutboxService {

    /** Read the outbox, resend held messages, delete messages. */
    String PERMISSION = "platform:notify:manage";

    /**
     * @param state only messages in this state, or every message
     * @param limit the most to return
     * @return the newest messages first
     */
    List<OutboxEntry> list(Optional<DeliveryState> state, int limit);

    /**
     * @param id a message id
     * @return the message with its text and attachments, or empty when there is none
     */
    Optional<OutboxMessage> message(long id);

    /**
     * Queues a held message again, from its first attempt.
     *
     * @param id a held message's id
     * @throws OutboxRefusal when there is no such message, it is not held, or no server is configured
     */
    void resend(long id);

    /**
     * Deletes a message and its attachments.
     *
     * @param id a message id
     * @throws OutboxRefusal when there is no such message
     */
    void delete(long id);

    /** @return whether a server is configured and how many messages are in each state */
    Status status();

    /**
     * Where delivery stands.
     *
     * @param smtpConfigured whether an SMTP server is configured
     * @param server {@code host:port}, or empty
     * @param counts messages per state
     */
    record Status(boolean smtpConfigured, String server, Map<DeliveryState, Long> counts) {
    }
}
