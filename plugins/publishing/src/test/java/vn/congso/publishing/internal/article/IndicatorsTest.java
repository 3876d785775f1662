package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.Period;

class IndicatorsTest {

    @Test
    void publishedArticlesAndViewsPerPeriod(@TempDir Path folder) throws Exception {
        Fixture f = new Fixture(folder);
        Article a = f.service.create(Fixture.draft("Bài một"));
        f.service.transition(a.id(), Transition.SUBMIT);
        f.service.transition(a.id(), Transition.APPROVE);
        f.service.transition(a.id(), Transition.PUBLISH);
        f.service.create(Fixture.draft("Bản nháp không tính"));
        f.service.countView(a.id());
        f.service.countView(a.id());
        f.clock.advance(Duration.ofDays(1));
        f.service.countView(a.id());

        Period december = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 12, 5));
        Period november = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 11, 5));
        assertEquals(1.0, new PublishedIndicator(f.database).compute(december, Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(0.0, new PublishedIndicator(f.database).compute(november, Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(3.0, new ViewsIndicator(f.database, f.service).compute(december, Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(0.0, new ViewsIndicator(f.database, f.service).compute(november, Indicator.ALL_UNITS).value().getAsDouble());
        assertEquals(Map.of(a.id(), 2L), f.service.viewsBetween(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 6)));
        assertEquals(3L, f.service.get(a.id()).views());
    }
}
