package vn.congso.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Browsers that have signed in to an account before, recognised by a random token in the
 * {@value #COOKIE} cookie. The database keeps only the token's SHA-256 (table
 * {@code sec_known_device}), so a copy of the database does not give working cookies. A known
 * device is exempt from the lockout that strangers' failures put on its account (see
 * {@link LockoutPolicy}).
 */
final class KnownDevices {

    /** The cookie's name. */
    static final String COOKIE = "congso-device";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    KnownDevices(DataSource dataSource, Clock clock, Duration lifetime) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** How long a device stays known after its last sign-in. */
    Duration lifetime() {
        return lifetime;
    }

    /**
     * Makes the device that just signed in known for an account.
     *
     * @param username the account
     * @return the token to put in the cookie
     */
    String remember(String username) throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM sec_known_device WHERE expires_at <= ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sec_known_device (token_hash, username, "
                    + "created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, hash(token));
                ps.setString(2, username.toLowerCase(Locale.ROOT));
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setTimestamp(4, Timestamp.from(now.plus(lifetime)));
                ps.executeUpdate();
            }
        }
        return token;
    }

    /**
     * The device id of a cookie token, when it is a known device of this account.
     *
     * @param token the cookie's value, may be null
     * @param username the name typed
     * @return the device id (the token's hash), or empty for a stranger
     */
    Optional<String> deviceOf(String token, String username) throws SQLException {
        if (token == null || token.isEmpty() || token.length() > 100 || username == null) {
            return Optional.empty();
        }
        String hash = hash(token);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT username FROM sec_known_device WHERE token_hash = ? AND expires_at > ?")) {
            ps.setString(1, hash);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(username.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(hash);
                }
            }
        }
        return Optional.empty();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
