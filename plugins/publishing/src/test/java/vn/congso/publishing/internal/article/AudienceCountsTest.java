package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counting readers in memory loses none of them, whatever the writer does meanwhile. */
class AudienceCountsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void noCountIsLostWhileDrainsRunConcurrently() throws Exception {
        AudienceCounts counts = new AudienceCounts();
        int readers = 8;
        int each = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        CountDownLatch start = new CountDownLatch(1);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    counts.visit(TODAY);
                    counts.view(reader % 3, TODAY);
                }
                return null;
            });
        }
        AtomicLong visits = new AtomicLong();
        AtomicLong views = new AtomicLong();
        start.countDown();
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
            AudienceCounts.Pending p = counts.drain(TODAY);
            p.visits().values().forEach(visits::addAndGet);
            p.views().values().forEach(views::addAndGet);
        }
        AudienceCounts.Pending last = counts.drain(TODAY);
        last.visits().values().forEach(visits::addAndGet);
        last.views().values().forEach(views::addAndGet);
        assertEquals((long) readers * each, visits.get());
        assertEquals((long) readers * each, views.get());
    }

    @Test
    void aFailedWriteIsCountedAgainWithTheNext() {
        AudienceCounts counts = new AudienceCounts();
        counts.visit(TODAY);
        counts.view(7, TODAY);
        AudienceCounts.Pending failed = counts.drain(TODAY);
        counts.visit(TODAY);
        counts.restore(failed);
        AudienceCounts.Pending next = counts.drain(TODAY);
        assertEquals(2L, next.visits().get(TODAY));
        assertEquals(1L, next.views().get(new AudienceCounts.ViewDay(7, TODAY)));
        assertTrue(counts.drain(TODAY).isEmpty());
    }

    @Test
    void yesterdayStillCountsAndOlderDaysAreDroppedOnceRead() {
        AudienceCounts counts = new AudienceCounts();
        counts.visit(TODAY.minusDays(1));
        counts.visit(TODAY.minusDays(3));
        AudienceCounts.Pending p = counts.drain(TODAY);
        assertEquals(1L, p.visits().get(TODAY.minusDays(1)));
        assertEquals(1L, p.visits().get(TODAY.minusDays(3)));
        counts.visit(TODAY.minusDays(1));
        assertEquals(1L, counts.drain(TODAY).visits().get(TODAY.minusDays(1)));
    }
}
