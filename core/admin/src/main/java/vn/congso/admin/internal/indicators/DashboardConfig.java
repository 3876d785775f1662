package vn.congso.admin.internal.indicators;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the dashboard, PID {@code vn.congso.admin.dashboard} ({@code etc/vn.congso.admin.dashboard.cfg}). */
@ObjectClassDefinition(name = "CongSo dashboard",
        description = "How contributed indicators are computed for the dashboard and the public summary")
@interface DashboardConfig {

    /** An indicator still computing after this long is shown as "could not be computed". */
    @AttributeDefinition(name = "Time limit per indicator (milliseconds)",
            description = "An indicator that takes longer is shown as not computed; the others are not affected",
            min = "100")
    int timeoutMillis() default 2000;

    /** Indicators computed at the same time, for every viewer together. */
    @AttributeDefinition(name = "Worker threads",
            description = "Indicators computed in parallel, for all viewers together", min = "1", max = "32")
    int threads() default 4;

    /** Computations waiting for a worker; beyond this a card says "could not be computed" at once. */
    @AttributeDefinition(name = "Queue length",
            description = "Computations that may wait for a worker; more are refused at once", min = "1")
    int queue() default 200;

    /** How long the public summary of a period is reused before it is computed again. */
    @AttributeDefinition(name = "Public summary cache (seconds)",
            description = "Anonymous visitors share one computation of the public page per period and language "
                    + "for this long; 0 computes it for every visit", min = "0")
    int publicCacheSeconds() default 60;
}
