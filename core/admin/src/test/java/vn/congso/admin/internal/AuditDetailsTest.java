package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.congso.api.audit.AuditLog;

/**
 * The plugin administration's audit details are keys with arguments that read in both languages,
 * as the audit screen shows them, and no longer the free text {@code status=DONE; version=…}.
 */
class AuditDetailsTest {

    private static Properties texts(String suffix) throws IOException {
        Properties all = new Properties();
        for (String name : List.of("admin", "admin-audit")) {
            try (InputStream in = AuditDetailsTest.class.getResourceAsStream("/OSGI-INF/l10n/" + name + suffix
                    + ".properties"); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                all.load(reader);
            }
        }
        return all;
    }

    /** As the audit screen reads an entry: whole numbers become numbers, the rest stays text. */
    private static String read(AuditLog.Message message, Properties texts) {
        String pattern = texts.getProperty(message.key());
        assertTrue(pattern != null, "no text for " + message.key());
        Object[] args = message.args().stream().map(a -> a.matches("-?\\d{1,18}") ? (Object) Long.valueOf(a) : a)
                .toArray();
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    @Test
    void everyKindOfResultReadsInVietnameseAndInEnglish() throws IOException {
        Properties vi = texts("");
        Properties en = texts("_en");
        BundleRef ref = new BundleRef("vn.example.sotay", "1.2.0");
        AuditLog.Message installed = AuditDetails.of(ActionResult.done(ref, null));
        assertEquals("Phiên bản 1.2.0", read(installed, vi));
        assertEquals("Version 1.2.0", read(installed, en));

        AuditLog.Message refused = AuditDetails.of(ActionResult.refused(null,
                Problem.of("plugin.refused.unsigned", "sotay.jar"), null));
        assertEquals("plugin.refused.unsigned", refused.key());
        assertEquals("sotay.jar chưa được ký. Chỉ cài được plugin do nhà phát hành tin cậy ký.", read(refused, vi));
        assertTrue(read(refused, en).startsWith("sotay.jar "), read(refused, en));

        AuditLog.Message tooLarge = AuditDetails.of(ActionResult.refused(null,
                Problem.of("plugin.refused.too-large", "big.jar", 50), null));
        assertEquals("big.jar lớn hơn giới hạn 50 MB.", read(tooLarge, vi));

        AuditLog.Message rolledBack = AuditDetails.of(ActionResult.rolledBack(ref,
                Problem.of("plugin.failed.start", "vn.example.sotay", "boom"), null));
        assertEquals("Không khởi động được vn.example.sotay: boom", read(rolledBack, vi));

        AuditLog.Message signer = AuditDetails.of(TrustResult.done(new TrustedSigner("dev.pem", "CN=Dev", "CN=Dev",
                "AB:CD", Instant.EPOCH)));
        assertEquals("Tệp dev.pem; chủ thể CN=Dev; dấu vân tay SHA-256 AB:CD", read(signer, vi));
        assertEquals("File dev.pem; subject CN=Dev; SHA-256 fingerprint AB:CD", read(signer, en));

        AuditLog.Message done = AuditDetails.of(ActionResult.done(new BundleRef("vn.example.sotay", ""), null));
        assertEquals("Đã thực hiện", read(done, vi));
        assertEquals("Done", read(done, en));

        for (AuditLog.Message message : List.of(installed, refused, tooLarge, rolledBack, signer, done)) {
            assertFalse(message.plain().contains("status=") || message.plain().contains("reason="), message.plain());
        }
    }

    @Test
    void aLongExceptionMessageIsCutSoTheKeyAndArgumentsAreKept() {
        AuditLog.Message failed = AuditDetails.of(ActionResult.failed(null,
                Problem.of("plugin.failed.io", "x".repeat(5000)), null));
        assertEquals("plugin.failed.io", failed.key());
        assertEquals(AuditDetails.MAX_ARGUMENT, failed.args().get(0).length());
    }

    @Test
    void theSameKeysExistInBothLanguages() throws IOException {
        assertEquals(texts("").keySet(), texts("_en").keySet());
    }
}
