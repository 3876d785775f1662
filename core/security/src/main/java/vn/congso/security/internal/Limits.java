package vn.congso.security.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters of hits per bucket and key in fixed windows, with blocks, kept in memory and
 * written through to a {@link LimitStore} so that a restart does not wipe them: the sign-in
 * lockout ({@link LockoutPolicy}) and the public rate limits ({@link RateLimiterService}).
 * A window starts at the first hit after the previous one ended.
 */
final class Limits {

    /** Counters tracked before expired ones are swept, so many keys cannot fill memory. */
    static final int SWEEP_ABOVE = 10_000;

    /** Longest key kept (longer keys are cut: a typed name cannot grow a row). */
    static final int MAX_KEY = 200;

    /**
     * A limit.
     *
     * @param max hits within the window that block the key
     * @param window period in which hits are counted
     * @param block how long the key stays blocked from the hit that reached {@code max};
     *        zero blocks it until the window ends
     */
    record Rule(int max, Duration window, Duration block) {
        Rule {
            if (max < 1 || window.isNegative() || window.isZero() || block.isNegative()) {
                throw new IllegalArgumentException("max and window must be positive, block not negative");
            }
        }
    }

    private static final class State {
        Instant windowStart;
        Instant windowEnd;
        int hits;
        Instant blockedUntil;
    }

    private final Logger log = LoggerFactory.getLogger(Limits.class);
    private final Clock clock;
    private final LimitStore store;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /**
     * Creates the counters and loads the ones the store still holds.
     *
     * @param clock the time source
     * @param store where counters are kept
     */
    Limits(Clock clock, LimitStore store) {
        this.clock = clock;
        this.store = store;
        Instant now = clock.instant();
        try {
            store.deleteExpired(now);
            for (LimitStore.Row row : store.load(now)) {
                State state = new State();
                state.windowStart = row.windowStart();
                state.windowEnd = row.expiresAt();
                state.hits = row.hits();
                state.blockedUntil = row.blockedUntil();
                states.put(id(row.bucket(), row.key()), state);
            }
        } catch (SQLException e) {
            // Limits still work from memory; only their survival across a restart is lost.
            log.error("Cannot load the stored rate-limit and lockout counters: {}", e.toString(), e);
        }
    }

    /**
     * Until when a key is blocked, if it is now.
     *
     * @param bucket what is limited
     * @param key who is limited
     * @return the end of the block, or empty
     */
    Optional<Instant> blockedUntil(String bucket, String key) {
        State state = states.get(id(bucket, key));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            Instant now = clock.instant();
            return state.blockedUntil != null && now.isBefore(state.blockedUntil)
                    ? Optional.of(state.blockedUntil) : Optional.empty();
        }
    }

    /**
     * Counts one hit.
     *
     * @param bucket what is limited
     * @param key who is limited
     * @param rule the limit
     * @return the end of the block when this hit reached the limit, or empty
     */
    Optional<Instant> hit(String bucket, String key, Rule rule) {
        if (states.size() > SWEEP_ABOVE) {
            sweep();
        }
        String id = id(bucket, key);
        State state = states.computeIfAbsent(id, k -> new State());
        synchronized (state) {
            Instant now = clock.instant();
            if (state.blockedUntil != null && !now.isBefore(state.blockedUntil)) {
                state.blockedUntil = null;
                state.windowStart = null;
            }
            if (state.windowStart == null || !now.isBefore(state.windowStart.plus(rule.window()))) {
                state.windowStart = now;
                state.hits = 0;
            }
            state.hits++;
            Optional<Instant> blocked = Optional.empty();
            if (state.blockedUntil == null && state.hits >= rule.max()) {
                state.blockedUntil = rule.block().isZero() ? state.windowStart.plus(rule.window())
                        : now.plus(rule.block());
                blocked = Optional.of(state.blockedUntil);
            }
            Instant windowEnd = state.windowStart.plus(rule.window());
            state.windowEnd = state.blockedUntil != null && state.blockedUntil.isAfter(windowEnd)
                    ? state.blockedUntil : windowEnd;
            save(bucket, key, state);
            return blocked;
        }
    }

    /**
     * Forgets a key's hits and block.
     *
     * @param bucket what is limited
     * @param key who is limited
     */
    void reset(String bucket, String key) {
        if (states.remove(id(bucket, key)) != null) {
            try {
                store.delete(bucket, cut(key));
            } catch (SQLException e) {
                log.error("Cannot forget the counter {} of {}: {}", bucket, cut(key), e.toString(), e);
            }
        }
    }

    private void save(String bucket, String key, State state) {
        try {
            store.save(new LimitStore.Row(bucket, cut(key), state.windowStart, state.hits, state.blockedUntil,
                    state.windowEnd));
        } catch (SQLException e) {
            log.error("Cannot store the counter {} of {} (it holds in memory until a restart): {}", bucket,
                    cut(key), e.toString(), e);
        }
    }

    /** Drops counters whose window and block are over. */
    private void sweep() {
        Instant now = clock.instant();
        states.values().removeIf(state -> {
            synchronized (state) {
                return state.windowEnd == null || !now.isBefore(state.windowEnd);
            }
        });
        try {
            store.deleteExpired(now);
        } catch (SQLException e) {
            log.error("Cannot delete expired counters: {}", e.toString(), e);
        }
    }

    private static String cut(String key) {
        String value = key == null ? "" : key;
        return value.length() > MAX_KEY ? value.substring(0, MAX_KEY) : value;
    }

    private static String id(String bucket, String key) {
        return bucket + '\n' + cut(key);
    }
}
