package vn.congso.services.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in Vietnamese (the default) and in English, and none is empty. */
class TranslationsTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Properties vi = load("/OSGI-INF/l10n/services.properties");
        Properties en = load("/OSGI-INF/l10n/services_en.properties");
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames());
        for (String key : vi.stringPropertyNames()) {
            assertTrue(!vi.getProperty(key).isBlank() && !en.getProperty(key).isBlank(), key);
        }
        for (String key : new String[] {"services.permission.receive", "services.role.officer",
                "services.indicator.on-time", "services.error.calendar-gap"}) {
            assertTrue(vi.containsKey(key), key);
        }
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    /** Every key the code names literally, and every value of the enums it builds keys from, exists in both languages. */
    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties vi = load("/OSGI-INF/l10n/services.properties");
        Properties en = load("/OSGI-INF/l10n/services_en.properties");
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (vn.congso.services.internal.dossier.Status s : vn.congso.services.internal.dossier.Status.values()) {
            keys.add("services.status." + s.code());
        }
        for (vn.congso.services.internal.dossier.Action a : vn.congso.services.internal.dossier.Action.values()) {
            keys.add("services.action." + a.code());
            keys.add("audit.action.services.dossier." + a.code());
        }
        for (vn.congso.services.internal.dossier.Timeliness t : vn.congso.services.internal.dossier.Timeliness.values()) {
            keys.add("services.timeliness." + t.code());
        }
        for (vn.congso.services.internal.dossier.DossierService.Letter l
                : vn.congso.services.internal.dossier.DossierService.Letter.values()) {
            keys.add("services.letter." + l.code());
        }
        for (vn.congso.services.internal.dossier.Step step : vn.congso.services.internal.dossier.Step.values()) {
            keys.add("services.step." + step.code());
        }
        for (String field : vn.congso.services.internal.catalogue.ProcedureCatalogue.FIELDS) {
            keys.add("services.field." + field);
        }
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"(services\\.[a-z0-9.-]+[a-z0-9])\"");
            for (java.nio.file.Path p : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = literal.matcher(java.nio.file.Files.readString(p));
                while (m.find()) {
                    String key = m.group(1);
                    // Audit action names and bucket-like ids are not texts.
                    if (!key.matches("services\\.(dossier|procedure|calendar)\\.(submit|receive|refuse|view|file|save|import|put|remove|year|form)")
                            && !key.equals("services.dossier") && !key.equals("services.on-time") && !key.equals("services.online-share")
                            && !key.equals("services.otp") && !key.equals("services.satisfaction")
                            && !key.equals("services.rating.submit") && !key.equals("services.payment.online")
                            && !key.equals("services.cashless-share")) {
                        keys.add(key);
                    }
                }
            }
        }
        for (String key : keys) {
            assertTrue(vi.containsKey(key), "Vietnamese lacks " + key);
            assertTrue(en.containsKey(key), "English lacks " + key);
        }
    }
}
