package vn.congso.admin.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/** {@code congso:plugin-install}: installs a plugin from a .jar/.kar file or a repository feature; {@code --dry-run} only plans. */
@Service
@Command(scope = "congso", name = "plugin-install", description = "Install a plugin from a .jar or .kar file, or a repository feature")
public class PluginInstallCommand extends PluginCommand {

    @Argument(index = 0, name = "source", required = true, description = "A .jar or .kar file path, or a feature name")
    @Completion(FileCompleter.class)
    String source;

    @Argument(index = 1, name = "version", required = false, description = "The feature version (features only)")
    String version;

    @Option(name = "--dry-run", description = "Only say what would be installed, updated and refreshed")
    boolean dryRun;

    @Override
    public Object execute() throws IOException {
        Path file = Path.of(source);
        if (Files.isRegularFile(file)) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                if (dryRun) {
                    printOrRefuse(service().dryRunInstall(name, in));
                    return null;
                }
                return print(service().install(name, in));
            }
        }
        String v = blankToEmpty(version).orElse("");
        if (dryRun) {
            printOrRefuse(service().dryRunFeature(source, v));
            return null;
        }
        return print(service().installFeature(source, v));
    }
}
