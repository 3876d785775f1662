package vn.congso.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.congso.testing.Metatype;

/**
 * What {@code config:meta} will show for this bundle ({@link Metatype}, shared through
 * congso-core-api's test jar): every configuration PID is designated, with the defaults below,
 * and every name and description resolves in Vietnamese and English.
 */
class MetatypeTest {

    /** PID to its attributes with their defaults: existing etc/*.cfg files rely on these. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "vn.congso.notify", Map.of("smtpHost", "", "smtpPort", "587", "security", "starttls", "username", "",
                    "password", "", "fromAddress", "congso@localhost", "fromName", "Cổng Số", "retryCount", "5",
                    "retryBackoffSeconds", "60", "timeoutSeconds", "30"));

    @Test
    void everyConfigurationIsDescribedInVietnameseAndEnglish() throws Exception {
        assertEquals(EXPECTED, Metatype.read(MetatypeTest.class));
    }
}
