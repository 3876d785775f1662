package vn.congso.admin.internal.indicators;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import vn.congso.api.TranslationService;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.IndicatorValue.Entry;
import vn.congso.api.indicators.IndicatorValue.Fraction;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;
import vn.congso.api.pdf.PdfRenderer;

/**
 * How long the dashboard takes to compute and draw the demo's indicators (training's four, with
 * a part for each of the district's 12 units), cold and warm: the model and every SVG chart,
 * without the database (training's queries are timed in the distribution, see the notes).
 * Run: {@code mvn -o -q test-compile -pl core/admin} then
 * {@code java -cp "core/admin/target/test-classes:core/admin/target/classes:$(cat /tmp/cp.txt)" vn.congso.admin.internal.indicators.DashboardBenchmark}.
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Fakes.Users users = new Fakes.Users();
        String[] units = {"UBND huyện Trần Đề", "Thị trấn Trần Đề", "Thị trấn Lịch Hội Thượng", "Xã Lịch Hội Thượng",
            "Xã Đại Ân 2", "Xã Liêu Tú", "Xã Tài Văn", "Xã Thạnh Thới An", "Xã Thạnh Thới Thuận", "Xã Trung Bình",
            "Xã Viên An", "Xã Viên Bình"};
        IndicatorRegistry registry = new IndicatorRegistry(users, Duration.ofSeconds(2), 4, 200);
        registry.add(Fakes.indicator("training.trained", UnitOfMeasure.COUNT, true, OptionalDouble.empty(),
                (p, u) -> counts(units, 7)));
        registry.add(Fakes.indicator("training.pass-rate", UnitOfMeasure.PERCENT, true, OptionalDouble.of(90),
                (p, u) -> {
                    List<Entry> parts = new ArrayList<>();
                    for (int i = 0; i < units.length; i++) {
                        parts.add(Entry.namedRate("u" + i, units[i], new Fraction(10 + i, 12 + i)));
                    }
                    return IndicatorValue.rate(200, 230).withBreakdown(parts);
                }));
        registry.add(Fakes.indicator("training.certificates-valid", UnitOfMeasure.COUNT, false,
                OptionalDouble.empty(), (p, u) -> counts(units, 11)));
        registry.add(Fakes.indicator("training.certificates-expiring", UnitOfMeasure.COUNT, false,
                OptionalDouble.empty(), (p, u) -> counts(units, 2)));
        Fakes.Texts texts = new Fakes.Texts();
        PdfRenderer noPdf = new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                throw new UnsupportedOperationException();
            }
        };
        DashboardService service = new DashboardService(registry, texts, users, new Fakes.Directory(users), noPdf,
                Clock.systemUTC(), Duration.ZERO);
        users.set(new Fakes.User("admin", Set.of(DashboardService.PERMISSION)));
        Locale vi = TranslationService.VIETNAMESE;
        long cold = System.nanoTime();
        service.dashboard(Period.year(2026), "", vi);
        System.out.printf("cold (first build, JFreeChart classes loading): %.1f ms%n", (System.nanoTime() - cold) / 1e6);
        for (int i = 0; i < 100; i++) {
            service.dashboard(Period.year(2026), "", vi);
        }
        int runs = 300;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Dashboard d = service.dashboard(Period.quarter(2026, 4), "", vi);
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (d.cards().size() != 4) {
                throw new IllegalStateException("cards: " + d.cards().size());
            }
        }
        Arrays.sort(ms);
        System.out.printf("warm, 4 indicators x 12 units with 4 SVG charts: median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n",
                ms[runs / 2], ms[(int) (runs * 0.95)], ms[runs - 1], runs);
        registry.close();
    }

    private static IndicatorValue counts(String[] units, int scale) {
        List<Entry> parts = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < units.length; i++) {
            parts.add(Entry.named("u" + i, units[i], (i * scale) % 17));
            total += (i * scale) % 17;
        }
        return IndicatorValue.of(total).withBreakdown(parts);
    }
}
