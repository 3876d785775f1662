package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the metatype XML that the build generates for this bundle (exported into
 * {@code target/classes} by the bundle plugin) and checks what {@code config:meta} will show:
 * every configuration PID is designated, and every name and description resolves in
 * Vietnamese and English, loaded the way the metatype service loads them (ISO-8859-1).
 */
class MetatypeTest {

    /** PID to its attributes with their defaults: existing etc/*.cfg files rely on these. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "vn.congso.conference", Map.of("roomUrlTemplate", "https://meet.jit.si/congso-{room}",
                    "setupBufferMinutes", "15", "maxOccurrences", "260", "maxMeetingHours", "8",
                    "readinessLeadMinutes", "120", "notReadyAlertMinutes", "15", "demoData", "true"));

    @Test
    void everyConfigurationIsDescribedInVietnameseAndEnglish() throws Exception {
        assertEquals(EXPECTED, Metatype.read(MetatypeTest.class));
    }

    /** The metatype descriptions of one bundle, read from its generated XML. */
    static final class Metatype {

        static Map<String, Map<String, String>> read(Class<?> anchor) throws Exception {
            Path folder = folder(anchor);
            Map<String, Map<String, String>> found = new TreeMap<>();
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            assertFalse(files.isEmpty(), "no metatype XML in " + folder);
            for (Path file : files) {
                Document xml = parse(file);
                Element root = xml.getDocumentElement();
                String localization = root.getAttribute("localization");
                assertFalse(localization.isBlank(), file + ": no localization");
                Properties vi = load(anchor, localization + ".properties");
                Properties en = load(anchor, localization + "_en.properties");
                NodeList ocds = root.getElementsByTagName("OCD");
                for (int i = 0; i < ocds.getLength(); i++) {
                    Element ocd = (Element) ocds.item(i);
                    String where = file.getFileName() + " " + ocd.getAttribute("id");
                    resolves(where + " name", ocd.getAttribute("name"), vi, en);
                    resolves(where + " description", ocd.getAttribute("description"), vi, en);
                    Map<String, String> attributes = new TreeMap<>();
                    NodeList ads = ocd.getElementsByTagName("AD");
                    for (int j = 0; j < ads.getLength(); j++) {
                        Element ad = (Element) ads.item(j);
                        String id = ad.getAttribute("id");
                        resolves(where + "." + id + " name", ad.getAttribute("name"), vi, en);
                        resolves(where + "." + id + " description", ad.getAttribute("description"), vi, en);
                        NodeList options = ad.getElementsByTagName("Option");
                        for (int k = 0; k < options.getLength(); k++) {
                            resolves(where + "." + id + " option", ((Element) options.item(k)).getAttribute("label"),
                                    vi, en);
                        }
                        // Defaults are written with backslash escapes (spaces, commas), as the metatype spec asks.
                        attributes.put(id, ad.getAttribute("default").replaceAll("\\\\(.)", "$1"));
                    }
                    NodeList designates = root.getElementsByTagName("Designate");
                    for (int j = 0; j < designates.getLength(); j++) {
                        Element designate = (Element) designates.item(j);
                        Element object = (Element) designate.getElementsByTagName("Object").item(0);
                        if (object.getAttribute("ocdref").equals(ocd.getAttribute("id"))) {
                            found.put(designate.getAttribute("pid"), attributes);
                        }
                    }
                }
            }
            return found;
        }

        private static void resolves(String where, String value, Properties vi, Properties en) {
            assertTrue(value.startsWith("%"), where + " is not a translation key: '" + value + "'");
            String key = value.substring(1);
            String vietnamese = vi.getProperty(key);
            String english = en.getProperty(key);
            assertNotNull(vietnamese, where + ": no Vietnamese text for " + key);
            assertNotNull(english, where + ": no English text for " + key);
            assertFalse(vietnamese.isBlank() || english.isBlank(), where + ": blank text for " + key);
            assertNotEquals(vietnamese, english, where + ": Vietnamese text is the English one for " + key);
            assertTrue(vietnamese.chars().anyMatch(c -> c > 0x7f), where + ": Vietnamese text has no diacritics: " + key);
        }

        private static Properties load(Class<?> anchor, String resource) throws IOException {
            try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
                assertNotNull(in, "missing " + resource);
                byte[] bytes = in.readAllBytes();
                for (byte b : bytes) {
                    // The metatype service reads ISO-8859-1: anything beyond ASCII must be a Unicode escape.
                    assertTrue(b >= 0, resource + " has a raw non-ASCII byte");
                }
                Properties properties = new Properties();
                properties.load(new java.io.ByteArrayInputStream(bytes)); // ISO-8859-1, as the metatype service
                return properties;
            }
        }

        private static Path folder(Class<?> anchor) throws URISyntaxException {
            var url = anchor.getClassLoader().getResource("OSGI-INF/metatype");
            assertNotNull(url, "no OSGI-INF/metatype on the class path (the bundle plugin exports it at process-classes)");
            return Path.of(url.toURI());
        }

        private static Document parse(Path file) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(file.toFile());
        }
    }
}
