package vn.congso.security.internal.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;

/** The audit log's action filter takes what the reader sees ("Đăng nhập") as well as codes. */
class AuditFilterTest {

    private static AuditTexts texts(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditFilterTest.class.getResourceAsStream("/OSGI-INF/l10n/" + file);
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return new AuditTexts(p::containsKey, (key, args) -> p.getProperty(key));
    }

    private static AuditLog.Entry entry(String action) {
        return new AuditLog.Entry(1, Instant.EPOCH, "admin", action, "", Outcome.SUCCESS, "", "127.0.0.1");
    }

    @Test
    void aReadableActionNameFindsItsEntries() throws IOException {
        AuditTexts vi = texts("security-audit.properties");
        assertFalse(AuditView.isCode("đăng nhập"), "a name is filtered by what the reader reads");
        assertTrue(AuditView.matches(entry("security.login"), "đăng nhập", vi));
        assertFalse(AuditView.matches(entry("security.logout"), "Đăng nhập", vi));
        assertTrue(AuditView.matches(entry("security.user.create"), "tài khoản", vi));

        AuditTexts en = texts("security-audit_en.properties");
        assertFalse(AuditView.isCode("sign-in"), "a one-word English name is not taken for a code");
        assertTrue(AuditView.matches(entry("security.login"), "sign-in", en));
        assertFalse(AuditView.matches(entry("security.logout"), "sign-in", en));
    }

    @Test
    void codesStillWork() throws IOException {
        AuditTexts vi = texts("security-audit.properties");
        assertTrue(AuditView.isCode("training.attempt"), "a dotted code goes to the database as a prefix");
        assertTrue(AuditView.matches(entry("security.login"), "security", vi));
        assertFalse(AuditView.matches(entry("training.attempt.start"), "security", vi));
    }
}
