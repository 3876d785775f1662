package vn.congso.notify.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParseException;
import java.util.regex.Pattern;
import vn.congso.api.notify.OutgoingMessage;

/**
 * What {@link vn.congso.api.notify.NotificationService#send} accepts: one plain e-mail address,
 * a one-line subject of at most {@value #MAX_SUBJECT} characters, a body of at most
 * {@value #MAX_TEXT} characters and attachments of at most {@value #MAX_ATTACHMENT_BYTES} bytes
 * in total. A refusal is an {@link IllegalArgumentException} saying what is wrong.
 */
final class MessageRules {

    /** The longest subject, in characters. */
    static final int MAX_SUBJECT = 250;
    /** The longest body, in characters. */
    static final int MAX_TEXT = 200_000;
    /** The attachments' total size: 10 MB. */
    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    /** The longest address (RFC 5321 allows 254 in a path). */
    static final int MAX_ADDRESS = 254;
    /** The longest source name, the column's width. */
    static final int MAX_SOURCE = 100;
    /** The longest attachment file name. */
    static final int MAX_FILE_NAME = 255;

    /** local@domain, where the domain is host names separated by dots (no address literals, no comments). */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private MessageRules() {
    }

    /**
     * Checks a message.
     *
     * @param message the message
     * @throws IllegalArgumentException saying what breaks the rules
     */
    static void check(OutgoingMessage message) {
        checkAddress(message.to());
        int subjectLength = message.subject().codePointCount(0, message.subject().length());
        if (message.subject().isBlank()) {
            throw new IllegalArgumentException("The subject is empty");
        }
        if (subjectLength > MAX_SUBJECT) {
            throw new IllegalArgumentException("The subject has " + subjectLength + " characters; at most "
                    + MAX_SUBJECT + " are allowed");
        }
        if (message.subject().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("The subject must be one line without control characters");
        }
        int textLength = message.text().codePointCount(0, message.text().length());
        if (textLength > MAX_TEXT) {
            throw new IllegalArgumentException("The text has " + textLength + " characters; at most " + MAX_TEXT
                    + " are allowed");
        }
        if (message.source().isBlank() || message.source().length() > MAX_SOURCE
                || message.source().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("The source must be a short name such as services.otp (at most "
                    + MAX_SOURCE + " characters, one line), not '" + shorten(message.source()) + "'");
        }
        long total = 0;
        for (OutgoingMessage.Attachment attachment : message.attachments()) {
            checkAttachment(attachment);
            total += attachment.content().length;
            if (total > MAX_ATTACHMENT_BYTES) {
                throw new IllegalArgumentException("The attachments are larger than 10 MB (" + MAX_ATTACHMENT_BYTES
                        + " bytes) in total");
            }
        }
    }

    /**
     * Checks an e-mail address.
     *
     * @param address the address
     * @throws IllegalArgumentException when it is not one plain address
     */
    static void checkAddress(String address) {
        if (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches() || address.contains("..")
                || address.startsWith(".") || address.contains(".@")) {
            throw new IllegalArgumentException("Not a valid e-mail address: '" + shorten(address) + "'");
        }
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid e-mail address: '" + shorten(address) + "'", e);
        }
    }

    private static void checkAttachment(OutgoingMessage.Attachment attachment) {
        String name = attachment.fileName();
        if (name.isBlank() || name.length() > MAX_FILE_NAME || name.contains("/") || name.contains("\\")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Not a valid attachment file name: '" + shorten(name) + "'");
        }
        if (attachment.contentType().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("Not a valid media type for " + name);
        }
        try {
            ContentType type = new ContentType(attachment.contentType());
            if (type.getPrimaryType() == null || type.getSubType() == null || attachment.contentType().length() > 255) {
                throw new IllegalArgumentException("Not a valid media type for " + name + ": '"
                        + shorten(attachment.contentType()) + "'");
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a valid media type for " + name + ": '"
                    + shorten(attachment.contentType()) + "'", e);
        }
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
