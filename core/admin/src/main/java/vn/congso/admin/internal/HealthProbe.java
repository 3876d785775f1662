package vn.congso.admin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.ScreenStatus;

/**
 * Tells whether a plugin bundle works: it is active, each of its enabled Declarative Services
 * components is active or satisfied (a delayed component is satisfied until first used), and
 * its schema migration did not fail. Failures carry the cause SCR or Liquibase reported.
 */
final class HealthProbe {

    private final ServiceComponentRuntime scr;
    private final MigrationStatus migrations;
    private final Function<Bundle, List<Problem>> contributionProblems;

    HealthProbe(ServiceComponentRuntime scr, MigrationStatus migrations) {
        this(scr, migrations, bundle -> List.of());
    }

    /**
     * @param contributionProblems what the bundle's contributions did wrong at run time, such as a
     *     screen left out or a dashboard indicator that threw or ran over its time
     */
    HealthProbe(ServiceComponentRuntime scr, MigrationStatus migrations,
            Function<Bundle, List<Problem>> contributionProblems) {
        this.scr = scr;
        this.migrations = migrations;
        this.contributionProblems = contributionProblems;
    }

    /**
     * The health of a bundle now.
     *
     * @param bundle the bundle
     * @return its health
     */
    Health check(Bundle bundle) {
        List<Problem> causes = new ArrayList<>();
        if (bundle.getState() != Bundle.ACTIVE) {
            causes.add(Problem.of("plugin.health.not-active", bundle.getSymbolicName(), stateName(bundle.getState())));
        }
        migration(bundle).filter(m -> m.state() == MigrationStatus.State.FAILED)
                .ifPresent(m -> causes.add(Problem.of("plugin.health.migration-failed", m.bundleVersion(), m.message())));
        if (bundle.getState() == Bundle.ACTIVE) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    componentProblem(description, configuration).ifPresent(causes::add);
                }
            }
            causes.addAll(contributionProblems.apply(bundle));
        }
        return causes.isEmpty() ? Health.OK : Health.failed(causes);
    }

    /**
     * Whether an unhealthy bundle cannot recover by waiting: a component threw on activation,
     * its migration failed, or the bundle is not active.
     *
     * @param health a health report
     * @return {@code true} when waiting is pointless
     */
    static boolean isFinal(Health health) {
        return health.causes().stream().map(Problem::key).anyMatch(k -> k.equals("plugin.health.component-failed")
                || k.equals("plugin.health.migration-failed") || k.equals("plugin.health.not-active")
                || k.startsWith("plugin.health.screen-"));
    }

    /** A problem of the bundle's screens as the plugins screen shows it: the route and the cause. */
    static Problem screenProblem(ScreenStatus.Problem problem) {
        String key = switch (problem.kind()) {
            case PROVIDER_FAILED -> "plugin.health.screen-provider-failed";
            case INVALID_ROUTE -> "plugin.health.screen-invalid-route";
            case DUPLICATE_ROUTE -> "plugin.health.screen-duplicate-route";
            case VIEW_FAILED -> "plugin.health.screen-view-failed";
            // Not "screen-": a bundle's texts and permissions may arrive just after its screens,
            // so these are looked at again until the health check's time runs out.
            case MISSING_TEXT -> "plugin.health.contract-missing-text";
            case UNDECLARED_PERMISSION -> "plugin.health.contract-undeclared-permission";
        };
        return Problem.of(key, problem.route(), problem.detail());
    }

    Optional<MigrationStatus.Migration> migration(Bundle bundle) {
        return migrations.migration(bundle.getSymbolicName())
                .filter(m -> m.bundleVersion().equals(bundle.getVersion().toString()));
    }

    private static Optional<Problem> componentProblem(ComponentDescriptionDTO description, ComponentConfigurationDTO c) {
        return switch (c.state) {
            case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED -> Optional.empty();
            case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                Optional.of(Problem.of("plugin.health.component-failed", description.name, rootCause(c.failure)));
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> Optional.of(Problem.of("plugin.health.component-unsatisfied",
                    description.name, Arrays.stream(c.unsatisfiedReferences).map(r -> r.name)
                            .collect(Collectors.joining(", "))));
            default -> Optional.of(Problem.of("plugin.health.component-unconfigured", description.name));
        };
    }

    /**
     * The line of SCR's failure text an administrator needs: the root cause (constructor injection
     * wraps the plugin's exception in InvocationTargetException), else the first line.
     */
    static String rootCause(String failure) {
        if (failure == null) {
            return "";
        }
        String cause = null;
        for (String line : failure.split("\\R")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        if (cause != null) {
            return cause.trim();
        }
        int end = failure.indexOf('\n');
        return (end < 0 ? failure : failure.substring(0, end)).trim();
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
