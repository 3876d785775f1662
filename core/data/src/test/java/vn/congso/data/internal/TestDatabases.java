package vn.congso.data.internal;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** Embedded Derby databases and plugin class loaders for tests, no container. */
final class TestDatabases {

    private TestDatabases() {
    }

    static EmbeddedDataSource derby(Path directory) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(directory.toAbsolutePath().toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** A class loader that sees only {@code src/test/resources/plugins/<name>/}, like a bundle's. */
    static ClassLoader plugin(String name) {
        try {
            URL root = TestDatabases.class.getResource("/plugins/" + name + "/");
            return new URLClassLoader(new URL[] {Path.of(root.toURI()).toUri().toURL()}, null);
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class loader over core/data's own classes folder, holding its {@code db/changelog.xml}. */
    static ClassLoader coreData() {
        try {
            URL changelog = TestDatabases.class.getResource("/db/changelog.xml");
            Path classes = Path.of(changelog.toURI()).getParent().getParent();
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean tableExists(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    static long count(DataSource ds, String table) throws SQLException {
        // Table names cannot be parameters; these come from the test itself.
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> changelogEntries(DataSource ds) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT FILENAME, ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(rs.getString(1) + "::" + rs.getString(2));
            }
        }
        return entries;
    }
}
