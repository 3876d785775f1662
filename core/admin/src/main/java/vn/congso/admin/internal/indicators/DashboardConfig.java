package vn.congso.admin.internal.indicators;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the dashboard, PID {@code vn.congso.admin.dashboard} ({@code etc/vn.congso.admin.dashboard.cfg}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/metatype", name = "%dashboard.name",
        description = "%dashboard.description")
@interface DashboardConfig {

    /** An indicator still computing after this long is shown as "could not be computed". */
    @AttributeDefinition(name = "%dashboard.timeoutMillis.name", description = "%dashboard.timeoutMillis.description",
            min = "100")
    int timeoutMillis() default 2000;

    /** Indicators computed at the same time, for every viewer together. */
    @AttributeDefinition(name = "%dashboard.threads.name", description = "%dashboard.threads.description",
            min = "1", max = "32")
    int threads() default 4;

    /** Computations waiting for a worker; beyond this a card says "could not be computed" at once. */
    @AttributeDefinition(name = "%dashboard.queue.name", description = "%dashboard.queue.description", min = "1")
    int queue() default 200;

    /** How long the public summary of a period is reused before it is computed again. */
    @AttributeDefinition(name = "%dashboard.publicCacheSeconds.name",
            description = "%dashboard.publicCacheSeconds.description", min = "0")
    int publicCacheSeconds() default 60;
}
