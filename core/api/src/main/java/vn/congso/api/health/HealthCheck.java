package vn.congso.api.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of the platform's health, as a monitoring system sees it on {@code GET /health}.
 * Register it as an OSGi service; the platform calls {@link #check()} on every request, with a
 * time limit, so a check should answer within a second.
 *
 * <p>Details must never hold secrets: no JDBC URL, user name, password, file system path or
 * exception text that may carry one. Say what a monitoring operator acts on: up or down, how
 * long something took, when something last happened.
 */
@ConsumerType
public interface HealthCheck {

    /** Whether a part of the platform works. */
    enum Status {
        /** It works. */
        UP,
        /** It does not work; the platform as a whole is reported unhealthy (HTTP 503). */
        DOWN
    }

    /**
     * The outcome of a check.
     *
     * @param status up or down
     * @param details non-secret facts, in order: values are strings, numbers, booleans, lists or
     *        maps of the same (rendered as JSON)
     */
    record Result(Status status, Map<String, Object> details) {

        /**
         * Creates a result, copying the details in their order.
         *
         * @throws NullPointerException if {@code status} is null
         */
        public Result {
            Objects.requireNonNull(status, "status");
            details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        /**
         * A working part.
         *
         * @param details non-secret facts
         * @return the result
         */
        public static Result up(Map<String, Object> details) {
            return new Result(Status.UP, details);
        }

        /**
         * A failing part.
         *
         * @param details non-secret facts, such as what failed
         * @return the result
         */
        public static Result down(Map<String, Object> details) {
            return new Result(Status.DOWN, details);
        }
    }

    /**
     * The stable name this check is listed under in the JSON, such as {@code database}; lower
     * case letters, digits and dashes.
     *
     * @return the name
     */
    String name();

    /**
     * Checks now.
     *
     * @return the outcome; a check that throws is reported as down
     */
    Result check();
}
