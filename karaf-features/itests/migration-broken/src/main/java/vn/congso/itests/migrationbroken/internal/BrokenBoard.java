package vn.congso.itests.migrationbroken.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;

/** Must never activate: its bundle's changelog fails. */
@Component(immediate = true)
public class BrokenBoard {

    /**
     * Would activate with the database; the platform withholds it.
     *
     * @param database the platform database
     */
    @Activate
    public BrokenBoard(@Reference Database database) {
        LoggerFactory.getLogger(BrokenBoard.class).error("BrokenBoard activated although its migration failed");
    }
}
