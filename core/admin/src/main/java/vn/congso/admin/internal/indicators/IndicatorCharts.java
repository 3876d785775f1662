package vn.congso.admin.internal.indicators;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import vn.congso.api.indicators.UnitOfMeasure;

/**
 * Bar charts of a breakdown, drawn on the server with JFreeChart: SVG for the screens (shown
 * through {@code <img>}, where an SVG can neither run scripts nor load anything) and PNG for
 * PDF files. Labels and numbers follow the page's language.
 */
final class IndicatorCharts {

    static final int WIDTH = 480;
    private static final Color BAR = new Color(0x1A, 0x5F, 0xB4);
    private static final Color TARGET = new Color(0xB4, 0x23, 0x18);

    private IndicatorCharts() {
    }

    /**
     * The chart's height for a number of bars, so each label stays readable.
     *
     * @param bars how many parts
     * @return pixels
     */
    static int height(int bars) {
        return Math.min(1200, 60 + 30 * Math.max(2, bars));
    }

    /**
     * A horizontal bar chart of the rows as a standalone SVG document.
     *
     * @param rows the parts
     * @param series what the bars measure (the indicator's title)
     * @param unit the unit of measure
     * @param target the target, drawn as a line, or empty
     * @param locale the page's language
     * @return the SVG markup
     */
    static String svg(List<Dashboard.Row> rows, String series, UnitOfMeasure unit, OptionalDouble target,
            Locale locale) {
        JFreeChart chart = chart(rows, series, unit, target, locale);
        int h = height(rows.size());
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, h);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, h));
        return g2.getSVGDocument();
    }

    /**
     * The same chart as a PNG image, for PDF files.
     *
     * @param rows the parts
     * @param series what the bars measure
     * @param unit the unit of measure
     * @param target the target, or empty
     * @param locale the page's language
     * @return the PNG bytes
     */
    static byte[] png(List<Dashboard.Row> rows, String series, UnitOfMeasure unit, OptionalDouble target,
            Locale locale) {
        JFreeChart chart = chart(rows, series, unit, target, locale);
        BufferedImage image = chart.createBufferedImage(WIDTH, height(rows.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JFreeChart chart(List<Dashboard.Row> rows, String series, UnitOfMeasure unit,
            OptionalDouble target, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.Row row : rows) {
            // Two parts may share a name (units of the same name in two districts): keep both bars.
            data.addValue(row.value(), series, new Label(row.key(), row.label()));
        }
        // No title inside the picture: the card's heading names it (and the image's alt text).
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, PlotOrientation.HORIZONTAL, false,
                false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        // Sized for a card about as wide as the picture, so labels stay readable when it is scaled down.
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit == UnitOfMeasure.COUNT || unit == UnitOfMeasure.VND ? 0 : 1);
        values.setNumberFormatOverride(format);
        if (unit == UnitOfMeasure.COUNT) {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        double max = rows.stream().mapToDouble(Dashboard.Row::value).max().orElse(0);
        if (target.isPresent()) {
            max = Math.max(max, target.getAsDouble());
        }
        if (unit == UnitOfMeasure.PERCENT) {
            // Room after 100 for the bar's label; ticks stop at 100.
            values.setRange(0, 115);
            values.setTickUnit(new NumberTickUnit(20, format));
        } else {
            // An axis from 0, with room for the labels; all zeros still get a sensible scale.
            values.setRange(0, Math.max(1, max * 1.2));
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        if (target.isPresent()) {
            ValueMarker marker = new ValueMarker(target.getAsDouble(), TARGET, new BasicStroke(2f));
            plot.addRangeMarker(marker);
        }
        return chart;
    }

    /** A category that shows its name but is told apart by its key. */
    private record Label(String key, String name) implements Comparable<Label> {
        @Override
        public String toString() {
            return name;
        }

        @Override
        public int compareTo(Label other) {
            return key.compareTo(other.key);
        }
    }
}
