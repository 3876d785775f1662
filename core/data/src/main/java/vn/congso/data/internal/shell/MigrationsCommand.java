package vn.congso.data.internal.shell;

import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.MigrationStatus.Migration;

/**
 * {@code congso:migrations}: the last schema migration of every bundle that has one. When a
 * migration failed, the table is printed and the command then fails, naming each one, so a
 * script (for example {@code bin/client -b}) notices.
 */
@Service
@Command(scope = "congso", name = "migrations", description = "List the last schema migration of every bundle")
public class MigrationsCommand implements Action {

    @Reference
    private MigrationStatus migrationStatus;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        table.column("Applied");
        table.column("ms");
        table.column("Message");
        migrationStatus.migrations().stream()
                .sorted(Comparator.comparing(Migration::bundleSymbolicName))
                .forEach(m -> table.addRow().addContent(m.bundleSymbolicName(), m.bundleVersion(), m.state(),
                        m.changesetsApplied(), m.millis(), m.message()));
        table.print(System.out);
        List<String> failed = migrationStatus.migrations().stream()
                .filter(m -> m.state() == MigrationStatus.State.FAILED)
                .sorted(Comparator.comparing(Migration::bundleSymbolicName))
                .map(m -> m.bundleSymbolicName() + " " + m.bundleVersion() + ": " + m.message()).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " migration(s) failed: " + String.join("; ", failed));
        }
        return null;
    }
}
