package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.ScreenStatus;

/** What the administrator is told when a component fails. */
class HealthProbeTest {

    @Test
    void namesTheRootCauseNotTheReflectionWrapper() {
        String failure = "java.lang.reflect.InvocationTargetException\n\tat a.b(C.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: no licence key\n\tat x.Y.<init>(Y.java:9)\n";
        assertEquals("java.lang.IllegalStateException: no licence key", HealthProbe.rootCause(failure));
        assertEquals("java.lang.RuntimeException: boom", HealthProbe.rootCause("java.lang.RuntimeException: boom\n\tat a"));
    }

    @Test
    void aPluginsBrokenScreensAreHealthCausesWithTheRouteAndTheCause() {
        Problem duplicate = HealthProbe.screenProblem(new ScreenStatus.Problem(ScreenStatus.Kind.DUPLICATE_ROUTE,
                "training", "congso-plugin-training"));
        assertEquals("plugin.health.screen-duplicate-route", duplicate.key());
        assertEquals(List.of("training", "congso-plugin-training"), duplicate.args());
        assertEquals("plugin.health.screen-provider-failed", HealthProbe.screenProblem(new ScreenStatus.Problem(
                ScreenStatus.Kind.PROVIDER_FAILED, "", "java.lang.IllegalStateException: x")).key());
        assertTrue(HealthProbe.isFinal(Health.failed(List.of(duplicate))),
                "an install whose screens clash is not waited for: it is rolled back");
        assertFalse(HealthProbe.isFinal(Health.failed(List.of(Problem.of("plugin.health.component-unsatisfied", "c", "r")))));
    }

    @Test
    void aFailingContributionMakesAnActiveBundleUnhealthyWithItsCause() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> Bundle.ACTIVE;
                    case "getSymbolicName" -> "congso-plugin-demo";
                    case "getBundleId" -> 42L;
                    default -> null;
                });
        ServiceComponentRuntime scr = (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> List.<ComponentDescriptionDTO>of();
                    default -> null;
                });
        MigrationStatus migrations = (MigrationStatus) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MigrationStatus.class}, (proxy, method, args) -> java.util.Optional.empty());
        assertEquals(Health.OK, new HealthProbe(scr, migrations).check(bundle));
        Problem cause = Problem.of("plugin.health.indicator-failed", "demo.count", "IllegalStateException: boom");
        Health health = new HealthProbe(scr, migrations, b -> b.getBundleId() == 42L ? List.of(cause) : List.of())
                .check(bundle);
        assertEquals(List.of(cause), health.causes());
        assertEquals(false, health.healthy());
        assertEquals(false, HealthProbe.isFinal(health), "a failing indicator may recover; it is no reason to roll back at once");
    }
}
