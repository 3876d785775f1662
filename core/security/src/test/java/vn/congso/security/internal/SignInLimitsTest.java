package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.security.internal.SecurityService.LoginOutcome;

/**
 * Sign-in limits on the real service and database: a stranger cannot lock the owner out of a
 * known device, password spraying from one address is stopped, and the counters survive a
 * restart (a new service over the same database).
 */
class SignInLimitsTest {

    @TempDir
    Path dir;

    SecurityFixture fixture;
    SecurityService security;
    String password;

    @BeforeEach
    void start() throws Exception {
        fixture = new SecurityFixture(dir, 5);
        security = fixture.security;
        password = fixture.adminPassword();
    }

    private LoginOutcome attempt(String name, String pw, String address, String device) {
        return security.check(name, pw.toCharArray(), address, device).outcome();
    }

    @Test
    void aStrangerLocksTheNameForStrangersButNotForTheOwnersKnownDevice() throws Exception {
        String device = security.rememberDevice("admin");
        for (int i = 0; i < 4; i++) {
            assertEquals(LoginOutcome.BAD_CREDENTIALS, attempt("admin", "wrong" + i, "203.0.113.9", null));
        }
        assertEquals(LoginOutcome.LOCKED, attempt("admin", "wrong4", "203.0.113.9", null));

        // The right password from another unknown browser is refused: the name is locked for strangers.
        assertEquals(LoginOutcome.LOCKED, attempt("admin", password, "198.51.100.20", null));
        // The owner's known device still gets in, from any address.
        assertEquals(LoginOutcome.MUST_CHANGE_PASSWORD, attempt("admin", password, "198.51.100.20", device));
        // A stolen cookie of another account does not help with this one.
        String otherDevice = security.rememberDevice("someone-else");
        assertEquals(LoginOutcome.LOCKED, attempt("admin", password, "198.51.100.20", otherDevice));
    }

    @Test
    void aKnownDeviceHasItsOwnLockout() throws Exception {
        String device = security.rememberDevice("admin");
        for (int i = 0; i < 4; i++) {
            assertEquals(LoginOutcome.BAD_CREDENTIALS, attempt("admin", "wrong" + i, "198.51.100.20", device));
        }
        assertEquals(LoginOutcome.LOCKED, attempt("admin", "wrong4", "198.51.100.20", device));
        assertEquals(LoginOutcome.LOCKED, attempt("admin", password, "198.51.100.20", device));
        // Strangers were not counted by the device's failures.
        assertEquals(LoginOutcome.MUST_CHANGE_PASSWORD, attempt("admin", password, "192.0.2.1", null));
    }

    @Test
    void passwordSprayingFromOneAddressIsStoppedWithTheSameMessage() {
        // One guess per name, never five on one name: only the address limit (20) can stop it.
        for (int i = 0; i < 19; i++) {
            assertEquals(LoginOutcome.BAD_CREDENTIALS, attempt("user" + i, "Summer2026!", "203.0.113.9", null));
        }
        assertEquals(LoginOutcome.LOCKED, attempt("user19", "Summer2026!", "203.0.113.9", null));
        // Even the right password of a real account is refused from that address now...
        assertEquals(LoginOutcome.LOCKED, attempt("admin", password, "203.0.113.9", null));
        // ...and from elsewhere it works: the sprayer did not lock the accounts.
        assertEquals(LoginOutcome.MUST_CHANGE_PASSWORD, attempt("admin", password, "198.51.100.20", null));
    }

    @Test
    void lockoutsSurviveARestart() throws Exception {
        for (int i = 0; i < 5; i++) {
            attempt("admin", "wrong" + i, "203.0.113.9", null);
        }
        assertEquals(LoginOutcome.LOCKED, attempt("admin", password, "198.51.100.20", null));

        SecurityService restarted = fixture.restart();
        assertEquals(LoginOutcome.LOCKED,
                restarted.check("admin", password.toCharArray(), "198.51.100.20", null).outcome());
    }

    @Test
    void rateLimitsCountInWindowsPerKeyAndSurviveARestart() {
        LockoutPolicyTest.ManualClock clock = new LockoutPolicyTest.ManualClock();
        LimitStore store = LimitStore.jdbc(fixture.dataSource);
        RateLimiterService limiter = new RateLimiterService(new Limits(clock, store), "60/60",
                "training:verify=3/60");
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("training:verify", "203.0.113.9"), "request " + (i + 1));
        }
        assertFalse(limiter.tryAcquire("training:verify", "203.0.113.9"), "the fourth in a minute is refused");
        assertTrue(limiter.tryAcquire("training:verify", "198.51.100.20"), "another address has its own allowance");
        assertTrue(limiter.tryAcquire("other.lookup", "203.0.113.9"), "another bucket has its own allowance");

        clock.advance(Duration.ofSeconds(30));
        RateLimiterService restarted = new RateLimiterService(new Limits(clock, store), "60/60",
                "training:verify=3/60");
        assertFalse(restarted.tryAcquire("training:verify", "203.0.113.9"), "still refused after a restart");

        clock.advance(Duration.ofSeconds(30));
        assertTrue(restarted.tryAcquire("training:verify", "203.0.113.9"), "a new window gives a new allowance");
    }

    @Test
    void badAllowancesAreRefusedWithTheirName() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> RateLimiterService.parse("training:verify=ten/60"));
        assertTrue(error.getMessage().startsWith("training:verify: expected requests/seconds"), error.getMessage());
    }
}
