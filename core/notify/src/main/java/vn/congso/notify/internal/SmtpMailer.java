package vn.congso.notify.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import vn.congso.api.notify.OutgoingMessage;

/**
 * Sends one message through the configured SMTP server with Jakarta Mail and Eclipse Angus:
 * UTF-8 subject and text, each attachment with its own media type.
 *
 * <p>Inside OSGi, Jakarta Mail finds its transport provider ({@code META-INF/services}) and
 * Jakarta Activation its mailcap entries and content handlers (the {@code multipart/*} writer)
 * through the thread's context class loader, which on a platform thread sees neither. While a
 * message is built and sent the context class loader is therefore Angus Mail's own bundle's,
 * which holds both and reaches Angus Activation through its dynamic imports.
 */
final class SmtpMailer implements Mailer {

    /** The Angus Mail bundle's class loader (the class path's loader outside OSGi). */
    private static final ClassLoader MAIL_LOADER = SMTPTransport.class.getClassLoader();

    @Override
    public void send(MailSettings settings, OutgoingMessage message) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MAIL_LOADER);
        try {
            boolean ssl = settings.security() == MailSettings.Security.SSL;
            String protocol = ssl ? "smtps" : "smtp";
            Session session = Session.getInstance(properties(settings, protocol));
            MimeMessage mime = mime(session, settings, message);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(settings.host(), settings.port(),
                        settings.username().isEmpty() ? null : settings.username(),
                        settings.username().isEmpty() ? null : settings.password());
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The session's properties: timeouts always, TLS as configured, server identity checked. */
    static Properties properties(MailSettings settings, String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        long timeout = settings.timeout().toMillis();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", settings.host());
        p.setProperty(prefix + "port", Integer.toString(settings.port()));
        p.setProperty(prefix + "connectiontimeout", Long.toString(timeout));
        p.setProperty(prefix + "timeout", Long.toString(timeout));
        p.setProperty(prefix + "writetimeout", Long.toString(timeout));
        p.setProperty(prefix + "auth", Boolean.toString(!settings.username().isEmpty()));
        p.setProperty(prefix + "from", settings.fromAddress());
        if (settings.security() == MailSettings.Security.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }

    /** The MIME message: text only, or multipart/mixed with the attachments after the text. */
    static MimeMessage mime(Session session, MailSettings settings, OutgoingMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        try {
            mime.setFrom(settings.fromName().isEmpty() ? new InternetAddress(settings.fromAddress(), true)
                    : new InternetAddress(settings.fromAddress(), settings.fromName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        if (message.attachments().isEmpty()) {
            mime.setText(message.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), StandardCharsets.UTF_8.name());
            mixed.addBodyPart(text);
            for (OutgoingMessage.Attachment attachment : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                        attachment.contentType())));
                // A non-ASCII name is written as an RFC 2231 parameter (mail.mime.encodeparameters).
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }
}
