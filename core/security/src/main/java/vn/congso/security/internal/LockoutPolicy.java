package vn.congso.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username: {@code maxFailures} failures within {@code window}
 * lock the name for {@code lockout}. Names that do not exist are counted the same way, so
 * the lockout message never reveals whether an account exists.
 */
public final class LockoutPolicy {

    /** Names tracked before aged-out ones are swept. */
    static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private static final class State {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }

    /**
     * Creates the policy.
     *
     * @param maxFailures failures that lock the account
     * @param window period in which they are counted
     * @param lockout how long the account stays locked
     * @param clock the time source
     */
    public LockoutPolicy(int maxFailures, Duration window, Duration lockout, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("maxFailures, window and lockout must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    /**
     * Until when a username is locked, if it is now.
     *
     * @param username the name typed at sign-in
     * @return the end of the lockout, or empty when sign-in may be tried
     */
    public Optional<Instant> lockedUntil(String username) {
        State state = states.get(key(username));
        if (state == null) {
            return Optional.empty();
        }
        synchronized (state) {
            Instant now = clock.instant();
            if (state.lockedUntil != null && now.isBefore(state.lockedUntil)) {
                return Optional.of(state.lockedUntil);
            }
            return Optional.empty();
        }
    }

    /**
     * Records a failed sign-in.
     *
     * @param username the name typed
     * @return {@code true} when this failure locked the name
     */
    public boolean recordFailure(String username) {
        if (states.size() > MAX_TRACKED) {
            forgetExpired();
        }
        State state = states.computeIfAbsent(key(username), k -> new State());
        synchronized (state) {
            Instant now = clock.instant();
            if (state.lockedUntil != null && !now.isBefore(state.lockedUntil)) {
                state.lockedUntil = null;
                state.failures.clear();
            }
            state.failures.addLast(now);
            while (!state.failures.isEmpty() && !state.failures.peekFirst().isAfter(now.minus(window))) {
                state.failures.removeFirst();
            }
            if (state.lockedUntil == null && state.failures.size() >= maxFailures) {
                state.lockedUntil = now.plus(lockout);
                return true;
            }
            return false;
        }
    }

    /** Drops names whose failures have aged out and that are not locked, so guessing many names cannot fill memory. */
    private void forgetExpired() {
        Instant now = clock.instant();
        states.entrySet().removeIf(entry -> {
            State state = entry.getValue();
            synchronized (state) {
                boolean locked = state.lockedUntil != null && now.isBefore(state.lockedUntil);
                boolean recent = !state.failures.isEmpty() && state.failures.peekLast().isAfter(now.minus(window));
                return !locked && !recent;
            }
        });
    }

    /**
     * Forgets the failures of a name after a successful sign-in.
     *
     * @param username the name
     */
    public void recordSuccess(String username) {
        states.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
