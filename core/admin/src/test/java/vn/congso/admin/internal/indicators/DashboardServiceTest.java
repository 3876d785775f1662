package vn.congso.admin.internal.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.TranslationService;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.IndicatorValue.Entry;
import vn.congso.api.indicators.IndicatorValue.Fraction;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.pdf.internal.DejaVuFonts;
import vn.congso.pdf.internal.QrCodes;
import vn.congso.pdf.internal.XhtmlPdfRenderer;

/** What the dashboard shows and exports: formatted numbers, charts, CSV, PDF, and who sees what. */
class DashboardServiceTest {

    private static final Locale VI = TranslationService.VIETNAMESE;
    private static final Locale EN = TranslationService.ENGLISH;

    @TempDir
    Path folder;

    private final Fakes.Users users = new Fakes.Users();
    private final Fakes.Texts texts = new Fakes.Texts()
            .with("test.pass-rate", "Tỷ lệ đạt", "Pass rate")
            .with("test.trained", "Công chức được bồi dưỡng", "Civil servants trained")
            .with("test.secret", "Chỉ tiêu nội bộ", "Internal figure")
            .with("test.broken", "Chỉ tiêu lỗi", "Broken figure");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final java.util.concurrent.atomic.AtomicInteger publicComputations = new java.util.concurrent.atomic.AtomicInteger();
    private IndicatorRegistry registry;
    private DashboardService service;

    @BeforeEach
    void setUp() throws IOException {
        registry = new IndicatorRegistry(users, Duration.ofMillis(500), 2, 10);
        registry.add(Fakes.indicator("pass-rate", UnitOfMeasure.PERCENT, true, OptionalDouble.of(90),
                (p, u) -> IndicatorValue.rate(23, 24).withBreakdown(List.of(
                        Entry.namedRate("xa-tai-van", "Xã Tài Văn", new Fraction(11, 12)),
                        Entry.namedRate("xa-lieu-tu", "Xã Liêu Tú", new Fraction(12, 12))))));
        registry.add(Fakes.indicator("trained", UnitOfMeasure.COUNT, true, OptionalDouble.empty(),
                (p, u) -> {
                    publicComputations.incrementAndGet();
                    return IndicatorValue.of(1234).withBreakdown(List.of(
                            Entry.named("xa-tai-van", "=HYPERLINK(\"http://evil\")", 1000),
                            Entry.named("xa-lieu-tu", "Xã Liêu Tú, \"cũ\"", 234)));
                }));
        registry.add(Fakes.indicator("secret", UnitOfMeasure.COUNT, false, OptionalDouble.empty(),
                (p, u) -> IndicatorValue.of(7)));
        registry.add(Fakes.indicator("broken", UnitOfMeasure.COUNT, false, OptionalDouble.empty(), (p, u) -> {
            throw new IllegalStateException("boom");
        }));
        XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(folder.resolve("f"))));
        PdfRenderer pdf = new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(templatePath)) {
                    return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data, null);
                }
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                return QrCodes.markup(text, sizePx);
            }
        };
        service = new DashboardService(registry, texts, users, new Fakes.Directory(users), pdf,
                clock, Duration.ofSeconds(60));
    }

    @AfterEach
    void tearDown() {
        users.clear();
        registry.close();
    }

    private void signInAs(Set<String> permissions) {
        users.set(new Fakes.User("admin", permissions));
    }

    @Test
    void cardsAreTranslatedAndFormattedInThePageLanguage() {
        signInAs(Set.of(DashboardService.PERMISSION));
        Dashboard vi = service.dashboard(Period.quarter(2026, 4), "", VI);
        assertEquals("Quý 4/2026", vi.periodLabel());
        assertEquals("Tất cả đơn vị", vi.unitLabel());
        Dashboard.Card rate = card(vi, "pass-rate");
        assertEquals("Tỷ lệ đạt", rate.title());
        assertEquals("95,8 %", rate.valueText());
        assertEquals("23 / 24", rate.fractionText());
        assertEquals("Mục tiêu: 90 %", rate.targetText());
        assertEquals("91,7 %", rate.rows().get(0).valueText());
        assertEquals("1.234", card(vi, "trained").valueText());
        Dashboard.Card broken = card(vi, "broken");
        assertFalse(broken.computed());
        assertEquals("Không tính được", broken.valueText());
        assertTrue(broken.svg().isEmpty());

        Dashboard en = service.dashboard(Period.quarter(2026, 4), "xa-tai-van", EN);
        assertEquals("Q4 2026", en.periodLabel());
        assertEquals("Xã Tài Văn", en.unitLabel());
        assertEquals("95.8%", card(en, "pass-rate").valueText());
        assertEquals("1,234", card(en, "trained").valueText());
        assertEquals("Could not be computed", card(en, "broken").valueText());
    }

    @Test
    void chartsAreWellFormedSvgWithTheUnitNamesAndLocaleNumbers() throws Exception {
        signInAs(Set.of(DashboardService.PERMISSION));
        String svg = card(service.dashboard(Period.year(2026), "", VI), "pass-rate").svg();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        // JFreeSVG writes the SVG 1.1 DOCTYPE; browsers never fetch it, nor should the test.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", factory.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getLocalName());
        assertTrue(svg.contains("Xã Tài Văn"), "the unit's name is on the chart");
        assertTrue(svg.contains("91,7"), "the bar's label follows the Vietnamese number style");
        assertFalse(svg.contains("<script"));
        assertTrue(card(service.dashboard(Period.year(2026), "", VI), "secret").svg().isEmpty(),
                "an indicator without breakdown has no chart");
    }

    @Test
    void theDashboardNeedsItsPermissionAndTheUnitMustExist() {
        assertThrows(AccessDeniedException.class, () -> service.dashboard(Period.year(2026), "", VI));
        signInAs(Set.of("platform:plugins:manage"));
        assertThrows(AccessDeniedException.class, () -> service.dashboard(Period.year(2026), "", VI));
        signInAs(Set.of(DashboardService.PERMISSION));
        assertThrows(IllegalArgumentException.class, () -> service.dashboard(Period.year(2026), "../etc", VI));
    }

    @Test
    void thePublicSummaryShowsOnlyPublicIndicatorsToAnonymousVisitors() {
        Dashboard summary = service.publicSummary(Period.year(2026), VI);
        assertEquals(List.of("pass-rate", "trained"), summary.cards().stream().map(c -> c.definition().id()).toList());
        assertEquals("Tất cả đơn vị", summary.unitLabel());
        String csv = new String(service.csv(summary, VI), StandardCharsets.UTF_8);
        assertFalse(csv.contains("secret") || csv.contains("Chỉ tiêu nội bộ"));
    }

    @Test
    void visitorsShareOnePublicSummaryForAMinute() {
        service.publicSummary(Period.year(2026), VI);
        service.publicSummary(Period.year(2026), VI);
        assertEquals(1, publicComputations.get(), "the second visitor got the first one's summary");
        service.publicSummary(Period.year(2025), VI);
        service.publicSummary(Period.year(2026), EN);
        assertEquals(3, publicComputations.get(), "each period and language has its own");
        clock.advance(Duration.ofSeconds(61));
        service.publicSummary(Period.year(2026), VI);
        assertEquals(4, publicComputations.get(), "a minute later it is computed again");
        signInAs(Set.of(DashboardService.PERMISSION));
        service.dashboard(Period.year(2026), "", VI);
        assertEquals(5, publicComputations.get(), "the dashboard is never served from the public cache");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void csvIsUtf8WithBomParsesBackAndDefusesFormulas() {
        signInAs(Set.of(DashboardService.PERMISSION));
        Dashboard dashboard = service.dashboard(Period.month(java.time.YearMonth.of(2026, 11)), "", VI);
        byte[] bytes = service.csv(dashboard, VI);
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertEquals(List.of("Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ", "Đơn vị", "Thành phần", "Giá trị", "Tử số",
                "Mẫu số", "Mục tiêu", "Trạng thái"), rows.get(0));
        List<String> rate = rows.stream().filter(r -> r.get(0).equals("pass-rate") && r.get(5).isEmpty()).findFirst()
                .orElseThrow();
        assertEquals(List.of("pass-rate", "Tỷ lệ đạt", "Tỷ lệ phần trăm", "Tháng 11/2026", "Tất cả đơn vị", "", "95.8",
                "23", "24", "90.0", "Đã tính"), rate);
        List<String> evil = rows.stream().filter(r -> r.get(0).equals("trained") && r.get(6).equals("1000"))
                .findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil\")", evil.get(5), "a formula is never a formula in Excel");
        assertTrue(rows.stream().anyMatch(r -> r.get(5).equals("Xã Liêu Tú, \"cũ\"")), "commas and quotes survive");
        List<String> broken = rows.stream().filter(r -> r.get(0).equals("broken")).findFirst().orElseThrow();
        assertEquals("Không tính được", broken.get(10));
        assertEquals("", broken.get(6));
        assertEquals(1 + 3 + 3 + 1 + 1, rows.size(), "a heading, two cards with two parts, and two single rows");
    }

    @Test
    void thePdfCarriesEveryIndicatorInVietnamese() throws Exception {
        signInAs(Set.of(DashboardService.PERMISSION));
        Dashboard dashboard = service.dashboard(Period.quarter(2026, 4), "", VI);
        byte[] pdf = service.pdf(dashboard, VI);
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        Files.write(Path.of("target", "dashboard-sample.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String all = text.toString();
        assertTrue(all.contains("Bảng chỉ tiêu Cổng Số"), all);
        assertTrue(all.contains("Quý 4/2026"), all);
        assertTrue(all.contains("95,8 %"), all);
        assertTrue(all.contains("Công chức được bồi dưỡng"), all);
        assertTrue(all.contains("Không tính được"), all);
    }

    private static Dashboard.Card card(Dashboard dashboard, String id) {
        return dashboard.cards().stream().filter(c -> c.definition().id().equals(id)).findFirst().orElseThrow();
    }

    /** RFC 4180, as a spreadsheet reads it. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
