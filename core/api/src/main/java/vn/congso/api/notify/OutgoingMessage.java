package vn.congso.api.notify;

import java.util.List;
import java.util.Objects;

/**
 * One e-mail to one person.
 *
 * @param to the recipient's e-mail address
 * @param subject the subject line, already in the recipient's language
 * @param text the plain-text body, already in the recipient's language
 * @param attachments files to attach (an invitation's {@code .ics}, a receipt's PDF), maybe empty
 * @param source who sends it, shown in the outbox: the plugin's name and purpose, such as
 *        {@code "security.otp"} or {@code "notices.digest"}
 */
public record OutgoingMessage(String to, String subject, String text, List<Attachment> attachments, String source) {

    public OutgoingMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public static OutgoingMessage of(String to, String subject, String text, String source) {
        return new OutgoingMessage(to, subject, text, List.of(), source);
    }

    /**
     * A file attached to a message.
     *
     * @param fileName the file name shown to the recipient, such as {@code "hop-giao-ban.ics"}
     * @param contentType its media type, such as {@code "text/calendar; method=REQUEST"}
     * @param content the bytes
     */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }
}
