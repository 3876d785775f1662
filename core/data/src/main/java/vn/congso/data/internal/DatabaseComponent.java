package vn.congso.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.data.Database;
import vn.congso.core.spi.MigrationStatus;

/**
 * Publishes {@link Database} as a bundle-scoped service factory once the platform data source
 * is there (pax-jdbc-config makes it from {@code etc/org.ops4j.datasource-congso.cfg}). DS
 * cannot declare a {@code ServiceFactory} with per-bundle logic of our own, so this component
 * registers it itself; when the data source goes away, so does {@link Database}, and with it
 * every component that uses it.
 */
@Component(immediate = true)
public class DatabaseComponent {

    /** The data source every bundle shares. */
    static final String DATA_SOURCE_TARGET = "(osgi.jndi.service.name=congso)";

    private final Logger log = LoggerFactory.getLogger(DatabaseComponent.class);
    private final ServiceRegistration<?> registration;

    /**
     * Registers the factory.
     *
     * @param context this bundle's context
     * @param dataSource the platform data source
     * @param registry where migrations are recorded
     * @throws SQLException when the database cannot be reached
     */
    @Activate
    public DatabaseComponent(BundleContext context,
            @Reference(target = DATA_SOURCE_TARGET) DataSource dataSource,
            @Reference MigrationRegistry registry) throws SQLException {
        String productName;
        try (Connection connection = dataSource.getConnection()) {
            productName = connection.getMetaData().getDatabaseProductName();
        }
        Database database = new BundleDatabase(dataSource, productName);
        DatabaseServiceFactory factory = new DatabaseServiceFactory(database,
                new LiquibaseMigrator(dataSource, Clock.systemUTC()), registry);
        // core/data's own table (changelog digests) first, by the same mechanism as plugins.
        factory.migrate(context.getBundle()).ifPresent(own -> {
            if (own.state() != MigrationStatus.State.MIGRATED) {
                throw new IllegalStateException("core/data's own schema did not migrate: " + own.message());
            }
        });
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("database.product", productName);
        props.put(Constants.SERVICE_DESCRIPTION, "CongSo platform database, migrated per bundle");
        registration = context.registerService(Database.class.getName(), factory, props);
        log.info("Database service ready on {}", productName);
    }

    /** Withdraws the service; bundles using it lose it. */
    @Deactivate
    public void deactivate() {
        registration.unregister();
    }
}
