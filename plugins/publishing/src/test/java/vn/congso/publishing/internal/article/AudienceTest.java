package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;

/** Visits and views per day: counted by day in the district's time, every day of a period shown. */
class AudienceTest {

    @Test
    void visitsAndViewsAreCountedPerDistrictDay(@TempDir Path folder) throws Exception {
        Fixture f = new Fixture(folder);
        ArticleDraft d = Fixture.draft("Lịch tiếp công dân");
        Article a = f.service.create(d);
        f.service.transition(a.id(), Transition.SUBMIT);
        f.service.transition(a.id(), Transition.APPROVE);
        f.service.transition(a.id(), Transition.PUBLISH);

        // 03:00 UTC is 10:00 in Trần Đề; 17:30 UTC is already the next day there.
        f.service.countVisit();
        f.service.countVisit();
        f.service.countView(a.id());
        f.clock.advance(Duration.ofHours(14).plusMinutes(30));
        f.service.countVisit();
        f.service.countView(a.id());

        LocalDate first = LocalDate.of(2026, 12, 5);
        var visits = f.service.visitsPerDay(first.minusDays(1), first.plusDays(3));
        assertEquals(List.of(0L, 2L, 1L, 0L), List.copyOf(visits.values()));
        assertEquals(List.of(0L, 1L, 1L, 0L), List.copyOf(f.service.viewsPerDay(a.id(), first.minusDays(1), first.plusDays(3)).values()));
        assertEquals(2L, f.service.viewsBetween(first, first.plusDays(2)).get(a.id()));

        ArticleException tooLong = assertThrows(ArticleException.class,
                () -> f.service.visitsPerDay(first.minusDays(400), first));
        assertEquals("publishing.error.audience-period", tooLong.key());
        f.permissions = Set.of();
        assertThrows(AccessDeniedException.class, () -> f.service.visitsPerDay(first, first.plusDays(1)));
    }
}
