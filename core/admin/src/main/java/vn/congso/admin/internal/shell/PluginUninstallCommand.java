package vn.congso.admin.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.admin.internal.ActionResult;

/**
 * {@code congso:plugin-uninstall}: uninstalls a plugin and keeps its data; {@code --purge --yes-delete-data}
 * then drops its tables. {@code --purge} alone is refused, so data is never lost by one mistyped flag.
 */
@Service
@Command(scope = "congso", name = "plugin-uninstall", description = "Uninstall a plugin, keeping its data unless --purge --yes-delete-data")
public class PluginUninstallCommand extends PluginCommand {

    @Argument(index = 0, name = "plugin", required = true, description = "The plugin's bundle symbolic name")
    String symbolicName;

    @Option(name = "--purge", description = "Also drop the plugin's tables (needs --yes-delete-data)")
    boolean purge;

    @Option(name = "--yes-delete-data", description = "Confirms that --purge deletes the plugin's data for good")
    boolean confirmed;

    @Override
    public Object execute() {
        ActionResult result = service().plugin(symbolicName).isPresent() ? service().uninstall(symbolicName) : null;
        if (result != null) {
            print(result);
            if (!result.succeeded()) {
                return null;
            }
        }
        if (purge) {
            print(service().purge(symbolicName, confirmed));
        }
        return null;
    }
}
