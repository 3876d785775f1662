package vn.congso.api.indicators;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An indicator's value for one period and unit: the number (or none, when there is nothing to
 * measure, such as a pass rate when nobody sat an exam), the fraction it was computed from when
 * it is a rate, and an optional breakdown (per unit, per course, …) drawn as a chart.
 *
 * @param value the number; empty when there is no data for the period
 * @param fraction numerator and denominator of a rate, such as passed / sat
 * @param breakdown the parts, in the order to show them; may be empty
 */
public record IndicatorValue(OptionalDouble value, Optional<Fraction> fraction, List<Entry> breakdown) {

    /**
     * The two counts behind a rate.
     *
     * @param numerator for example the people who passed
     * @param denominator for example the people who sat; 0 when nobody did
     */
    public record Fraction(long numerator, long denominator) {

        /**
         * Checks the counts.
         *
         * @throws IllegalArgumentException when a count is negative
         */
        public Fraction {
            if (numerator < 0 || denominator < 0) {
                throw new IllegalArgumentException("Counts are not negative: " + numerator + "/" + denominator);
            }
        }

        /**
         * The share in percent.
         *
         * @return {@code numerator * 100 / denominator}; empty when the denominator is 0
         */
        public OptionalDouble percent() {
            return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator * 100.0 / denominator);
        }
    }

    /**
     * One part of a breakdown.
     *
     * @param key a stable id of the part, such as a unit id (used in CSV files)
     * @param label what the part is called: a name as it is written (a unit's official name) or,
     *        when {@code translated} is true, a translation key from the contributing bundle's
     *        {@code OSGI-INF/l10n}
     * @param translated whether {@code label} is a translation key
     * @param value the part's number
     * @param fraction the counts behind it, when it is a rate
     */
    public record Entry(String key, String label, boolean translated, double value, Optional<Fraction> fraction) {

        /** Checks that nothing is missing. */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(fraction, "fraction");
        }

        /**
         * A part with a proper name, such as a unit.
         *
         * @param key a stable id
         * @param name the name as written
         * @param value the number
         * @return the entry
         */
        public static Entry named(String key, String name, double value) {
            return new Entry(key, name, false, value, Optional.empty());
        }

        /**
         * A part whose label is translated.
         *
         * @param key a stable id
         * @param labelKey a translation key
         * @param value the number
         * @return the entry
         */
        public static Entry translated(String key, String labelKey, double value) {
            return new Entry(key, labelKey, true, value, Optional.empty());
        }

        /**
         * A named part that is a rate in percent.
         *
         * @param key a stable id
         * @param name the name as written
         * @param fraction its counts; a part whose denominator is 0 has the value 0
         * @return the entry
         */
        public static Entry namedRate(String key, String name, Fraction fraction) {
            return new Entry(key, name, false, fraction.percent().orElse(0), Optional.of(fraction));
        }
    }

    /** Copies the breakdown and checks that nothing is missing. */
    public IndicatorValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(fraction, "fraction");
        breakdown = List.copyOf(breakdown);
    }

    /**
     * A plain number.
     *
     * @param value the number
     * @return the value, without breakdown
     */
    public static IndicatorValue of(double value) {
        return new IndicatorValue(OptionalDouble.of(value), Optional.empty(), List.of());
    }

    /**
     * A rate in percent from its counts; no value when the denominator is 0.
     *
     * @param numerator for example the people who passed
     * @param denominator for example the people who sat
     * @return the value, without breakdown
     */
    public static IndicatorValue rate(long numerator, long denominator) {
        Fraction fraction = new Fraction(numerator, denominator);
        return new IndicatorValue(fraction.percent(), Optional.of(fraction), List.of());
    }

    /**
     * No data for the period: shown as "no data", not as 0.
     *
     * @return the empty value
     */
    public static IndicatorValue none() {
        return new IndicatorValue(OptionalDouble.empty(), Optional.empty(), List.of());
    }

    /**
     * The same value with a breakdown.
     *
     * @param entries the parts
     * @return a new value
     */
    public IndicatorValue withBreakdown(List<Entry> entries) {
        return new IndicatorValue(value, fraction, entries);
    }
}
