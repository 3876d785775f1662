package vn.congso.admin.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import vn.congso.admin.internal.PluginInfo;
import vn.congso.admin.internal.PluginService;

/** {@code congso:plugin-list}: the plugins, their state and health; with {@code -a} the features not installed. */
@Service
@Command(scope = "congso", name = "plugin-list", description = "List plugins with state and health")
public class PluginListCommand extends PluginCommand {

    @Option(name = "-a", aliases = "--available", description = "List the features available in the repositories instead")
    boolean available;

    @Override
    public Object execute() {
        PluginService service = service();
        ShellTable table = new ShellTable();
        if (available) {
            table.column("Feature");
            table.column("Version");
            table.column("Description");
            // The console speaks English: a plugin's own English description when its jar has one.
            service.availableFeatures().forEach(f -> table.addRow().addContent(f.name(), f.version(),
                    f.description(java.util.Locale.ENGLISH)));
        } else {
            table.column("Id");
            table.column("Plugin");
            table.column("Version");
            table.column("State");
            table.column("Health");
            table.column("Routes");
            table.column("Managed");
            table.column("Rollback to");
            for (PluginInfo p : service.plugins()) {
                table.addRow().addContent(p.bundleId(), p.symbolicName(), p.version(), p.state(),
                        p.health().healthy() ? "ok" : p.health().causes().stream().map(PluginCommand::text)
                                .reduce((a, b) -> a + "; " + b).orElse(""),
                        String.join(",", p.routes()), p.managed() ? "yes" : "no", p.rollbackVersion().orElse(""));
            }
        }
        table.print(System.out);
        System.out.println(service.settings().allowUnsigned() ? "WARNING: unsigned plugins are allowed" : "");
        if (service.trustedSigners().isEmpty()) {
            System.out.println("WARNING: no trusted plugin signer; uploads are refused until one is added (congso:trust-add)");
        }
        return null;
    }
}
