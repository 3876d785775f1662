package vn.congso.publishing.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The audience chart: a well-formed, script-free SVG whose words and numbers follow the page. */
class AudienceChartTest {

    private static SortedMap<LocalDate, Long> month() {
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (int d = 1; d <= 30; d++) {
            days.put(LocalDate.of(2026, 11, d), d == 15 ? 1250L : 350L + d);
        }
        return days;
    }

    @Test
    void oneBarPerDayWithTheDayAndCountInTheReadersLanguage() throws Exception {
        String svg = AudienceChart.svg(month(), "Lượt truy cập <cổng> & \"bài\"", Locale.forLanguageTag("vi"));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        // 30 bars and the white background.
        assertEquals(31, doc.getElementsByTagName("rect").getLength());
        assertTrue(svg.contains("<title>15/11: 1.250</title>"), "Vietnamese date and thousands separator");
        assertTrue(svg.contains("Lượt truy cập &lt;cổng&gt; &amp; &quot;bài&quot;"), "the title is escaped");
        assertFalse(svg.toLowerCase(Locale.ROOT).contains("<script"));

        String english = AudienceChart.svg(month(), "Visits", Locale.ENGLISH);
        assertTrue(english.contains("<title>11/15: 1,250</title>"), "English date and separator");
    }

    @Test
    void theScaleHasRoundStepsAndAnEmptyPeriodDrawsNoBar() {
        assertEquals(1, AudienceChart.niceStep(0));
        assertEquals(100, AudienceChart.niceStep(350));
        assertEquals(500, AudienceChart.niceStep(1250));
        assertEquals(2000, AudienceChart.niceStep(7001));
        SortedMap<LocalDate, Long> empty = new TreeMap<>();
        empty.put(LocalDate.of(2026, 12, 1), 0L);
        String svg = AudienceChart.svg(empty, "Visits", Locale.ENGLISH);
        assertTrue(svg.contains("height=\"0.0\""), "a zero day has a zero-height bar: " + svg);
    }
}
