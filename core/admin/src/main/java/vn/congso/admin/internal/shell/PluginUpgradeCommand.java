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

/** {@code congso:plugin-upgrade}: upgrades a plugin from a newer .jar; a failing version is rolled back automatically. */
@Service
@Command(scope = "congso", name = "plugin-upgrade", description = "Upgrade a plugin to a newer version from a .jar file")
public class PluginUpgradeCommand extends PluginCommand {

    @Argument(index = 0, name = "file", required = true, description = "The new version's .jar")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--dry-run", description = "Only say what would be updated and refreshed")
    boolean dryRun;

    @Override
    public Object execute() throws IOException {
        Path path;
        try {
            path = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConsoleRefusal("REFUSED: not a valid path: " + e.getMessage());
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConsoleRefusal("REFUSED: " + path.toAbsolutePath() + " is not a readable .jar file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            if (dryRun) {
                printOrRefuse(service().dryRunUpgrade(path.getFileName().toString(), in));
                return null;
            }
            return print(service().upgrade(path.getFileName().toString(), in));
        }
    }
}
