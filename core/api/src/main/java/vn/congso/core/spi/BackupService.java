package vn.congso.core.spi;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Online backups of the embedded database. */
@ProviderType
public interface BackupService {

    /**
     * Makes a consistent online backup into a new dated folder under the backup directory,
     * while the platform keeps serving. Requires the permission {@code platform:backup}.
     *
     * @return the folder holding the backup
     * @throws java.io.IOException when the backup cannot be written
     * @throws UnsupportedOperationException when the database is not the embedded Derby
     */
    Path backup() throws java.io.IOException;
}
