package vn.congso.notify.internal;

import java.util.List;
import vn.congso.api.notify.OutgoingMessage;

/**
 * One message in the outbox with its body and attachments.
 *
 * @param entry what the list shows
 * @param text the plain-text body
 * @param attachments the attached files
 */
public record OutboxMessage(OutboxEntry entry, String text, List<OutgoingMessage.Attachment> attachments) {

    /** @return the message as it is sent */
    public OutgoingMessage outgoing() {
        return new OutgoingMessage(entry.to(), entry.subject(), text, attachments, entry.source());
    }
}
