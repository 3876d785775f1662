package vn.congso.ui.internal;

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

    /**
     * PID to its attributes with their defaults: existing etc/*.cfg files rely on these, and the
     * described defaults must be the ones {@link UiConfig#from} applies.
     */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            UiConfig.PID, Map.of("host", UiConfig.DEFAULTS.host(), "port", String.valueOf(UiConfig.DEFAULTS.port()),
                    "theme", UiConfig.DEFAULTS.theme(),
                    "heartbeatSeconds", String.valueOf(UiConfig.DEFAULTS.heartbeatSeconds()),
                    "sessionTimeoutMinutes", String.valueOf(UiConfig.DEFAULTS.sessionTimeoutMinutes()),
                    "trustedProxies", ""));

    @Test
    void everyConfigurationIsDescribedInVietnameseAndEnglish() throws Exception {
        assertEquals(EXPECTED, Metatype.read(MetatypeTest.class));
    }
}
