package vn.congso.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import vn.congso.api.health.HealthCheck;

/**
 * Follows the {@link HealthCheck} services bundles register, for {@code GET /health}, plus the
 * shell's own {@code platform} check: down while Karaf is still installing its boot features
 * (the database may answer long before sign-in, the admin screens or the plugins are there, and
 * monitoring must not call that healthy).
 */
final class HealthChecks {

    private final ServiceTracker<HealthCheck, HealthCheck> tracker;
    private final HealthCheck platform;

    HealthChecks(BundleContext context, BooleanSupplier starting) {
        this.tracker = new ServiceTracker<>(context, HealthCheck.class, null);
        this.platform = platformCheck(starting);
    }

    /** The shell's check: {@code starting} while the boot features are being installed. */
    static HealthCheck platformCheck(BooleanSupplier starting) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "platform";
            }

            @Override
            public Result check() {
                return starting.getAsBoolean() ? Result.down(Map.of("starting", true))
                        : Result.up(Map.of("starting", false));
            }
        };
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    /** The checks registered now. */
    List<HealthCheck> current() {
        List<HealthCheck> all = new ArrayList<>();
        all.add(platform);
        Object[] services = tracker.getServices();
        if (services != null) {
            for (Object service : services) {
                all.add((HealthCheck) service);
            }
        }
        return all;
    }
}
