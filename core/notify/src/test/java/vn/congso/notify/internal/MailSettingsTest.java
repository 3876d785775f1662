package vn.congso.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How the settings become Jakarta Mail's session properties, and the back-off they give. */
class MailSettingsTest {

    private static MailSettings settings(MailSettings.Security security, String username) {
        return new MailSettings("smtp.tran-de.example", 587, security, username, "bí-mật", "congso@tran-de.example",
                "Cổng Số", 5, Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    @Test
    void starttlsIsRequiredNotOptionalAndTheServerIdentityIsChecked() {
        Properties p = SmtpMailer.properties(settings(MailSettings.Security.STARTTLS, "congso"), "smtp");
        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", p.getProperty("mail.smtp.auth"));
        assertEquals("30000", p.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("30000", p.getProperty("mail.smtp.timeout"));
        assertEquals("30000", p.getProperty("mail.smtp.writetimeout"));
    }

    @Test
    void sslUsesSmtpsAndNoneUsesNeitherTlsNorAuthenticationWithoutAUser() {
        Properties ssl = SmtpMailer.properties(settings(MailSettings.Security.SSL, ""), "smtps");
        assertEquals("smtps", ssl.getProperty("mail.transport.protocol"));
        assertEquals("true", ssl.getProperty("mail.smtps.ssl.checkserveridentity"));
        assertEquals("false", ssl.getProperty("mail.smtps.auth"));
        Properties none = SmtpMailer.properties(settings(MailSettings.Security.NONE, ""), "smtp");
        assertNull(none.getProperty("mail.smtp.starttls.enable"));
        assertEquals("false", none.getProperty("mail.smtp.auth"));
    }

    @Test
    void theBackOffDoublesAndStopsAtADay() {
        MailSettings s = settings(MailSettings.Security.NONE, "");
        assertEquals(Duration.ofSeconds(60), s.backoffAfter(1));
        assertEquals(Duration.ofSeconds(120), s.backoffAfter(2));
        assertEquals(Duration.ofSeconds(240), s.backoffAfter(3));
        assertEquals(Duration.ofDays(1), s.backoffAfter(40));
    }

    @Test
    void thePasswordIsNeverInTheLogsAndASecurityTypoIsRefused() {
        assertFalse(settings(MailSettings.Security.STARTTLS, "congso").toString().contains("bí-mật"));
        assertEquals(MailSettings.Security.STARTTLS, MailSettings.Security.of(" StartTLS "));
        assertEquals("security must be none, starttls or ssl, not 'tls'",
                assertThrows(IllegalArgumentException.class, () -> MailSettings.Security.of("tls")).getMessage());
    }
}
