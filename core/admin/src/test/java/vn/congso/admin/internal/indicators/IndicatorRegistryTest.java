package vn.congso.admin.internal.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;

/** Each indicator is computed alone: one that throws or hangs fails by itself, in bounded time. */
class IndicatorRegistryTest {

    private final Fakes.Users users = new Fakes.Users();
    private final IndicatorRegistry registry = new IndicatorRegistry(users, Duration.ofMillis(300), 2, 10);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        registry.close();
    }

    @Test
    void aThrowingAndAHangingIndicatorFailAloneAndTheOthersAreComputed() {
        registry.add(Fakes.indicator("a.count", UnitOfMeasure.COUNT, true, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(12)));
        registry.add(Fakes.indicator("b.throws", UnitOfMeasure.COUNT, false, OptionalDouble.empty(), (p, u) -> {
            throw new IllegalStateException("table missing");
        }));
        registry.add(Fakes.indicator("c.hangs", UnitOfMeasure.COUNT, false, OptionalDouble.empty(), (p, u) -> {
            release.await(1, TimeUnit.MINUTES);
            return IndicatorValue.of(1);
        }));
        registry.add(Fakes.indicator("d.null", UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> null));
        registry.add(Fakes.indicator("e.rate", UnitOfMeasure.PERCENT, true, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.rate(23, 24)));

        long start = System.nanoTime();
        List<IndicatorRegistry.Result> results = registry.compute(false, Period.year(2026), "");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(List.of("a.count", "b.throws", "c.hangs", "d.null", "e.rate"),
                results.stream().map(r -> r.definition().id()).toList());
        assertEquals(List.of(IndicatorRegistry.Status.OK, IndicatorRegistry.Status.FAILED,
                IndicatorRegistry.Status.FAILED, IndicatorRegistry.Status.FAILED, IndicatorRegistry.Status.OK),
                results.stream().map(IndicatorRegistry.Result::status).toList());
        assertEquals(12.0, results.get(0).value().value().getAsDouble());
        assertEquals(23 * 100.0 / 24, results.get(4).value().value().getAsDouble(), 1e-9);
        assertTrue(millis < 2_000, "the page waited " + millis + " ms for a hanging indicator limited to 300 ms");
    }

    @Test
    void indicatorsRunAsTheSystemActorAndSeeThePeriodAndUnit() {
        registry.add(Fakes.indicator("who", UnitOfMeasure.COUNT, false, OptionalDouble.empty(), (p, u) -> {
            assertEquals("system:dashboard", users.current().id());
            assertEquals(Period.quarter(2026, 4), p);
            assertEquals("xa-tai-van", u);
            return IndicatorValue.of(1);
        }));
        assertEquals(IndicatorRegistry.Status.OK,
                registry.compute(false, Period.quarter(2026, 4), "xa-tai-van").get(0).status());
    }

    @Test
    void publicOnlyLeavesTheOthersOutAndADuplicateIdIsIgnored() {
        registry.add(Fakes.indicator("x.public", UnitOfMeasure.COUNT, true, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(1)));
        registry.add(Fakes.indicator("x.private", UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(2)));
        registry.add(Fakes.indicator("x.public", UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(3)));
        assertEquals(List.of("x.public"), registry.compute(true, Period.year(2026), "").stream()
                .map(r -> r.definition().id()).toList());
        assertEquals(1.0, registry.compute(true, Period.year(2026), "").get(0).value().value().getAsDouble());
        assertEquals(2, registry.definitions(false).size());
        registry.add(Fakes.indicator("z.first", 5, UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(0)));
        assertEquals(List.of("z.first", "x.private", "x.public"), registry.definitions(false).stream()
                .map(IndicatorRegistry.Definition::id).toList(), "by order, then by id");
    }

    @Test
    void anIndicatorThatCannotDescribeItselfIsLeftOutAndTheOthersStay() {
        registry.add(Fakes.indicator("fine", UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(1)));
        registry.add(Fakes.indicator(null, UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(2)));
        registry.add(Fakes.indicator("no-unit", null, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(3)));
        assertEquals(List.of("fine"), registry.definitions(false).stream().map(IndicatorRegistry.Definition::id)
                .toList());
    }

    @Test
    void aFailingIndicatorIsReportedForItsBundleUntilItSucceedsOrGoes() {
        boolean[] broken = {true};
        var flaky = Fakes.indicator("flaky", UnitOfMeasure.COUNT, false, OptionalDouble.empty(), (p, u) -> {
            if (broken[0]) {
                throw new IllegalStateException("no table trn_x");
            }
            return IndicatorValue.of(1);
        });
        registry.add(flaky, 42);
        var hangs = Fakes.indicator("hangs", UnitOfMeasure.COUNT, false, OptionalDouble.empty(), (p, u) -> {
            release.await(1, TimeUnit.MINUTES);
            return IndicatorValue.of(1);
        });
        registry.add(hangs, 42);
        registry.add(Fakes.indicator("other", UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(1)), 7);
        assertTrue(registry.failuresOf(42).isEmpty(), "nothing failed before anything was computed");
        registry.compute(false, Period.year(2026), "");
        assertEquals(List.of(new IndicatorRegistry.Failure(42, "flaky", "IllegalStateException: no table trn_x"),
                new IndicatorRegistry.Failure(42, "hangs", "no answer within 300 ms")), registry.failuresOf(42));
        assertTrue(registry.failuresOf(7).isEmpty());
        broken[0] = false;
        registry.compute(false, Period.year(2026), "");
        assertEquals(List.of("hangs"), registry.failuresOf(42).stream().map(IndicatorRegistry.Failure::indicatorId)
                .toList());
        registry.removeIndicator(hangs);
        assertTrue(registry.failuresOf(42).isEmpty(), "a plugin stopped for an upgrade starts with a clean slate");
    }

    @Test
    void aFullQueueFailsAtOnceInsteadOfWaiting() {
        IndicatorRegistry tiny = new IndicatorRegistry(users, Duration.ofMillis(200), 1, 1);
        try {
            for (int i = 0; i < 4; i++) {
                tiny.add(Fakes.indicator("slow." + i, UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                        (p, u) -> {
                            release.await(1, TimeUnit.MINUTES);
                            return IndicatorValue.of(1);
                        }));
            }
            List<IndicatorRegistry.Result> results = tiny.compute(false, Period.year(2026), "");
            assertTrue(results.stream().allMatch(r -> r.status() == IndicatorRegistry.Status.FAILED));
        } finally {
            tiny.close();
        }
    }

    @Test
    void periodsFollowTheCalendarInVietnam() {
        Period q = Period.quarter(2026, 4);
        assertEquals("2026-10-01", q.from().toString());
        assertEquals("2027-01-01", q.to().toString());
        assertEquals("2026-09-30T17:00:00Z", q.startInstant().toString());
        assertEquals(Period.month(java.time.YearMonth.of(2026, 2)),
                Period.containing(Period.Kind.MONTH, java.time.LocalDate.of(2026, 2, 28)));
    }
}
