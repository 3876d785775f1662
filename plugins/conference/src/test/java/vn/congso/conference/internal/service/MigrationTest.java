package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changesets applied to a database that already holds bookings. */
class MigrationTest {

    @TempDir
    Path folder;

    @SuppressWarnings("deprecation")
    @Test
    void theBusyWindowChangesetRecordsEachPointsLongestExistingBookingRoundedUp() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + folder.toAbsolutePath());
        derby.setCreateDatabase("create");
        try (Connection c = derby.getConnection()) {
            Liquibase liquibase = new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)));
            liquibase.update(4, "");
            try (Statement st = c.createStatement()) {
                for (int p = 1; p <= 3; p++) {
                    st.executeUpdate("INSERT INTO conf_point (unit_code, name, hub, room, address, equipment, contact_name, "
                            + "contact_phone, capacity, status, sort_order) VALUES ('u" + p + "', 'P" + p + "', false, '', '', '', '', "
                            + "'', 1, 'AVAILABLE', " + p + ")");
                }
                st.executeUpdate("INSERT INTO conf_meeting (uid, title, agenda, chair, host_point_id, room_link, visibility, "
                        + "status, created_by, created_at) VALUES ('m', 'M', '', '', 1, '', 'INTERNAL', 'SCHEDULED', 'x', "
                        + "CURRENT_TIMESTAMP)");
                st.executeUpdate("INSERT INTO conf_occurrence (meeting_id, original_start, starts_at, ends_at, status) "
                        + "VALUES (1, '2027-01-04 01:00:00', '2027-01-04 01:00:00', '2027-01-04 02:30:00', 'SCHEDULED'), "
                        + "(1, '2027-01-05 01:00:00', '2027-01-05 01:00:00', '2027-01-05 09:10:30', 'SCHEDULED')");
                // Point 1: 90 minutes and 8 h 10 min 30 s; point 2: 90 minutes; point 3: nothing.
                st.executeUpdate("INSERT INTO conf_busy VALUES (1, 1, '2027-01-04 01:00:00', '2027-01-04 02:30:00'), "
                        + "(2, 1, '2027-01-05 01:00:00', '2027-01-05 09:10:30'), (1, 2, '2027-01-04 01:00:00', "
                        + "'2027-01-04 02:30:00')");
            }
            c.commit();
            liquibase.update("");
            List<Integer> longest = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT longest_busy_minutes FROM conf_point ORDER BY id")) {
                while (rs.next()) {
                    longest.add(rs.getInt(1));
                }
            }
            c.commit();
            // Never below the real length (the check's window relies on it), at most a minute above.
            assertEquals(List.of(491, 91, 0), longest);
        }
    }
}
