package vn.congso.data.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.data.internal.DerbyBackupService;

/**
 * {@code congso:backups}: the backups in the backup directory, newest first, one name a line —
 * the names {@code bin/congso-restore} accepts.
 */
@Service
@Command(scope = "congso", name = "backups", description = "List the database backups, newest first")
public class BackupsCommand implements Action {

    @Reference
    private DerbyBackupService backupService;

    @Override
    public Object execute() throws Exception {
        System.out.println("Backup directory: " + backupService.root().toAbsolutePath());
        for (String name : backupService.backups()) {
            System.out.println(name);
        }
        return null;
    }
}
