package vn.congso.admin.internal.indicators;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.text.Csv;

/**
 * The dashboard and the public summary: every contributed indicator for a period and a unit,
 * translated, formatted, charted, and exported as CSV and PDF. The dashboard needs
 * {@link #PERMISSION}; the public summary shows only the indicators marked public, for every
 * unit together, to anyone.
 */
@Component(service = DashboardService.class, configurationPid = "vn.congso.admin.dashboard")
public final class DashboardService {

    /** The permission to see the dashboard with every indicator. */
    public static final String PERMISSION = "platform:dashboard:view";

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Logger log = LoggerFactory.getLogger(DashboardService.class);
    private final IndicatorRegistry registry;
    private final TranslationService translations;
    private final CurrentUserService users;
    private final UserDirectory directory;
    private final PdfRenderer pdf;
    private final Clock clock;
    private final Duration publicCache;
    private final Map<String, Cached> publicSummaries = new ConcurrentHashMap<>();

    /** A public summary and when it was made. */
    private record Cached(Dashboard dashboard, Instant madeAt) {
    }

    /**
     * Creates the service.
     *
     * @param registry the contributed indicators
     * @param translations titles, units and labels
     * @param users who is asking
     * @param directory the units to choose from
     * @param pdf renders this bundle's {@code pdf/dashboard.xhtml}
     * @param config how long the public summary is reused
     */
    @Activate
    public DashboardService(@Reference IndicatorRegistry registry, @Reference TranslationService translations,
            @Reference CurrentUserService users, @Reference UserDirectory directory, @Reference PdfRenderer pdf,
            DashboardConfig config) {
        this(registry, translations, users, directory, pdf, Clock.systemUTC(),
                Duration.ofSeconds(Math.max(0, config.publicCacheSeconds())));
        // The first chart costs about a second (JFreeChart's classes, AWT fonts): pay it now, off the page.
        registry.background("Dashboard chart warm-up", () -> IndicatorCharts.svg(
                List.of(new Dashboard.Row("a", "Xã Tài Văn", 1, "1", ""), new Dashboard.Row("b", "Xã Liêu Tú", 2, "2", "")),
                "", vn.congso.api.indicators.UnitOfMeasure.PERCENT, java.util.OptionalDouble.of(50),
                TranslationService.VIETNAMESE));
    }

    DashboardService(IndicatorRegistry registry, TranslationService translations, CurrentUserService users,
            UserDirectory directory, PdfRenderer pdf, Clock clock, Duration publicCache) {
        this.publicCache = publicCache;
        this.registry = registry;
        this.translations = translations;
        this.users = users;
        this.directory = directory;
        this.pdf = pdf;
        this.clock = clock;
    }

    /**
     * The periods a reader may choose, the current one first.
     *
     * @param kind month, quarter or year
     * @param count how many
     * @return the periods, newest first
     */
    public List<Period> recentPeriods(Period.Kind kind, int count) {
        List<Period> periods = new ArrayList<>();
        Period period = Period.containing(kind, Instant.now(clock).atZone(Period.ZONE).toLocalDate());
        for (int i = 0; i < count; i++) {
            periods.add(period);
            period = Period.containing(kind, period.from().minusDays(1));
        }
        return periods;
    }

    /**
     * How a period is written, such as {@code Tháng 11/2026} or {@code Quý 4/2026}.
     *
     * @param period the period
     * @param locale the page's language
     * @return the label
     */
    public String periodLabel(Period period, Locale locale) {
        String year = String.valueOf(period.from().getYear());
        return switch (period.kind()) {
            case MONTH -> t("dashboard.period.label.MONTH", locale, String.valueOf(period.from().getMonthValue()),
                    year);
            case QUARTER -> t("dashboard.period.label.QUARTER", locale,
                    String.valueOf((period.from().getMonthValue() - 1) / 3 + 1), year);
            case YEAR -> t("dashboard.period.label.YEAR", locale, year);
        };
    }

    /**
     * The units a signed-in reader may choose, by id, every unit together first.
     *
     * @param locale the page's language
     * @return unit names by id
     * @throws AccessDeniedException without {@link #PERMISSION}
     */
    public Map<String, String> units(Locale locale) {
        requirePermission();
        Map<String, String> units = new LinkedHashMap<>();
        units.put(Indicator.ALL_UNITS, t("dashboard.unit.all", locale));
        directory.units().forEach(u -> units.put(u.id(), u.name()));
        return units;
    }

    /**
     * Every indicator for a period and a unit.
     *
     * @param period the period
     * @param unitId a unit id from {@link #units}, or {@code ""} for every unit
     * @param locale the page's language
     * @return the dashboard
     * @throws AccessDeniedException without {@link #PERMISSION}
     * @throws IllegalArgumentException for a unit that is not in the directory
     */
    public Dashboard dashboard(Period period, String unitId, Locale locale) {
        Map<String, String> units = units(locale);
        String unit = unitId == null ? Indicator.ALL_UNITS : unitId;
        if (!units.containsKey(unit)) {
            throw new IllegalArgumentException("Unknown unit: " + unit);
        }
        return build(false, period, unit, units.get(unit), locale);
    }

    /**
     * The public summary: the indicators marked public, for every unit together, for anyone.
     *
     * @param period the period
     * @param locale the page's language
     * @return the summary
     */
    public Dashboard publicSummary(Period period, Locale locale) {
        // Anyone may ask, as often as they like: visitors share one computation for a while.
        String key = period + "/" + locale.getLanguage();
        Instant now = Instant.now(clock);
        Cached cached = publicSummaries.get(key);
        if (cached != null && cached.madeAt().plus(publicCache).isAfter(now)) {
            return cached.dashboard();
        }
        Dashboard summary = build(true, period, Indicator.ALL_UNITS, t("dashboard.unit.all", locale), locale);
        if (!publicCache.isZero() && summary.cards().stream().allMatch(Dashboard.Card::computed)) {
            if (publicSummaries.size() > 500) {
                publicSummaries.clear();
            }
            publicSummaries.put(key, new Cached(summary, now));
        }
        return summary;
    }

    Dashboard build(boolean publicOnly, Period period, String unitId, String unitLabel, Locale locale) {
        long start = System.nanoTime();
        List<Dashboard.Card> cards = new ArrayList<>();
        for (IndicatorRegistry.Result result : registry.compute(publicOnly, period, unitId)) {
            cards.add(card(result, locale));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.debug("Dashboard of {} indicators for {} {} built in {} ms", cards.size(), period, unitId, millis);
        return new Dashboard(period, periodLabel(period, locale), unitId, unitLabel, cards, millis);
    }

    private Dashboard.Card card(IndicatorRegistry.Result result, Locale locale) {
        IndicatorRegistry.Definition d = result.definition();
        String title = t(d.titleKey(), locale);
        String description = d.descriptionKey().map(k -> t(k, locale)).orElse("");
        String measure = t("dashboard.measure." + d.unitOfMeasure().name(), locale);
        String target = d.target().isPresent()
                ? t("dashboard.card.target", locale, IndicatorFormat.value(d.target().getAsDouble(), d.unitOfMeasure(),
                        locale)) : "";
        if (result.status() != IndicatorRegistry.Status.OK) {
            return new Dashboard.Card(d, title, description, measure, false, IndicatorValue.none(),
                    t("dashboard.card.failed", locale), "", target, List.of(), "");
        }
        IndicatorValue value = result.value();
        String valueText = value.value().isPresent()
                ? IndicatorFormat.value(value.value().getAsDouble(), d.unitOfMeasure(), locale)
                : t("dashboard.card.no-data", locale);
        String fraction = fraction(value.fraction(), locale);
        List<Dashboard.Row> rows = new ArrayList<>();
        for (IndicatorValue.Entry e : value.breakdown()) {
            rows.add(new Dashboard.Row(e.key(), e.translated() ? t(e.label(), locale) : e.label(), e.value(),
                    IndicatorFormat.value(e.value(), d.unitOfMeasure(), locale), fraction(e.fraction(), locale)));
        }
        String svg = rows.isEmpty() ? "" : IndicatorCharts.svg(rows, title, d.unitOfMeasure(), d.target(), locale);
        return new Dashboard.Card(d, title, description, measure, true, value, valueText, fraction, target, rows, svg);
    }

    private String fraction(Optional<IndicatorValue.Fraction> fraction, Locale locale) {
        return fraction.map(f -> IndicatorFormat.count(f.numerator(), locale) + " / "
                + IndicatorFormat.count(f.denominator(), locale)).orElse("");
    }

    /**
     * The dashboard as CSV: one row per indicator (every unit of the selection), then one per
     * part of its breakdown. Numbers with a dot for decimals, so programs read them back.
     *
     * @param dashboard what the screen shows
     * @param locale the language of the headings
     * @return UTF-8 bytes with a byte order mark
     */
    public byte[] csv(Dashboard dashboard, Locale locale) {
        Csv csv = new Csv();
        csv.row(t("dashboard.csv.id", locale), t("dashboard.csv.indicator", locale), t("dashboard.csv.measure", locale),
                t("dashboard.csv.period", locale), t("dashboard.csv.unit", locale), t("dashboard.csv.part", locale),
                t("dashboard.csv.value", locale), t("dashboard.csv.numerator", locale),
                t("dashboard.csv.denominator", locale), t("dashboard.csv.target", locale),
                t("dashboard.csv.status", locale));
        for (Dashboard.Card card : dashboard.cards()) {
            IndicatorRegistry.Definition d = card.definition();
            String target = d.target().isPresent() ? IndicatorFormat.plain(d.target().getAsDouble(), d.unitOfMeasure())
                    : "";
            String status = t(card.computed() ? "dashboard.csv.status.ok" : "dashboard.card.failed", locale);
            IndicatorValue v = card.value();
            csv.row(d.id(), card.title(), card.unitOfMeasure(), dashboard.periodLabel(), dashboard.unitLabel(), "",
                    v.value().isPresent() ? IndicatorFormat.plain(v.value().getAsDouble(), d.unitOfMeasure()) : "",
                    v.fraction().map(f -> String.valueOf(f.numerator())).orElse(""),
                    v.fraction().map(f -> String.valueOf(f.denominator())).orElse(""), target, status);
            for (IndicatorValue.Entry e : v.breakdown()) {
                Dashboard.Row row = card.rows().stream().filter(r -> r.key().equals(e.key())).findFirst().orElseThrow();
                csv.row(d.id(), card.title(), card.unitOfMeasure(), dashboard.periodLabel(), dashboard.unitLabel(),
                        row.label(), IndicatorFormat.plain(e.value(), d.unitOfMeasure()),
                        e.fraction().map(f -> String.valueOf(f.numerator())).orElse(""),
                        e.fraction().map(f -> String.valueOf(f.denominator())).orElse(""), target, status);
            }
        }
        return csv.bytes();
    }

    /**
     * The dashboard as a PDF: a heading, then each indicator with its value, its counts, its
     * target, its breakdown as a table and its chart.
     *
     * @param dashboard what the screen shows
     * @param locale the language of the texts
     * @return the PDF bytes
     * @throws IOException when the template cannot be rendered
     */
    public byte[] pdf(Dashboard dashboard, Locale locale) throws IOException {
        StringBuilder body = new StringBuilder();
        if (dashboard.cards().isEmpty()) {
            body.append("<p>").append(xml(t("dashboard.empty", locale))).append("</p>");
        }
        for (Dashboard.Card card : dashboard.cards()) {
            body.append("<div class=\"card\"><h2>").append(xml(card.title())).append("</h2>");
            if (!card.description().isEmpty()) {
                body.append("<p class=\"muted\">").append(xml(card.description())).append("</p>");
            }
            body.append("<p class=\"value\">").append(xml(card.valueText())).append("</p>");
            body.append("<p>").append(xml(t("dashboard.card.measure", locale, card.unitOfMeasure())));
            if (!card.fractionText().isEmpty()) {
                body.append(" · ").append(xml(card.fractionText()));
            }
            if (!card.targetText().isEmpty()) {
                body.append(" · ").append(xml(card.targetText()));
            }
            body.append("</p>");
            if (!card.rows().isEmpty()) {
                body.append("<table><tr><th>").append(xml(t("dashboard.csv.part", locale))).append("</th><th>")
                        .append(xml(t("dashboard.csv.value", locale))).append("</th></tr>");
                for (Dashboard.Row row : card.rows()) {
                    body.append("<tr><td>").append(xml(row.label())).append("</td><td class=\"number\">")
                            .append(xml(row.valueText()));
                    if (!row.fractionText().isEmpty()) {
                        body.append(" (").append(xml(row.fractionText())).append(')');
                    }
                    body.append("</td></tr>");
                }
                body.append("</table>");
                byte[] png = IndicatorCharts.png(card.rows(), card.title(), card.definition().unitOfMeasure(),
                        card.definition().target(), locale);
                body.append("<img class=\"chart\" alt=\"").append(xml(card.title())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\" />");
            }
            body.append("</div>");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", t("dashboard.pdf.title", locale));
        data.put("period", t("dashboard.pdf.period", locale, dashboard.periodLabel()));
        data.put("unit", t("dashboard.pdf.unit", locale, dashboard.unitLabel()));
        data.put("generated", t("dashboard.pdf.generated", locale,
                GENERATED.format(ZonedDateTime.ofInstant(Instant.now(clock), Period.ZONE))));
        data.put("lang", locale.getLanguage());
        data.put("cards", new PdfRenderer.Markup(body.toString()));
        return pdf.render("pdf/dashboard.xhtml", data);
    }

    private void requirePermission() {
        if (!users.current().isPermitted(PERMISSION)) {
            throw new AccessDeniedException(PERMISSION);
        }
    }

    private String t(String key, Locale locale, Object... params) {
        return translations.translate(key, locale, params);
    }

    /** Text as XHTML character data or attribute value. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
