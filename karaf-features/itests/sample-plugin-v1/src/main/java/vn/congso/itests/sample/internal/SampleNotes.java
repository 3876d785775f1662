package vn.congso.itests.sample.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.data.Database;

/**
 * Uses the platform database, so the plugin's schema is migrated when it starts (the Database
 * service is handed out only after the bundle's changelog ran).
 */
@Component(service = SampleNotes.class, immediate = true)
public class SampleNotes {

    private final Database database;

    /**
     * Creates the component.
     *
     * @param database the migrated platform database
     */
    @Activate
    public SampleNotes(@Reference Database database) {
        this.database = database;
    }

    /**
     * The database this plugin writes to.
     *
     * @return the database
     */
    public Database database() {
        return database;
    }
}
