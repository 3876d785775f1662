package vn.congso.ui.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import vn.congso.api.health.HealthCheck;

/** Follows the {@link HealthCheck} services bundles register, for {@code GET /health}. */
final class HealthChecks {

    private final ServiceTracker<HealthCheck, HealthCheck> tracker;

    HealthChecks(BundleContext context) {
        this.tracker = new ServiceTracker<>(context, HealthCheck.class, null);
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
        Object[] services = tracker.getServices();
        if (services != null) {
            for (Object service : services) {
                all.add((HealthCheck) service);
            }
        }
        return all;
    }
}
