package vn.congso.admin.internal;

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
            "vn.congso.admin", Map.of("allowUnsigned", "false", "maxUploadMegabytes", "50", "maxArchiveEntries",
                    "20000", "maxInflatedMegabytes", "256", "maxCompressionRatio", "100", "healthTimeoutSeconds", "20",
                    "trustStore", "congso-trust", "featureRepositoryPrefix", "congso"),
            "vn.congso.admin.dashboard", Map.of("timeoutMillis", "2000", "threads", "4", "queue", "200",
                    "publicCacheSeconds", "60"));

    @Test
    void everyConfigurationIsDescribedInVietnameseAndEnglish() throws Exception {
        assertEquals(EXPECTED, Metatype.read(MetatypeTest.class));
    }
}
