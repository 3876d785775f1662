package vn.congso.notify.internal;

import jakarta.mail.MessagingException;
import vn.congso.api.notify.OutgoingMessage;

/** Hands one message to a mail server; {@link SmtpMailer} in the platform. */
interface Mailer {

    /**
     * Sends a message now.
     *
     * @param settings where and how
     * @param message what
     * @throws MessagingException when the server cannot be reached or refuses the message
     */
    void send(MailSettings settings, OutgoingMessage message) throws MessagingException;
}
