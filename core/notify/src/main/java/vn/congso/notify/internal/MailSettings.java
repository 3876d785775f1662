package vn.congso.notify.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * The delivery settings in force, read from {@link NotifyConfig}.
 *
 * @param host the SMTP server, empty for none
 * @param port its port
 * @param security {@code none}, {@code starttls} or {@code ssl}
 * @param username the sign-in name, empty for none
 * @param password its password
 * @param fromAddress the sender's address
 * @param fromName the sender's display name, maybe empty
 * @param retryCount retries after the first failed attempt before a message is held
 * @param retryBackoff the wait before the first retry (doubled for each further one)
 * @param timeout the connection and reply timeout
 */
record MailSettings(String host, int port, Security security, String username, String password, String fromAddress,
        String fromName, int retryCount, Duration retryBackoff, Duration timeout) {

    /** How the connection to the server is protected. */
    enum Security {
        /** Plain SMTP (a relay on the same machine or network). */
        NONE,
        /** SMTP upgraded with STARTTLS, required. */
        STARTTLS,
        /** SMTP over TLS from the first byte (SMTPS). */
        SSL;

        static Security of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("security must be none, starttls or ssl, not '" + value + "'", e);
            }
        }
    }

    MailSettings {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        fromName = fromName == null ? "" : fromName.strip();
        if (retryCount < 0) {
            throw new IllegalArgumentException("retryCount must not be negative");
        }
    }

    /** @return whether an SMTP server is configured; without one every message is held */
    boolean hasHost() {
        return !host.isEmpty();
    }

    /**
     * @param config the configuration
     * @return its settings
     */
    static MailSettings of(NotifyConfig config) {
        return new MailSettings(config.smtpHost(), config.smtpPort(), Security.of(config.security()), config.username(),
                config.password(), config.fromAddress(), config.fromName(), config.retryCount(),
                Duration.ofSeconds(Math.max(1, config.retryBackoffSeconds())),
                Duration.ofSeconds(Math.max(1, config.timeoutSeconds())));
    }

    /**
     * The wait before a retry.
     *
     * @param failures how many attempts have failed so far (1 after the first)
     * @return the back-off, doubled for each failure after the first, at most a day
     */
    Duration backoffAfter(int failures) {
        long seconds = retryBackoff.toSeconds();
        for (int i = 1; i < failures && seconds < 86_400; i++) {
            seconds *= 2;
        }
        return Duration.ofSeconds(Math.min(seconds, 86_400));
    }

    /** The settings, without the password, for logs. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", from=" + fromAddress + ", retryCount=" + retryCount + ", retryBackoff=" + retryBackoff + "]";
    }
}
