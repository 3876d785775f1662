package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptViewPollTest {

    @Test
    void candidatesWhoStartedTogetherDoNotAllAskAtTheSameInstant() {
        Random random = new Random(42);
        Set<Integer> intervals = new HashSet<>();
        for (int candidate = 0; candidate < 1000; candidate++) {
            int interval = AttemptView.nextAskMillis(3_600_000, random);
            assertTrue(interval >= 15_000 && interval <= 25_000, "interval " + interval + " ms is outside 15-25 s");
            intervals.add(interval / 1000);
        }
        assertTrue(intervals.size() >= 10, "the intervals of 1,000 candidates should spread over 15-25 s, not " + intervals);
    }

    @Test
    void aWarningOrTheDeadlineIsAskedForJustAfterItIsDue() {
        assertEquals(3_250, AttemptView.nextAskMillis(3_000, new Random(1)));
        assertEquals(250, AttemptView.nextAskMillis(-5, new Random(1)));
    }
}
