package vn.congso.admin.internal;

import java.util.List;

/**
 * Whether a plugin works: its bundle is active, every Declarative Services component it declares
 * is active (or satisfied and waiting to be used), and its schema migration did not fail.
 *
 * @param healthy {@code true} when nothing is wrong
 * @param causes what is wrong, for example {@code plugin.health.component-failed}; empty when healthy
 */
public record Health(boolean healthy, List<Problem> causes) {

    /** A healthy plugin. */
    public static final Health OK = new Health(true, List.of());

    /**
     * Creates a health report.
     */
    public Health {
        causes = List.copyOf(causes);
    }

    /**
     * An unhealthy plugin.
     *
     * @param causes what is wrong, at least one
     * @return the report
     */
    public static Health failed(List<Problem> causes) {
        return new Health(false, causes);
    }
}
