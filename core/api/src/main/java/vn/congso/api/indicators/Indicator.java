package vn.congso.api.indicators;

import java.util.Optional;
import java.util.OptionalDouble;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A figure a plugin contributes to the platform's dashboard, such as "civil servants trained"
 * or "pass rate". Register an implementation as an OSGi service (typically a Declarative
 * Services component); the dashboard shows it while the service is registered.
 *
 * <p>The platform calls {@link #compute} on a worker thread of its own, as a trusted system
 * actor (see {@link vn.congso.api.security.RunAs#system}), with a time limit (two seconds by
 * default): the implementation reads its data without checking the viewer's permissions,
 * because the platform decides who sees what ({@code platform:dashboard:view} for the
 * dashboard, and only indicators that are {@link #isPublic() public} on the public summary).
 * An indicator that throws or runs over its time is shown as "could not be computed", alone;
 * the others are not affected. Keep computations to a few queries.
 *
 * <p>Titles and descriptions are translation keys from the contributing bundle's
 * {@code OSGI-INF/l10n/*.properties} (Vietnamese default, {@code _en} English).
 */
@ConsumerType
public interface Indicator {

    /** The {@code unitId} that stands for every unit together. */
    String ALL_UNITS = "";

    /**
     * A stable id, unique on the platform, prefixed with the plugin's name, such as
     * {@code notices.read-rate}. Used in CSV files and element ids.
     *
     * @return the id: lower-case letters, digits, dots and hyphens
     */
    String id();

    /**
     * The title's translation key.
     *
     * @return a translation key
     */
    String titleKey();

    /**
     * A one-sentence explanation of what is counted, shown under the title.
     *
     * @return a translation key, or empty
     */
    default Optional<String> descriptionKey() {
        return Optional.empty();
    }

    /**
     * What the number counts.
     *
     * @return the unit of measure
     */
    UnitOfMeasure unitOfMeasure();

    /**
     * The position of the indicator's card on the dashboard; lower comes first, ties are ordered
     * by id.
     *
     * @return the order; 100 by default
     */
    default int order() {
        return 100;
    }

    /**
     * Whether the indicator appears on the public summary that anyone may read without signing
     * in. Only figures that reveal nothing about a person may be public.
     *
     * @return {@code true} for a public indicator; {@code false} by default
     */
    default boolean isPublic() {
        return false;
    }

    /**
     * The value aimed at, in the indicator's unit of measure, shown beside the value.
     *
     * @return the target, or empty when there is none
     */
    default OptionalDouble target() {
        return OptionalDouble.empty();
    }

    /**
     * Computes the value.
     *
     * @param period the period, in the district's time zone
     * @param unitId the organisational unit whose people or cases are counted, as in
     *        {@link vn.congso.api.security.UserDirectory.Unit#id()}; {@link #ALL_UNITS} for every unit
     *        together (a breakdown per unit is then welcome)
     * @return the value, never null
     * @throws Exception when it cannot be computed; the dashboard shows that for this
     *         indicator only and logs the cause
     */
    IndicatorValue compute(Period period, String unitId) throws Exception;
}
