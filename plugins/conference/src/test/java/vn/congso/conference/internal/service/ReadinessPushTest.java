package vn.congso.conference.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;

/** Live boards are told of every saved confirmation, off the confirming thread, and of nothing refused. */
class ReadinessPushTest {

    @TempDir
    Path folder;

    @Test
    void aBoardIsToldOfASavedConfirmationOnlyAndStopsWhenItUnsubscribes() throws Exception {
        ConferenceFixture f = new ConferenceFixture(folder, false);
        long hub = f.pointIds.get(0);
        LocalDateTime monday = LocalDateTime.of(2026, 12, 7, 7, 30);
        long meeting = f.service.book(BookingTest.single("Giao ban", Set.of(hub), hub, monday, monday.plusHours(1)))
                .meetingId();
        long occurrence = f.service.meetingEntries(meeting).get(0).occurrenceId();
        BlockingQueue<Long> told = new LinkedBlockingQueue<>();
        BlockingQueue<Thread> on = new LinkedBlockingQueue<>();
        Runnable stop = f.service.onReadinessChange(id -> {
            on.add(Thread.currentThread());
            told.add(id);
        });
        ConferenceService.Checklist all = new ConferenceService.Checklist(true, true, true, true, true);

        f.service.confirmReadiness(occurrence, hub, all);
        assertEquals(occurrence, told.poll(5, TimeUnit.SECONDS));
        assertNotEquals(Thread.currentThread(), on.poll(5, TimeUnit.SECONDS));

        f.userId = "kythuat.xa-5";
        f.permissions = Set.of(ConferencePermissions.READINESS_CONFIRM);
        assertThrows(AccessDeniedException.class, () -> f.service.confirmReadiness(occurrence, hub, all));
        assertNull(told.poll(500, TimeUnit.MILLISECONDS), "a refused confirmation tells no board");

        f.permissions = Set.of(ConferencePermissions.BOOKING_MANAGE);
        stop.run();
        f.service.confirmReadiness(occurrence, hub, all);
        assertNull(told.poll(500, TimeUnit.MILLISECONDS), "an unsubscribed board is not told");
    }
}
