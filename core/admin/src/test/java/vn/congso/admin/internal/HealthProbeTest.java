package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
