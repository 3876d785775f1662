package vn.congso.admin.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code congso:plugin-rollback}: Return a plugin to its previous version. */
@Service
@Command(scope = "congso", name = "plugin-rollback", description = "Return a plugin to its previous version")
public class PluginRollbackCommand extends PluginCommand {

    @Argument(index = 0, name = "plugin", required = true, description = "The plugin's bundle symbolic name")
    String symbolicName;

    @Override
    public Object execute() {
        return print(service().rollback(symbolicName));
    }
}
