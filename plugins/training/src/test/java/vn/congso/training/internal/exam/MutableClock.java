package vn.congso.training.internal.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; safe to read from several threads. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** @param start the time it shows until moved */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** @param duration how far to move it forward */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
