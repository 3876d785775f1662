package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoArticlesTest {

    @Test
    void theDemoArticlesArePublishedOnceThroughTheWorkflow(@TempDir Path folder) throws Exception {
        Fixture f = new Fixture(folder);
        List<ArticleDraft> drafts = DemoArticles.parse(DemoArticles.read());
        assertTrue(drafts.size() >= 30, "demo articles: " + drafts.size());
        assertEquals(drafts.size(), DemoArticles.load(f.service));
        assertEquals(0, DemoArticles.load(f.service), "loaded only into an installation without articles");
        assertEquals(drafts.size(), f.service.publishedCount(null));
        for (Category c : f.service.categories()) {
            assertTrue(f.service.publishedCount(c.id()) > 0, "no demo article in " + c.id());
        }
        assertTrue(f.service.featured().size() >= 2);
        assertTrue(f.service.published("thanh-toan-khong-dung-tien-mat-khi-nop-phi-le-phi-thu-tuc-hanh-chinh").isPresent());

        // The seed's audience: 350 and more visits on a working day, on every one of the last 90 days.
        java.time.LocalDate today = java.time.LocalDate.now(vn.congso.api.indicators.Period.ZONE);
        var visits = f.service.visitsPerDay(today.minusDays(DemoArticles.AUDIENCE_DAYS), today);
        assertEquals(DemoArticles.AUDIENCE_DAYS, visits.size());
        visits.forEach((day, count) -> assertTrue(count >= (day.getDayOfWeek().getValue() >= 6 ? 180 : 350),
                day + ": " + count));
        var views = f.service.viewsBetween(today.minusDays(DemoArticles.AUDIENCE_DAYS), today);
        assertTrue(views.size() >= 5, "views spread over the articles: " + views);
        long allViews = views.values().stream().mapToLong(Long::longValue).sum();
        long allVisits = visits.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(allViews <= allVisits, "an article view is also a visit");
    }
}
