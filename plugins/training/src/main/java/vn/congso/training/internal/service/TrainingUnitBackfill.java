package vn.congso.training.internal.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.training.internal.store.Jdbc;

/**
 * Gives enrolments, attempts and certificates recorded before units were kept with them the
 * unit their person belonged to on that day, from the account's unit history (falling back to
 * the person's unit today). Runs at every start and touches only rows still without a unit, so
 * after the first start of a release it finds nothing to do.
 */
@Component(immediate = true)
public final class TrainingUnitBackfill {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A table whose rows record a person's fact at a time. */
    private record Facts(String table, String key, String at) {
    }

    private static final List<Facts> TABLES = List.of(new Facts("trn_enrolment", "course_id", "enrolled_at"),
            new Facts("trn_attempt", "id", "started_at"), new Facts("trn_certificate", "id", "issued_at"));

    private final Logger log = LoggerFactory.getLogger(TrainingUnitBackfill.class);

    /**
     * Fills what is missing.
     *
     * @param database the platform database (its changelog has run)
     * @param units units and each account's unit history
     */
    @Activate
    public TrainingUnitBackfill(@Reference Database database, @Reference UnitDirectory units) {
        try {
            int filled = fill(new Jdbc(database.dataSource()), units, Clock.systemUTC());
            if (filled > 0) {
                log.info("Recorded the unit of {} earlier training enrolments, attempts and certificates", filled);
            }
        } catch (RuntimeException e) {
            log.error("Earlier training records could not be given their unit; they count as 'unit unknown'", e);
        }
    }

    /**
     * Fills every row without a unit whose person's unit can be found.
     *
     * @return the number of rows filled
     */
    static int fill(Jdbc jdbc, UnitDirectory units, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        int filled = 0;
        for (Facts facts : TABLES) {
            filled += jdbc.transaction(c -> {
                List<Object[]> rows = Jdbc.list(c, "SELECT " + facts.key() + ", username, " + facts.at() + " FROM "
                        + facts.table() + " WHERE unit_id IS NULL",
                        rs -> new Object[] {rs.getLong(1), rs.getString(2), Jdbc.instant(rs, facts.at())});
                int count = 0;
                for (Object[] row : rows) {
                    String username = (String) row[1];
                    LocalDate day = LocalDate.ofInstant((Instant) row[2], VIETNAM);
                    Optional<OrgUnit> unit = units.unitOf(username, day).or(() -> units.unitOf(username, today));
                    if (unit.isEmpty()) {
                        continue;
                    }
                    count += update(c, facts, row, unit.get().code());
                }
                return count;
            });
        }
        return filled;
    }

    private static int update(java.sql.Connection c, Facts facts, Object[] row, String unit) throws SQLException {
        if (facts.table().equals("trn_enrolment")) {
            return Jdbc.update(c, "UPDATE trn_enrolment SET unit_id = ? WHERE course_id = ? AND username = ?"
                    + " AND unit_id IS NULL", unit, row[0], row[1]);
        }
        return Jdbc.update(c, "UPDATE " + facts.table() + " SET unit_id = ? WHERE id = ? AND unit_id IS NULL", unit,
                row[0]);
    }
}
