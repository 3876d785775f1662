package vn.congso.itests.migrationok.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;

/** Reads its own table on activation: it fails if the schema were not migrated first. */
@Component(immediate = true)
public class NoteBoard {

    private final Logger log = LoggerFactory.getLogger(NoteBoard.class);

    /**
     * Activates once the database, migrated for this bundle, is there.
     *
     * @param database the platform database
     * @throws SQLException if the table is missing
     */
    @Activate
    public NoteBoard(@Reference Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM itest_ok_note");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            log.info("NoteBoard active on {} with {} note(s)", database.productName(), rs.getLong(1));
        }
    }
}
