package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.congso.api.data.Database;

/**
 * Removes an uninstalled plugin's data: the tables its Liquibase changelog creates (read from
 * the plugin's kept jar, following {@code <include>}s), its rows in Liquibase's
 * {@code DATABASECHANGELOG} (core/data records each changeset under the path
 * {@code <symbolic name>/<changelog path>}), and core/data's migration digest, so a later
 * install migrates from scratch.
 */
final class SchemaPurger {

    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private final DataSource dataSource;

    SchemaPurger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The tables a plugin's changelog creates, in creation order.
     *
     * @param jar the plugin's jar
     * @return the table names; empty when it has no changelog
     */
    static List<String> tablesOf(Path jar) throws IOException {
        Set<String> tables = new LinkedHashSet<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            String header = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(Database.CHANGELOG_HEADER);
            if (header == null || header.isBlank()) {
                return List.of();
            }
            Deque<String> pending = new ArrayDeque<>(List.of(normalise(header)));
            Set<String> seen = new LinkedHashSet<>();
            while (!pending.isEmpty()) {
                String path = pending.pop();
                ZipEntry entry = file.getEntry(path);
                if (!seen.add(path) || entry == null) {
                    continue;
                }
                Document doc;
                try (InputStream in = file.getInputStream(entry)) {
                    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
                    factory.setNamespaceAware(true);
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    doc = factory.newDocumentBuilder().parse(in);
                } catch (Exception e) {
                    throw new IOException("cannot read changelog " + path + ": " + e.getMessage(), e);
                }
                NodeList creates = doc.getElementsByTagNameNS("*", "createTable");
                for (int i = 0; i < creates.getLength(); i++) {
                    tables.add(((Element) creates.item(i)).getAttribute("tableName"));
                }
                NodeList includes = doc.getElementsByTagNameNS("*", "include");
                String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
                for (int i = 0; i < includes.getLength(); i++) {
                    Element include = (Element) includes.item(i);
                    String target = include.getAttribute("file");
                    pending.add(normalise("true".equals(include.getAttribute("relativeToChangelogFile")) ? folder + target : target));
                }
            }
        }
        return List.copyOf(tables);
    }

    /**
     * Drops the tables (newest first) and forgets the plugin's migrations.
     *
     * @param symbolicName the plugin
     * @param tables its tables in creation order
     * @return the tables dropped
     */
    List<String> purge(String symbolicName, List<String> tables) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> reversed = new ArrayList<>(tables);
            java.util.Collections.reverse(reversed);
            for (String table : reversed) {
                if (!SQL_NAME.matcher(table).matches()) {
                    throw new SQLException("refusing to drop a table with an unusual name: " + table);
                }
                if (exists(c, table)) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("DROP TABLE " + table);
                    }
                    dropped.add(table);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM DATABASECHANGELOG WHERE FILENAME LIKE ? ESCAPE '\\'")) {
                ps.setString(1, symbolicName.replace("%", "\\%").replace("_", "\\_") + "/%");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM congso_migration WHERE bundle_symbolic_name = ?")) {
                ps.setString(1, symbolicName);
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return dropped;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        var meta = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT), table.toLowerCase(java.util.Locale.ROOT))) {
            try (var rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String normalise(String path) {
        String p = path.trim().replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
