package vn.congso.data.internal.shell;

import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.data.internal.DerbyBackupService;

/**
 * {@code congso:backup}: an online backup of the database, printing its folder. Whoever holds
 * the Karaf console is an administrator already, so no platform permission is checked; the
 * audit log names the console user.
 */
@Service
@Command(scope = "congso", name = "backup", description = "Back up the database online into a new dated folder")
public class BackupCommand implements Action {

    @Reference
    private DerbyBackupService backupService;

    @Override
    public Object execute() throws Exception {
        Path folder = backupService.backupForConsole(ConsoleActor.current());
        System.out.println(folder.toAbsolutePath());
        return null;
    }
}
