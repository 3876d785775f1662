package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.congso.api.health.HealthCheck;

class PluginHealthCheckTest {

    private static PluginInfo plugin(String name, PluginState state, Health health) {
        return new PluginInfo(7, name, name, "1.0.0", "", state, health, Optional.empty(), List.of(), List.of(), false,
                Optional.empty(), Optional.empty());
    }

    @Test
    void listsEveryPluginAndIsUpWhenNoneFailed() {
        HealthCheck.Result result = PluginHealthCheck.evaluate(List.of(plugin("vn.congso.training", PluginState.ACTIVE,
                Health.OK), plugin("vn.example.stopped", PluginState.STOPPED, Health.OK)));
        assertEquals(HealthCheck.Status.UP, result.status());
        assertEquals("[{plugin=vn.congso.training, version=1.0.0, state=ACTIVE, healthy=true}, "
                + "{plugin=vn.example.stopped, version=1.0.0, state=STOPPED, healthy=true}]",
                result.details().get("plugins").toString());
    }

    @Test
    void aFailedPluginMakesItDownWithTheCauseKeyButNotTheExceptionText() {
        Health broken = Health.failed(List.of(Problem.of("plugin.health.component-failed", "vn.example.Broken",
                "java.io.FileNotFoundException: /home/congso/secret.cfg")));
        HealthCheck.Result result = PluginHealthCheck.evaluate(List.of(plugin("vn.example", PluginState.FAILED, broken)));
        assertEquals(HealthCheck.Status.DOWN, result.status());
        String text = result.details().toString();
        assertEquals(true, text.contains("plugin.health.component-failed"), text);
        assertFalse(text.contains("secret.cfg"), text);
    }
}
