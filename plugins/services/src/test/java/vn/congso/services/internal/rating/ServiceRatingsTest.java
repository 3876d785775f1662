package vn.congso.services.internal.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.DemoLoader;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService.NewFile;
import vn.congso.services.internal.dossier.DossierService.Submission;
import vn.congso.services.internal.dossier.WorkflowException;
import vn.congso.services.internal.indicators.SatisfactionIndicator;

/**
 * The owner rates a dossier's service once, after its result was returned; refused before, twice,
 * for another person's dossier, out of bounds; the statistics and the indicator count it.
 */
class ServiceRatingsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    static ServicesFixture f;
    static ServiceRatings ratings;

    @BeforeAll
    static void load() throws Exception {
        f = new ServicesFixture(dir.resolve("db"));
        f.become("system:test", "*");
        assertTrue(DemoLoader.load(f));
        f.unitOf.put("motcua.taivan", "xa-tai-van");
        f.unitOf.put("congdan", "xa-tai-van");
        ratings = new ServiceRatings(f.database.dataSource(), f.users, f.log,
                Clock.fixed(Instant.parse("2026-03-06T03:00:00Z"), ZoneOffset.UTC));
    }

    static Dossier submit(String token) {
        f.become("congdan", ServicesPermissions.SUBMIT);
        return f.dossiers.submit(new Submission("1.001193", "xa-tai-van", "Sơn Thị Thanh Thảo", "0912 345 678", "",
                Map.of("ho-ten-tre", "Sơn Gia Bảo", "ngay-sinh", "01/03/2026", "gioi-tinh", "Nam", "noi-sinh",
                        "Trạm y tế xã Tài Văn", "ho-ten-me", "Sơn Thị Thanh Thảo", "so-dinh-danh", "094190001234",
                        "so-ban-sao", "2"),
                List.of(new NewFile("giay-chung-sinh.pdf", PDF)), token), Locale.forLanguageTag("vi"));
    }

    static void officer(long id, Action... actions) {
        f.become("motcua.taivan", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        for (Action action : actions) {
            f.dossiers.act(id, action, "", List.of());
        }
    }

    @Test
    void theOwnerRatesOnceAfterTheResultAndTheFiguresCountIt() throws Exception {
        Dossier d = submit("rating-1");
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertEquals("services.rating.not-returned", assertThrows(WorkflowException.class,
                () -> ratings.rate(d.id(), 5, "")).key(), "submitted, not returned");
        officer(d.id(), Action.RECEIVE, Action.SETTLE);
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertEquals("services.rating.not-returned", assertThrows(WorkflowException.class,
                () -> ratings.rate(d.id(), 5, "")).key(), "settled, result not returned yet");
        officer(d.id(), Action.RETURN);

        f.become("nguoi.khac", ServicesPermissions.SUBMIT);
        assertEquals("services.rating.not-found", assertThrows(WorkflowException.class,
                () -> ratings.rate(d.id(), 1, "")).key(), "another person's dossier");
        assertEquals("services.rating.not-found", assertThrows(WorkflowException.class,
                () -> ratings.rate(999_999_999L, 1, "")).key(), "the same answer as an unknown dossier");
        assertTrue(ratings.ratingOf(d.id()).isEmpty(), "another person sees no rating");
        f.become("motcua.taivan", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class, () -> ratings.rate(d.id(), 5, ""), "an officer rates the service");

        f.become("congdan", ServicesPermissions.SUBMIT);
        assertEquals("services.rating.score-invalid", assertThrows(WorkflowException.class,
                () -> ratings.rate(d.id(), 6, "")).key());
        assertEquals("services.rating.comment-too-long", assertThrows(WorkflowException.class,
                () -> ratings.rate(d.id(), 4, "x".repeat(ServiceRatings.MAX_COMMENT + 1))).key());
        ServiceRatings.Rating rating = ratings.rate(d.id(), 4, "  Cán bộ hướng dẫn tận tình  ");
        assertEquals("Cán bộ hướng dẫn tận tình", rating.comment());
        assertEquals("services.rating.already", assertThrows(WorkflowException.class,
                () -> ratings.rate(d.id(), 1, "")).key(), "twice");
        assertEquals(4, ratings.ratingOf(d.id()).orElseThrow().score());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.rating.submit " + d.id() + " SUCCESS")),
                f.audit.toString());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.rating.submit " + d.id() + " DENIED")));

        Dossier second = submit("rating-2");
        officer(second.id(), Action.RECEIVE, Action.SETTLE, Action.RETURN);
        f.become("congdan", ServicesPermissions.SUBMIT);
        ratings.rate(second.id(), 2, "");

        Period year = Period.year(2026);
        ServiceRatings.Summary all = ratings.summary(year.startInstant(), year.endInstant(), "");
        assertEquals(2, all.count());
        assertEquals(6, all.scoreSum());
        assertEquals(3.0, all.average().orElseThrow());
        assertEquals(1, all.satisfied());
        assertEquals(0, ratings.summary(year.startInstant(), year.endInstant(), "xa-lieu-tu").count());
        assertEquals(0, ratings.summary(Period.year(2025).startInstant(), Period.year(2025).endInstant(), "").count());

        IndicatorValue value = new SatisfactionIndicator(ratings).compute(year, "");
        assertEquals(new IndicatorValue.Fraction(1, 2), value.fraction().orElseThrow());
        assertEquals(50.0, value.value().orElseThrow());
        assertEquals(List.of(0.0, 50.0, 0.0, 50.0, 0.0),
                value.breakdown().stream().map(IndicatorValue.Entry::value).toList());
        assertFalse(new SatisfactionIndicator(ratings).compute(Period.year(2025), "").value().isPresent());
    }
}
