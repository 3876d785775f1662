package vn.congso.security.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Message;
import vn.congso.api.audit.AuditLog.Outcome;

/** The audit log read in the reader's language, from this bundle's own translation files. */
class AuditTextsTest {

    private static AuditTexts texts(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AuditTextsTest.class.getResourceAsStream("/OSGI-INF/l10n/" + file);
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Locale locale = file.contains("_en") ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        return new AuditTexts(p::containsKey,
                (key, args) -> args.length == 0 ? p.getProperty(key) : new MessageFormat(p.getProperty(key), locale).format(args));
    }

    private static AuditLog.Entry entry(String action, String detail, Message message) {
        return new AuditLog.Entry(1, Instant.EPOCH, "admin", action, "x", Outcome.SUCCESS, detail, "127.0.0.1",
                Optional.ofNullable(message));
    }

    @Test
    void anActionAndItsDetailReadInTheReadersLanguage() throws IOException {
        AuditTexts vi = texts("security-audit.properties");
        AuditTexts en = texts("security-audit_en.properties");
        AuditLog.Entry created = entry("security.user.create", "security.audit.detail.user-created(learner, xa-a)",
                Message.of("security.audit.detail.user-created", "learner", "xa-a"));
        assertEquals("Tạo tài khoản", vi.action(created.action()));
        assertEquals("Account created", en.action(created.action()));
        assertEquals("Vai trò: learner; đơn vị: xa-a", vi.detail(created));
        assertEquals("Roles: learner; unit: xa-a", en.detail(created));
    }

    @Test
    void englishCountsChooseTheirPlural() throws IOException {
        AuditTexts en = texts("security-audit_en.properties");
        assertEquals("One account created: lan", en.detail(entry("security.user.import", "",
                Message.of("security.audit.detail.imported", 1, "lan"))));
        assertEquals("3 accounts created: a, b, c", en.detail(entry("security.user.import", "",
                Message.of("security.audit.detail.imported", 3, "a, b, c"))));
        assertEquals("The new password broke one rule", en.detail(entry("security.password.change", "",
                Message.of("security.audit.detail.password-refused", 1))));
    }

    @Test
    void legacyRowsAndUnknownActionsAreShownAsStored() throws IOException {
        AuditTexts vi = texts("security-audit.properties");
        // Written before details were messages: English free text, shown as it is.
        AuditLog.Entry legacy = entry("security.login", "bad credentials", null);
        assertEquals("bad credentials", vi.detail(legacy));
        assertEquals("Đăng nhập", vi.action(legacy.action()));
        // A plugin since removed: no text for its action or message, so the stored words, never !key!.
        AuditLog.Entry gone = entry("meetings.booking.create", "meetings.audit.booked(7)",
                Message.of("meetings.audit.booked", 7));
        assertEquals("meetings.booking.create", vi.action(gone.action()));
        assertEquals("meetings.audit.booked(7)", vi.detail(gone));
    }
}
