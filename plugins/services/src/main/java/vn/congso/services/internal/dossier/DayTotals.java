package vn.congso.services.internal.dossier;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.calendar.WorkingCalendar;

/**
 * The dossiers' figures per day in Vietnam and receiving unit, in {@code svc_dossier_day}: how
 * many were submitted (of which online) and settled (of which on time) that day. Kept in the same
 * transaction as the dossier it counts, so that a year's statistics add up some 4,400 rows instead
 * of reading hundreds of thousands of dossiers.
 */
public final class DayTotals {

    private DayTotals() {
    }

    /** @param at an instant @return its day in Vietnam */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, WorkingCalendar.ZONE);
    }

    /**
     * Adds to a day's figures, creating its row on first use.
     *
     * @param c the dossier's transaction
     * @param day the day in Vietnam
     * @param unit the receiving unit
     * @param submitted dossiers submitted
     * @param online of which online
     * @param settled dossiers settled
     * @param onTime of which on time
     * @throws SQLException when the database fails
     */
    public static void add(Connection c, LocalDate day, String unit, int submitted, int online, int settled, int onTime)
            throws SQLException {
        String update = "UPDATE svc_dossier_day SET submitted_count = submitted_count + ?, online_count = online_count + ?,"
                + " settled_count = settled_count + ?, on_time_count = on_time_count + ? WHERE stat_day = ? AND receiving_unit = ?";
        if (Jdbc.update(c, update, submitted, online, settled, onTime, day, unit) == 1) {
            return;
        }
        // The day's first dossier of the unit; another transaction may be creating the row at the same time, and a
        // failed statement must not end this transaction (PostgreSQL's rule), hence the savepoint.
        Savepoint before = c.setSavepoint();
        try {
            Jdbc.update(c, "INSERT INTO svc_dossier_day (stat_day, receiving_unit, submitted_count, online_count,"
                    + " settled_count, on_time_count) VALUES (?, ?, ?, ?, ?, ?)", day, unit, submitted, online, settled, onTime);
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            c.rollback(before);
            if (Jdbc.update(c, update, submitted, online, settled, onTime, day, unit) != 1) {
                throw new SQLException("the figures of " + day + " for " + unit + " vanished", e);
            }
        }
    }

    /**
     * Adds the figures of dossiers written in bulk rather than through the service (the demo data),
     * in the caller's transaction.
     *
     * @param c the transaction that wrote them
     * @param condition an SQL condition on {@code svc_dossier} choosing them, with {@code ?} for the arguments
     * @param args its arguments
     * @return how many day rows were added to
     * @throws SQLException when the database fails
     */
    public static int addWritten(Connection c, String condition, Object... args) throws SQLException {
        java.util.Map<java.util.Map.Entry<LocalDate, String>, int[]> days = new java.util.HashMap<>();
        for (Object[] row : Jdbc.list(c, "SELECT submitted_at, channel, settled_at, on_time, receiving_unit FROM svc_dossier"
                + " WHERE " + condition, rs -> new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2),
                    rs.getTimestamp(3), rs.getBoolean(4), rs.getString(5)}, args)) {
            String unit = (String) row[4];
            int[] submitted = days.computeIfAbsent(java.util.Map.entry(day((Instant) row[0]), unit), k -> new int[4]);
            submitted[0]++;
            submitted[1] += Dossier.ONLINE.equals(row[1]) ? 1 : 0;
            if (row[2] != null) {
                int[] settled = days.computeIfAbsent(java.util.Map.entry(day(((java.sql.Timestamp) row[2]).toInstant()), unit),
                        k -> new int[4]);
                settled[2]++;
                settled[3] += (Boolean) row[3] ? 1 : 0;
            }
        }
        for (var e : days.entrySet()) {
            int[] v = e.getValue();
            add(c, e.getKey().getKey(), e.getKey().getValue(), v[0], v[1], v[2], v[3]);
        }
        return days.size();
    }
}
