package vn.congso.services.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers: one connection per unit of work, committed or rolled back as a whole. */
public final class Jdbc {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** @param c the connection @return the result @throws SQLException on failure */
        T run(Connection c) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        /** @param rs positioned on a row @return the value @throws SQLException on failure */
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /** How many times a transaction the database rolled back for a transient reason is run in all. */
    static final int ATTEMPTS = 4;

    /**
     * Runs work in one transaction. When the database rolls it back for a transient reason
     * (SQLState class 40: a deadlock, a lock wait timeout, Derby's identity generator under
     * contention; PostgreSQL's serialization failure), the work runs again on a fresh connection
     * after a short random pause, at most {@value #ATTEMPTS} times in all: the work must therefore
     * not change anything outside its transaction.
     *
     * @param ds the data source
     * @param work the work
     * @param <T> the result type
     * @return the result
     * @throws IllegalStateException wrapping a database failure (after rolling back)
     */
    public static <T> T transaction(DataSource ds, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw new IllegalStateException("database failure: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(2 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10 * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("database failure: " + e.getMessage(), e);
                }
            }
        }
    }

    /** @return whether the database rolled the transaction back for a reason that may not recur */
    static boolean isTransient(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param c a connection
     * @param sql a query
     * @param row reads a row
     * @param args the parameters
     * @param <T> the row type
     * @return every row
     * @throws SQLException on failure
     */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        }
    }

    /**
     * @param c a connection
     * @param sql a query returning at most one row
     * @param row reads it
     * @param args the parameters
     * @param <T> the row type
     * @return the value, or null without a row
     * @throws SQLException on failure
     */
    public static <T> T one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> rows = list(c, sql, row, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * @param c a connection
     * @param sql a statement
     * @param args the parameters
     * @return the update count
     * @throws SQLException on failure
     */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /**
     * Binds parameters: {@link java.time.Instant} as a timestamp, {@link java.time.LocalDate} as a date.
     *
     * @param ps the statement
     * @param args the values
     * @throws SQLException on failure
     */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof java.time.Instant instant) {
                ps.setTimestamp(i + 1, java.sql.Timestamp.from(instant));
            } else if (a instanceof java.time.LocalDate day) {
                ps.setDate(i + 1, java.sql.Date.valueOf(day));
            } else if (a == null) {
                // The column's own type: some databases refuse a null of another type.
                ps.setNull(i + 1, ps.getParameterMetaData().getParameterType(i + 1));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}
