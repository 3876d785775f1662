package vn.congso.admin.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * The {@code plugin_install} table (this bundle's changelog): every change made through the plugin
 * service, so the view can say who installed what, when, and from where.
 */
final class InstallRecords {

    private final DataSource dataSource;

    InstallRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    void add(InstallRecord r) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO plugin_install (bundle_symbolic_name, action, "
                        + "version, previous_version, source, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.symbolicName());
            ps.setString(2, r.action());
            ps.setString(3, r.version());
            ps.setString(4, r.previousVersion().orElse(null));
            ps.setString(5, truncate(r.source(), 500));
            ps.setString(6, r.actor());
            ps.setTimestamp(7, Timestamp.from(r.at()), utc());
            ps.executeUpdate();
        }
    }

    List<InstallRecord> history(String symbolicName) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT bundle_symbolic_name, action, version, previous_version, "
                        + "source, actor, occurred_at FROM plugin_install WHERE bundle_symbolic_name = ? ORDER BY id DESC")) {
            ps.setString(1, symbolicName);
            List<InstallRecord> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new InstallRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7, utc()).toInstant()));
                }
            }
            return result;
        }
    }

    Optional<InstallRecord> latest(String symbolicName) {
        try {
            return history(symbolicName).stream().findFirst();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
