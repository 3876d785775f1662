package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Opens a Karaf archive ({@code .kar}): a zip whose {@code repository/} folder is a Maven
 * repository holding a features file and the bundles it names. The features file must parse;
 * every {@code mvn:} bundle it names must be inside the archive (a plugin upload brings all its
 * code), and each is extracted for the same checks as an uploaded jar.
 */
final class KarReader {

    private static final String REPOSITORY = "repository/";

    private KarReader() {
    }

    /**
     * Extracts the bundles of a kar.
     *
     * @param kar the staged archive (already known to be a complete zip)
     * @param fileName the name the user gave it
     * @param target a fresh folder for the extracted jars
     * @return the extracted bundle jars, in the order the features file names them
     * @throws Refusal {@code plugin.refused.kar-no-features}, {@code plugin.refused.kar-broken-features},
     *         {@code plugin.refused.kar-missing-bundle}, {@code plugin.refused.kar-no-bundles}
     */
    static List<Path> extractBundles(Path kar, String fileName, Path target) throws Refusal, IOException {
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            Map<String, ZipEntry> entries = new HashMap<>();
            List<ZipEntry> featureFiles = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(REPOSITORY)).forEach(e -> {
                entries.put(e.getName(), e);
                if (e.getName().endsWith(".xml")) {
                    featureFiles.add(e);
                }
            });
            if (featureFiles.isEmpty()) {
                throw new Refusal("plugin.refused.kar-no-features", fileName);
            }
            List<Path> bundles = new ArrayList<>();
            for (ZipEntry features : featureFiles) {
                for (String location : bundleLocations(zip, features, fileName)) {
                    String path = REPOSITORY + mavenPath(location, fileName);
                    ZipEntry entry = entries.get(path);
                    if (entry == null) {
                        throw new Refusal("plugin.refused.kar-missing-bundle", fileName, location);
                    }
                    Path jar = target.resolve(bundles.size() + "-" + path.substring(path.lastIndexOf('/') + 1));
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, jar);
                    }
                    bundles.add(jar);
                }
            }
            if (bundles.isEmpty()) {
                throw new Refusal("plugin.refused.kar-no-bundles", fileName);
            }
            return bundles;
        }
    }

    private static List<String> bundleLocations(ZipFile zip, ZipEntry features, String fileName) throws Refusal, IOException {
        Document document;
        try (InputStream in = zip.getInputStream(features)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            document = factory.newDocumentBuilder().parse(in);
        } catch (SAXException e) {
            throw new Refusal("plugin.refused.kar-broken-features", fileName, features.getName(), String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a required feature", e);
        }
        if (!"features".equals(document.getDocumentElement().getLocalName())) {
            throw new Refusal("plugin.refused.kar-broken-features", fileName, features.getName(), "root element is not <features>");
        }
        List<String> locations = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS("*", "bundle");
        for (int i = 0; i < nodes.getLength(); i++) {
            String location = nodes.item(i).getTextContent().trim();
            if (!locations.contains(location)) {
                locations.add(location);
            }
        }
        return locations;
    }

    /** {@code mvn:group/artifact/version[/type[/classifier]]} to its repository path. */
    static String mavenPath(String location, String fileName) throws Refusal {
        String url = location.startsWith("wrap:") ? location.substring(5) : location;
        if (!url.startsWith("mvn:")) {
            throw new Refusal("plugin.refused.kar-missing-bundle", fileName, location);
        }
        String[] parts = url.substring(4).split("\\$")[0].split("/");
        if (parts.length < 3) {
            throw new Refusal("plugin.refused.kar-missing-bundle", fileName, location);
        }
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 && !parts[4].isEmpty() ? "-" + parts[4] : "";
        return parts[0].replace('.', '/') + "/" + parts[1] + "/" + parts[2] + "/" + parts[1] + "-" + parts[2] + classifier + "." + type;
    }
}
