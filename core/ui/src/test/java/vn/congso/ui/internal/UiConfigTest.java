package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiConfigTest {

    @Test
    void defaultsBindToLoopbackOnPort8181() {
        UiConfig config = UiConfig.from(null, Map.of());

        assertEquals("127.0.0.1", config.host());
        assertEquals(8181, config.port());
        assertEquals("default", config.theme());
    }

    @Test
    void theEnvironmentOverridesTheConfiguredPort() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", "9000");
        properties.put("theme", "high-contrast");

        UiConfig config = UiConfig.from(properties, Map.of("CONGSO_HTTP_PORT", "18080"));

        assertEquals(18080, config.port());
        assertEquals("high-contrast", config.theme());
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", "eighty");

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> UiConfig.from(properties, Map.of()));
        assertEquals("port must be a whole number, was 'eighty'", error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> UiConfig.from(null, Map.of("CONGSO_HTTP_PORT", "70000")));
    }
}
