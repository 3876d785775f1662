package vn.congso.conference.internal.service;

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
            "vn.congso.conference", Map.of("roomUrlTemplate", "https://meet.jit.si/congso-{room}",
                    "setupBufferMinutes", "15", "maxOccurrences", "260", "maxMeetingHours", "8",
                    "readinessLeadMinutes", "120", "notReadyAlertMinutes", "15", "demoData", "true",
                    "documentMaxMegabytes", "20", "documentMaxCount", "10", "importMaxKilobytes", "1024"));

    @Test
    void everyConfigurationIsDescribedInVietnameseAndEnglish() throws Exception {
        assertEquals(EXPECTED, Metatype.read(MetatypeTest.class));
    }
}
