package vn.congso.admin.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code congso:plugin-start}: Start a plugin. */
@Service
@Command(scope = "congso", name = "plugin-start", description = "Start a plugin")
public class PluginStartCommand extends PluginCommand {

    @Argument(index = 0, name = "plugin", required = true, description = "The plugin's bundle symbolic name")
    String symbolicName;

    @Override
    public Object execute() {
        return print(service().start(symbolicName));
    }
}
