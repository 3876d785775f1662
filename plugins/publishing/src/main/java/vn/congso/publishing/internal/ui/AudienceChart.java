package vn.congso.publishing.internal.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A column chart of counts per day, drawn on the server as a standalone SVG document (shown
 * through {@code <img>}, where an SVG can neither run scripts nor load anything). Dates and
 * numbers follow the page's language; the text is large enough to read at the size shown.
 */
final class AudienceChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private AudienceChart() {
    }

    /**
     * @param perDay the counts, every day of the period
     * @param title what is counted, for screen readers ({@code <title>})
     * @param locale the page's language
     * @return the SVG document
     */
    static String svg(SortedMap<LocalDate, Long> perDay, String title, Locale locale) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        DateTimeFormatter days = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "MM/dd" : "dd/MM", Locale.ROOT);
        long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long step = niceStep(max);
        long top = Math.max(step, ((max + step - 1) / step) * step);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        for (long v = 0; v <= top; v += step) {
            double y = TOP + plotHeight - (double) v / top * plotHeight;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d5dc\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333333\">",
                    LEFT - 6, y + 4)).append(escape(numbers.format(v))).append("</text>");
        }
        List<Map.Entry<LocalDate, Long>> rows = new ArrayList<>(perDay.entrySet());
        int n = Math.max(1, rows.size());
        double slot = (double) plotWidth / n;
        double bar = Math.max(1, slot * 0.7);
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int i = 0; i < rows.size(); i++) {
            long v = rows.get(i).getValue();
            double h = (double) v / top * plotHeight;
            double x = LEFT + i * slot + (slot - bar) / 2;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1a5fb4\"><title>", x,
                    TOP + plotHeight - h, bar, h))
                    .append(escape(days.format(rows.get(i).getKey()) + ": " + numbers.format(v))).append("</title></rect>");
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333333\">",
                        LEFT + i * slot + slot / 2, HEIGHT - BOTTOM + 18)).append(escape(days.format(rows.get(i).getKey())))
                        .append("</text>");
            }
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>", LEFT,
                TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight));
        return svg.append("</svg>").toString();
    }

    /** A step of 1, 2 or 5 times a power of ten giving at most five grid lines. */
    static long niceStep(long max) {
        if (max <= 4) {
            return 1;
        }
        long raw = (long) Math.ceil(max / 4.0);
        long power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
