package vn.congso.services.internal.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.data.Database;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.calendar.WorkingCalendar;
import vn.congso.services.internal.dossier.DayTotals;

/**
 * The on-time figures: dossiers settled in a period (by the day they were settled) and how
 * many of them on time, per receiving unit as it was recorded; dossiers submitted in a period and
 * how many of them online. Whole days are read from the figures kept per day ({@link DayTotals}),
 * other periods from the dossiers. Reads without checking permissions: the indicators run as the
 * platform's system actor, and the statistics screen requires {@code services:report:view}.
 */
@Component(service = Statistics.class)
public final class Statistics {

    /**
     * One unit's figures.
     *
     * @param unit the receiving unit's code ("" for the total)
     * @param settled dossiers settled in the period
     * @param onTime of which on time
     * @param submitted dossiers submitted in the period
     * @param online of which online
     */
    public record Row(String unit, long settled, long onTime, long submitted, long online) {
        /** @return late = settled - on time */
        public long late() {
            return settled - onTime;
        }
    }

    private final Database database;
    private final vn.congso.api.units.UnitDirectory units;

    /**
     * @param database the database
     * @param units the units' names
     */
    @Activate
    public Statistics(@Reference Database database, @Reference vn.congso.api.units.UnitDirectory units) {
        this.database = database;
        this.units = units;
    }

    /**
     * @param code a unit code as recorded
     * @return its official name, or the code when no unit ever had it
     */
    public String unitName(String code) {
        return units.unit(code).map(vn.congso.api.units.OrgUnit::name).orElse(code);
    }

    /**
     * @param from inclusive
     * @param to exclusive
     * @return one row per unit that has figures, then the total (unit "")
     */
    public List<Row> byUnit(Instant from, Instant to) {
        java.time.LocalDate first = DayTotals.day(from);
        java.time.LocalDate end = DayTotals.day(to);
        if (from.equals(first.atStartOfDay(WorkingCalendar.ZONE).toInstant())
                && to.equals(end.atStartOfDay(WorkingCalendar.ZONE).toInstant())) {
            // Whole days (every period of the screens and indicators): the figures kept per day.
            return rows(Jdbc.transaction(database.dataSource(), c -> Jdbc.list(c, "SELECT receiving_unit, SUM(settled_count),"
                    + " SUM(on_time_count), SUM(submitted_count), SUM(online_count) FROM svc_dossier_day WHERE stat_day >= ?"
                    + " AND stat_day < ? GROUP BY receiving_unit", rs -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5)), first, end)));
        }
        return fromDossiers(from, to);
    }

    /**
     * The figures read from the dossiers themselves (any period; the whole table's share of it).
     *
     * @param from inclusive
     * @param to exclusive
     * @return one row per unit that has figures, then the total (unit "")
     */
    public List<Row> fromDossiers(Instant from, Instant to) {
        return Jdbc.transaction(database.dataSource(), c -> {
            List<Object[]> settled = Jdbc.list(c, "SELECT receiving_unit, COUNT(*), SUM(CASE WHEN on_time = TRUE THEN 1 ELSE 0 END)"
                    + " FROM svc_dossier WHERE settled_at >= ? AND settled_at < ? GROUP BY receiving_unit",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}, from, to);
            List<Object[]> submitted = Jdbc.list(c, "SELECT receiving_unit, COUNT(*), SUM(CASE WHEN channel = 'online' THEN 1 ELSE 0 END)"
                    + " FROM svc_dossier WHERE submitted_at >= ? AND submitted_at < ? GROUP BY receiving_unit",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}, from, to);
            java.util.Map<String, long[]> byUnit = new java.util.TreeMap<>();
            for (Object[] r : settled) {
                long[] v = byUnit.computeIfAbsent((String) r[0], k -> new long[4]);
                v[0] = (Long) r[1];
                v[1] = (Long) r[2];
            }
            for (Object[] r : submitted) {
                long[] v = byUnit.computeIfAbsent((String) r[0], k -> new long[4]);
                v[2] = (Long) r[1];
                v[3] = (Long) r[2];
            }
            List<Row> rows = new ArrayList<>();
            byUnit.forEach((unit, v) -> rows.add(new Row(unit, v[0], v[1], v[2], v[3])));
            return rows(rows);
        });
    }

    /** @return the units' rows in the order of their codes, then the total */
    private static List<Row> rows(List<Row> units) {
        List<Row> rows = new ArrayList<>(units.stream().filter(r -> r.settled() + r.submitted() > 0)
                .sorted(java.util.Comparator.comparing(Row::unit)).toList());
        long[] total = new long[4];
        for (Row r : rows) {
            total[0] += r.settled();
            total[1] += r.onTime();
            total[2] += r.submitted();
            total[3] += r.online();
        }
        rows.add(new Row("", total[0], total[1], total[2], total[3]));
        return rows;
    }

    /**
     * @param rows rows of {@link #byUnit}
     * @param unit a unit code, or "" for the total
     * @return that unit's row, zeros when it has none
     */
    public static Row row(List<Row> rows, String unit) {
        return rows.stream().filter(r -> r.unit().equals(unit)).findFirst().orElse(new Row(unit, 0, 0, 0, 0));
    }
}
