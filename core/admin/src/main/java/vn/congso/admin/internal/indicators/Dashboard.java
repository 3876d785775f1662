package vn.congso.admin.internal.indicators;

import java.util.List;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;

/**
 * Every indicator of one page, ready to show: texts translated and numbers formatted in the
 * page's language, charts drawn. Screens and exports read this and nothing else, so what a
 * screen shows and what a file says are the same.
 *
 * @param period the period shown
 * @param periodLabel how it is written, such as {@code Quý 4/2026}
 * @param unitId the unit shown, or {@code ""} for every unit
 * @param unitLabel its name
 * @param cards one card per indicator, by id
 * @param millis how long computing and drawing took
 */
public record Dashboard(Period period, String periodLabel, String unitId, String unitLabel, List<Card> cards,
        long millis) {

    /** Copies the cards. */
    public Dashboard {
        cards = List.copyOf(cards);
    }

    /**
     * One indicator.
     *
     * @param definition what it is
     * @param title its translated title
     * @param description its translated description, or empty
     * @param unitOfMeasure the translated unit of measure
     * @param computed false when it threw or ran over its time
     * @param value the value as computed ({@link IndicatorValue#none()} when not computed)
     * @param valueText the formatted value, "no data" or "could not be computed"
     * @param fractionText the counts behind a rate, such as {@code 23 / 24}, or empty
     * @param targetText the formatted target, or empty
     * @param rows the breakdown, formatted
     * @param svg a bar chart of the breakdown as a standalone SVG document, or empty when there is no breakdown
     */
    public record Card(IndicatorRegistry.Definition definition, String title, String description,
            String unitOfMeasure, boolean computed, IndicatorValue value, String valueText, String fractionText,
            String targetText, List<Row> rows, String svg) {

        /** Copies the rows. */
        public Card {
            rows = List.copyOf(rows);
        }

        /** @return whether the card has a value to show */
        public boolean hasValue() {
            return computed && value.value().isPresent();
        }
    }

    /**
     * One part of a breakdown.
     *
     * @param key its stable id
     * @param label its name, translated when it was a key
     * @param value the number
     * @param valueText the number formatted
     * @param fractionText its counts, or empty
     */
    public record Row(String key, String label, double value, String valueText, String fractionText) {
    }
}
