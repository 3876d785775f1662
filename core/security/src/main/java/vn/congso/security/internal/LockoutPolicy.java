package vn.congso.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing without letting a stranger lock the real owner out.
 *
 * <ul>
 * <li>Per name: {@code maxFailures} failures within {@code window} lock a name for
 * {@code lockout}, for every client that is not a known device of that account. Names that do
 * not exist are counted the same way, so the lockout never reveals whether an account
 * exists.</li>
 * <li>Per known device: a browser holding a known-device cookie of the account (set at a
 * successful sign-in, see {@link KnownDevices}) has its own counter with the same limits, and
 * is not stopped by the name's lockout or the address limit: a stranger's failures cannot
 * lock the owner out of their own device (OWASP's device-cookie scheme).</li>
 * <li>Per address: {@code addressMaxFailures} failures within {@code window} from one client
 * address, over any names, lock that address for {@code lockout}: password spraying (one
 * password tried on many names) is slowed, not only guessing one name.</li>
 * </ul>
 * The counters are kept in the database through {@link Limits}, so a restart does not reset
 * them.
 */
public final class LockoutPolicy {

    static final String NAME = "login.name";
    static final String DEVICE = "login.device";
    static final String ADDRESS = "login.address";

    /**
     * Where a sign-in attempt comes from.
     *
     * @param address the client's address (empty when unknown, e.g. a console)
     * @param knownDevice the id of a known device of the account typed, or empty
     */
    public record Origin(String address, String knownDevice) {
        /** An attempt whose origin is unknown: only the name counts. */
        public static final Origin UNKNOWN = new Origin("", "");

        /** Whether the attempt comes from a known device of the account. */
        boolean trusted() {
            return knownDevice != null && !knownDevice.isEmpty();
        }
    }

    private final Limits limits;
    private final Limits.Rule perName;
    private final Limits.Rule perAddress;

    /**
     * Creates the policy with counters in memory only and an address limit four times the name's.
     *
     * @param maxFailures failures that lock the account
     * @param window period in which they are counted
     * @param lockout how long the account stays locked
     * @param clock the time source
     */
    public LockoutPolicy(int maxFailures, Duration window, Duration lockout, Clock clock) {
        this(maxFailures, window, lockout, maxFailures * 4, new Limits(clock, LimitStore.NONE));
    }

    /**
     * Creates the policy.
     *
     * @param maxFailures failures that lock a name (or a known device)
     * @param window period in which failures are counted
     * @param lockout how long a name, device or address stays locked
     * @param addressMaxFailures failures from one address, over any names, that lock the address
     * @param limits the counters
     */
    LockoutPolicy(int maxFailures, Duration window, Duration lockout, int addressMaxFailures, Limits limits) {
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("maxFailures, window and lockout must be positive");
        }
        this.perName = new Limits.Rule(maxFailures, window, lockout);
        this.perAddress = new Limits.Rule(addressMaxFailures, window, lockout);
        this.limits = limits;
    }

    /** Until when a name is locked for unknown clients, if it is now. */
    public Optional<Instant> lockedUntil(String username) {
        return lockedUntil(username, Origin.UNKNOWN);
    }

    /**
     * Until when sign-in with a name is refused to this origin, if it is now.
     *
     * @param username the name typed at sign-in
     * @param origin where the attempt comes from
     * @return the end of the lockout, or empty when sign-in may be tried
     */
    public Optional<Instant> lockedUntil(String username, Origin origin) {
        if (origin.trusted()) {
            return limits.blockedUntil(DEVICE, origin.knownDevice());
        }
        Optional<Instant> address = origin.address().isEmpty() ? Optional.empty()
                : limits.blockedUntil(ADDRESS, origin.address());
        Optional<Instant> name = limits.blockedUntil(NAME, key(username));
        if (address.isPresent() && name.isPresent()) {
            return address.get().isAfter(name.get()) ? address : name;
        }
        return address.isPresent() ? address : name;
    }

    /** Records a failed sign-in from an unknown origin. */
    public boolean recordFailure(String username) {
        return recordFailure(username, Origin.UNKNOWN);
    }

    /**
     * Records a failed sign-in.
     *
     * @param username the name typed
     * @param origin where the attempt came from
     * @return {@code true} when this failure locked the name, device or address
     */
    public boolean recordFailure(String username, Origin origin) {
        if (origin.trusted()) {
            return limits.hit(DEVICE, origin.knownDevice(), perName).isPresent();
        }
        boolean locked = limits.hit(NAME, key(username), perName).isPresent();
        if (!origin.address().isEmpty()) {
            locked |= limits.hit(ADDRESS, origin.address(), perAddress).isPresent();
        }
        return locked;
    }

    /** Forgets the failures of a name (a successful sign-in from an unknown origin, a password reset). */
    public void recordSuccess(String username) {
        recordSuccess(username, Origin.UNKNOWN);
    }

    /**
     * Forgets failures after a successful sign-in: a known device's own counter, or else the
     * name's. The address counter is kept, so one valid account does not reset a spraying run.
     *
     * @param username the name
     * @param origin where the sign-in came from
     */
    public void recordSuccess(String username, Origin origin) {
        if (origin.trusted()) {
            limits.reset(DEVICE, origin.knownDevice());
        } else {
            limits.reset(NAME, key(username));
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
