package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LockoutPolicy policy =
            new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15), clock);

    @Test
    void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertFalse(policy.recordFailure("admin"));
            clock.advance(Duration.ofMinutes(3));
        }
        assertTrue(policy.recordFailure("ADMIN"), "names are compared without case");
        Instant lockedAt = clock.now;
        assertEquals(Optional.of(lockedAt.plus(Duration.ofMinutes(15))), policy.lockedUntil("admin"));

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertTrue(policy.lockedUntil("admin").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(policy.lockedUntil("admin").isEmpty(), "the lock ends after exactly 15 minutes");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            policy.recordFailure("le.thi.c");
        }
        clock.advance(Duration.ofMinutes(16));
        assertFalse(policy.recordFailure("le.thi.c"));
        assertTrue(policy.lockedUntil("le.thi.c").isEmpty());
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            policy.recordFailure("user1");
        }
        policy.recordSuccess("user1");
        assertFalse(policy.recordFailure("user1"));
    }

    @Test
    void unknownNamesAreLockedLikeRealOnesSoExistenceIsNotRevealed() {
        for (int i = 0; i < 5; i++) {
            policy.recordFailure("no-such-user");
        }
        assertTrue(policy.lockedUntil("no-such-user").isPresent());
    }
}
