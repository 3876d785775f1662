package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiFunction;
import vn.congso.admin.internal.indicators.Dashboard;

/** The cards of a dashboard, shared by the dashboard screen and the public summary. */
final class IndicatorCards {

    private IndicatorCards() {
    }

    /**
     * A responsive grid with one card per indicator, or a sentence when there is none.
     *
     * @param prefix element id prefix ({@code dashboard} or {@code indicators})
     * @param dashboard what to show
     * @param emptyText the sentence shown when there is no indicator
     * @param t translations in the page's language
     * @return the component
     */
    static Component grid(String prefix, Dashboard dashboard, String emptyText, BiFunction<String, Object[], String> t) {
        Div grid = new Div();
        grid.setId(prefix + "-cards");
        grid.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)").set("width", "100%")
                .set("grid-template-columns", "repeat(auto-fill, minmax(min(100%, 22rem), 1fr))");
        if (dashboard.cards().isEmpty()) {
            Paragraph empty = new Paragraph(emptyText);
            empty.setId(prefix + "-empty");
            return empty;
        }
        for (Dashboard.Card card : dashboard.cards()) {
            grid.add(card(prefix, dashboard, card, t));
        }
        return grid;
    }

    /** The element id of an indicator's card: its id with anything but letters, digits and hyphens replaced. */
    static String cardId(String prefix, String indicatorId) {
        return prefix + "-indicator-" + indicatorId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static Component card(String prefix, Dashboard dashboard, Dashboard.Card card,
            BiFunction<String, Object[], String> t) {
        String id = cardId(prefix, card.definition().id());
        Div box = new Div();
        box.setId(id);
        box.getElement().setAttribute("data-indicator", card.definition().id());
        box.getElement().setAttribute("data-status", !card.computed() ? "failed" : card.hasValue() ? "ok" : "no-data");
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("background", "var(--lumo-base-color)")
                .set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");

        H3 title = new H3(card.title());
        title.setId(id + "-title");
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-l)");
        box.add(title);
        if (!card.description().isEmpty()) {
            box.add(muted(card.description()));
        }
        Span value = new Span(card.valueText());
        value.setId(id + "-value");
        value.getStyle().set("font-size", card.hasValue() ? "var(--lumo-font-size-xxxl)" : "var(--lumo-font-size-l)")
                .set("font-weight", "600").set("line-height", "1.2")
                .set("color", card.computed() ? "var(--lumo-primary-text-color)" : "var(--lumo-error-text-color)");
        box.add(value);
        if (!card.computed()) {
            Span why = muted(t.apply("dashboard.card.failed-help", new Object[0]));
            why.setId(id + "-failed");
            box.add(why);
            return box;
        }
        StringBuilder facts = new StringBuilder(t.apply("dashboard.card.measure", new Object[] {card.unitOfMeasure()}));
        if (!card.fractionText().isEmpty()) {
            facts.append(" · ").append(card.fractionText());
        }
        if (!card.targetText().isEmpty()) {
            facts.append(" · ").append(card.targetText());
        }
        Span factLine = muted(facts.toString());
        factLine.setId(id + "-facts");
        box.add(factLine);
        if (!card.fractionText().isEmpty()) {
            box.getElement().setAttribute("data-fraction", card.value().fraction()
                    .map(f -> f.numerator() + "/" + f.denominator()).orElse(""));
        }
        if (!card.svg().isEmpty()) {
            box.add(chart(id + "-chart", card.svg(), t.apply("dashboard.card.chart",
                    new Object[] {card.title(), dashboard.periodLabel()})));
            box.add(breakdown(id + "-breakdown", card, t));
        }
        return box;
    }

    private static Component chart(String id, String svg, String alt) {
        // An SVG shown through <img> cannot run scripts or load anything, whatever it contains.
        byte[] data = svg.getBytes(StandardCharsets.UTF_8);
        DownloadHandler handler = DownloadHandler.fromInputStream(
                event -> new DownloadResponse(new ByteArrayInputStream(data), id + ".svg", "image/svg+xml", data.length));
        Image image = new Image(handler, alt);
        image.setId(id);
        image.setWidthFull();
        image.getStyle().set("height", "auto");
        return image;
    }

    private static Component breakdown(String id, Dashboard.Card card, BiFunction<String, Object[], String> t) {
        NativeTable table = new NativeTable();
        table.getStyle().set("width", "100%").set("border-collapse", "collapse")
                .set("font-size", "var(--lumo-font-size-s)");
        for (Dashboard.Row row : card.rows()) {
            NativeTableRow tr = table.getBody().addRow();
            tr.addDataCell().setText(row.label());
            var cell = tr.addDataCell();
            cell.setText(row.fractionText().isEmpty() ? row.valueText() : row.valueText() + " (" + row.fractionText() + ")");
            cell.getStyle().set("text-align", "right").set("white-space", "nowrap");
        }
        NativeDetails details = new NativeDetails(t.apply("dashboard.card.breakdown", new Object[0]), table);
        details.setId(id);
        return details;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        return span;
    }
}
