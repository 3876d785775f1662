package vn.congso.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.health.HealthCheck;

/**
 * The {@code database} health check: a connection from the pool answers a validity check, and
 * how long that took. Reports the product name and SQL state only: never the URL, the user or
 * the driver's message (which may hold either).
 */
@Component(service = HealthCheck.class)
public class DatabaseHealthCheck implements HealthCheck {

    private static final int VALIDITY_SECONDS = 2;
    private final Logger log = LoggerFactory.getLogger(DatabaseHealthCheck.class);
    private final DataSource dataSource;

    /**
     * Creates the check.
     *
     * @param dataSource the platform data source
     */
    @Activate
    public DatabaseHealthCheck(@Reference(target = DatabaseComponent.DATA_SOURCE_TARGET) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDITY_SECONDS);
            details.put("reachable", valid);
            details.put("responseMillis", (System.nanoTime() - start) / 1_000_000);
            details.put("product", connection.getMetaData().getDatabaseProductName());
            return valid ? Result.up(details) : Result.down(details);
        } catch (SQLException e) {
            log.warn("Health check: the database is not reachable: {}", e.getMessage());
            details.put("reachable", false);
            details.put("responseMillis", (System.nanoTime() - start) / 1_000_000);
            details.put("sqlState", String.valueOf(e.getSQLState()));
            return Result.down(details);
        }
    }
}
