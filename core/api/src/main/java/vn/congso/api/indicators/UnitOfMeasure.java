package vn.congso.api.indicators;

/**
 * What an indicator's number counts, so the platform can format and label it: {@code 12 người},
 * {@code 95,8 %}. The platform translates the unit; a contributing plugin does not.
 */
public enum UnitOfMeasure {
    /** Whole things or people: formatted without decimals. */
    COUNT,
    /** A share from 0 to 100, formatted with one decimal and a percent sign. */
    PERCENT,
    /** A duration in days, one decimal. */
    DAYS,
    /** A duration in hours, one decimal. */
    HOURS,
    /** An amount of money in Vietnamese đồng, without decimals. */
    VND
}
