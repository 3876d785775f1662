package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The keys the designer, the import and the calendar proposal build from values exist in both languages. */
class DesignerTextsTest {

    @Test
    void builtKeysExist() throws IOException {
        List<String> keys = new ArrayList<>();
        for (FieldType t : FieldType.values()) {
            keys.add("services.designer.type." + t.code());
        }
        keys.add("services.designer.pattern.none");
        keys.add("services.designer.pattern.custom");
        for (String named : FieldPatterns.NAMED.keySet()) {
            keys.add("services.designer.pattern." + named.substring(1));
            keys.add("services.form.pattern." + named.substring(1));
        }
        for (CatalogueExchange.Status s : CatalogueExchange.Status.values()) {
            keys.add("services.import.status." + s.code());
        }
        for (int day = 1; day <= 7; day++) {
            keys.add("services.calendar.weekday." + day);
        }
        for (String file : List.of("/OSGI-INF/l10n/services.properties", "/OSGI-INF/l10n/services_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream(file)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : keys) {
                assertTrue(p.containsKey(key), file + " lacks " + key);
            }
        }
    }
}
