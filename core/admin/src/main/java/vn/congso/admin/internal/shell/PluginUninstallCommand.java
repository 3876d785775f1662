package vn.congso.admin.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.admin.internal.PluginService;

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
        PluginService service = service();
        if (service.plugin(symbolicName).isPresent()) {
            print(service.uninstall(symbolicName)); // throws unless uninstalled
        } else if (!purge) {
            // Nothing to do is not success: a script that mistyped the name must see it.
            throw new ConsoleRefusal("REFUSED " + symbolicName + ": no such plugin is installed (see congso:plugin-list)");
        }
        if (purge) {
            print(service.purge(symbolicName, confirmed));
        }
        return null;
    }
}
