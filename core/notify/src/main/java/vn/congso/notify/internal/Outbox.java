package vn.congso.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import javax.sql.DataSource;
import vn.congso.api.notify.NotificationService.DeliveryState;
import vn.congso.api.notify.OutgoingMessage;

/**
 * The outbox tables ({@code ntf_message}, {@code ntf_attachment}): portable SQL through prepared
 * statements, times as UTC timestamps. Every method uses its own connection and commits before
 * returning, so what it reports is what survives a restart.
 */
final class Outbox {

    /** Kept by the column: longer server replies are cut. */
    static final int MAX_ERROR = 1000;

    private static final String COLUMNS = "id, recipient, subject, source, state, attempts, created_at, sent_at,"
            + " last_error";

    private final DataSource dataSource;

    /** @param dataSource the platform database, migrated by this bundle's changelog */
    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a message and its attachments in one transaction.
     *
     * @param message the message, already checked
     * @param state {@code QUEUED}, or {@code HELD} when there is no server to send it to
     * @param now the time
     * @param reason why it is held, or null
     * @return its id
     * @throws SQLException on database errors (nothing is stored then)
     */
    long insert(OutgoingMessage message, DeliveryState state, Instant now, String reason) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_message (recipient, subject, body,"
                        + " source, state, attempts, created_at, next_attempt_at, last_error)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, message.to());
                    ps.setString(2, message.subject());
                    ps.setString(3, message.text());
                    ps.setString(4, message.source());
                    ps.setString(5, state.name());
                    ps.setTimestamp(6, Timestamp.from(now), utc());
                    ps.setTimestamp(7, Timestamp.from(now), utc());
                    text(ps, 8, reason);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("no generated key for ntf_message");
                        }
                        id = keys.getLong(1);
                    }
                }
                int seq = 0;
                for (OutgoingMessage.Attachment attachment : message.attachments()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_attachment (message_id, seq_no,"
                            + " file_name, content_type, size_bytes, content) VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setLong(1, id);
                        ps.setInt(2, seq++);
                        ps.setString(3, attachment.fileName());
                        ps.setString(4, attachment.contentType());
                        ps.setLong(5, attachment.content().length);
                        ps.setBytes(6, attachment.content());
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * @param id a message id
     * @return its state, or empty when there is no such message
     * @throws SQLException on database errors
     */
    Optional<DeliveryState> state(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state FROM ntf_message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(DeliveryState.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The queued messages whose time has come, oldest first.
     *
     * @param now the time
     * @param limit the most to return
     * @return their ids
     * @throws SQLException on database errors
     */
    List<Long> due(Instant now, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM ntf_message WHERE state = ?"
                        + " AND next_attempt_at <= ? ORDER BY next_attempt_at, id")) {
            ps.setString(1, DeliveryState.QUEUED.name());
            ps.setTimestamp(2, Timestamp.from(now), utc());
            ps.setMaxRows(limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * The queued messages' ids, whatever their time.
     *
     * @return their ids
     * @throws SQLException on database errors
     */
    List<Long> queued() throws SQLException {
        return due(Instant.parse("9999-12-31T00:00:00Z"), Integer.MAX_VALUE);
    }

    /**
     * @param id a message id
     * @return the message with its body and attachments, or empty
     * @throws SQLException on database errors
     */
    Optional<OutboxMessage> load(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            OutboxEntry entry;
            String text;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", body FROM ntf_message WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    entry = entry(rs);
                    text = rs.getString("body");
                }
            }
            List<OutgoingMessage.Attachment> attachments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT file_name, content_type, content FROM ntf_attachment"
                    + " WHERE message_id = ? ORDER BY seq_no")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attachments.add(new OutgoingMessage.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                    }
                }
            }
            return Optional.of(new OutboxMessage(entry, text, attachments));
        }
    }

    /**
     * The newest messages first.
     *
     * @param state only messages in this state, or all
     * @param limit the most to return
     * @return the entries
     * @throws SQLException on database errors
     */
    List<OutboxEntry> list(Optional<DeliveryState> state, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM ntf_message" + (state.isPresent() ? " WHERE state = ?" : "")
                + " ORDER BY id DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (state.isPresent()) {
                ps.setString(1, state.get().name());
            }
            ps.setMaxRows(limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        }
    }

    /**
     * @return how many messages are in each state (every state present, maybe 0)
     * @throws SQLException on database errors
     */
    Map<DeliveryState, Long> counts() throws SQLException {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM ntf_message GROUP BY state");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(DeliveryState.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Records that the server accepted a message. */
    void sent(long id, int attempts, Instant now) throws SQLException {
        update("UPDATE ntf_message SET state = ?, attempts = ?, sent_at = ?, last_error = ? WHERE id = ?",
                DeliveryState.SENT.name(), attempts, now, null, id);
    }

    /** Records a failed attempt that will be tried again at {@code next}. */
    void retryAt(long id, int attempts, Instant next, String error) throws SQLException {
        update("UPDATE ntf_message SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND state = ?",
                attempts, next, cut(error), id, DeliveryState.QUEUED.name());
    }

    /** Holds a queued message for an administrator, with the reason. */
    void hold(long id, int attempts, String reason) throws SQLException {
        update("UPDATE ntf_message SET state = ?, attempts = ?, last_error = ? WHERE id = ? AND state = ?",
                DeliveryState.HELD.name(), attempts, cut(reason), id, DeliveryState.QUEUED.name());
    }

    /**
     * Queues a held message again, from its first attempt.
     *
     * @return whether the message was held (and is now queued)
     */
    boolean requeue(long id, Instant now) throws SQLException {
        return update("UPDATE ntf_message SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?"
                + " WHERE id = ? AND state = ?", DeliveryState.QUEUED.name(), 0, now, null, id,
                DeliveryState.HELD.name()) == 1;
    }

    /**
     * Deletes a message and its attachments.
     *
     * @return whether there was such a message
     */
    boolean delete(long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                // Explicitly, rather than trusting every database to cascade.
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM ntf_attachment WHERE message_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                int rows;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM ntf_message WHERE id = ?")) {
                    ps.setLong(1, id);
                    rows = ps.executeUpdate();
                }
                c.commit();
                return rows == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) {
                    ps.setTimestamp(i + 1, Timestamp.from(instant), utc());
                } else if (p instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else if (p instanceof Long n) {
                    ps.setLong(i + 1, n);
                } else {
                    text(ps, i + 1, (String) p);
                }
            }
            int rows = ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return rows;
        }
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at", utc());
        return new OutboxEntry(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("source"), DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("created_at", utc()).toInstant(), Optional.ofNullable(sent).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("last_error")));
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
