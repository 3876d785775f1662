package vn.congso.notify.internal;

import java.time.Instant;
import java.util.Optional;
import vn.congso.api.notify.NotificationService.DeliveryState;

/**
 * One message in the outbox, as the list shows it.
 *
 * @param id its id
 * @param to the recipient
 * @param subject the subject
 * @param source who sent it, such as {@code services.otp}
 * @param state where it stands
 * @param attempts delivery attempts so far
 * @param createdAt when it was queued
 * @param sentAt when the server accepted it, if it did
 * @param lastError why the last attempt failed, or why it is held; empty when none failed
 */
public record OutboxEntry(long id, String to, String subject, String source, DeliveryState state, int attempts,
        Instant createdAt, Optional<Instant> sentAt, Optional<String> lastError) {
}
