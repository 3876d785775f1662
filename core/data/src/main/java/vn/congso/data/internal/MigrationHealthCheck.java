package vn.congso.data.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.api.health.HealthCheck;

/**
 * The {@code migrations} health check: the last schema migration of every installed bundle
 * that has one. Down when the migration of an installed bundle's current version failed (that
 * bundle gets no database); a failure of a version since replaced or uninstalled no longer
 * counts. Liquibase's message stays out (it can quote SQL and paths): see {@code congso:migrations}.
 */
@Component(service = HealthCheck.class)
public class MigrationHealthCheck implements HealthCheck {

    private final BundleContext context;
    private final MigrationStatus migrations;

    /**
     * Creates the check.
     *
     * @param context this bundle's context, to tell installed bundles from gone ones
     * @param migrations every bundle's last migration
     */
    @Activate
    public MigrationHealthCheck(BundleContext context, @Reference MigrationStatus migrations) {
        this.context = context;
        this.migrations = migrations;
    }

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public Result check() {
        return evaluate(migrations.migrations(), context.getBundles());
    }

    /**
     * The result for these migrations and installed bundles.
     *
     * @param all every recorded migration
     * @param installed the installed bundles
     * @return down when an installed bundle's migration failed
     */
    static Result evaluate(List<Migration> all, Bundle[] installed) {
        List<Map<String, Object>> bundles = new ArrayList<>();
        boolean failed = false;
        for (Migration m : all.stream().sorted(Comparator.comparing(Migration::bundleSymbolicName)).toList()) {
            if (!isInstalled(m, installed)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("bundle", m.bundleSymbolicName());
            entry.put("version", m.bundleVersion());
            entry.put("state", m.state().name());
            entry.put("changesetsApplied", m.changesetsApplied());
            entry.put("finishedAt", m.finishedAt().toString());
            bundles.add(entry);
            failed |= m.state() == MigrationStatus.State.FAILED;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bundles", bundles);
        return failed ? Result.down(details) : Result.up(details);
    }

    private static boolean isInstalled(Migration m, Bundle[] installed) {
        for (Bundle b : installed) {
            if (m.bundleSymbolicName().equals(b.getSymbolicName()) && m.bundleVersion().equals(b.getVersion().toString())
                    && b.getState() != Bundle.UNINSTALLED) {
                return true;
            }
        }
        return false;
    }
}
