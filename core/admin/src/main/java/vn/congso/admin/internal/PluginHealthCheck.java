package vn.congso.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.health.HealthCheck;

/**
 * The {@code plugins} health check: every plugin the plugins screen lists, with its state and
 * whether it works (the same {@link HealthProbe} verdict). Down when a plugin that should run
 * has {@link PluginState#FAILED}; a plugin an administrator stopped is not a fault. Causes are
 * given as translation keys only (their arguments can quote exception text).
 */
@Component(service = HealthCheck.class)
public class PluginHealthCheck implements HealthCheck {

    private final PluginService plugins;

    /**
     * Creates the check; it reads the plugin list as the platform itself, not as a user.
     *
     * @param plugins the plugin service
     */
    @Activate
    public PluginHealthCheck(@Reference PluginService plugins) {
        this.plugins = plugins.forConsole("health-check");
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public Result check() {
        return evaluate(plugins.plugins());
    }

    /**
     * The result for a list of plugins.
     *
     * @param all the plugins
     * @return down when one has failed
     */
    static Result evaluate(List<PluginInfo> all) {
        List<Map<String, Object>> listed = new ArrayList<>();
        boolean failed = false;
        for (PluginInfo p : all) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("plugin", p.symbolicName());
            entry.put("version", p.version());
            entry.put("state", p.state().name());
            entry.put("healthy", p.health().healthy());
            if (!p.health().healthy()) {
                entry.put("causes", p.health().causes().stream().map(Problem::key).toList());
            }
            listed.add(entry);
            failed |= p.state() == PluginState.FAILED;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plugins", listed);
        return failed ? Result.down(details) : Result.up(details);
    }
}
