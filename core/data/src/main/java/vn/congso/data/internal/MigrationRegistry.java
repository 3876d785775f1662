package vn.congso.data.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import vn.congso.core.spi.MigrationStatus;

/** Remembers the last migration of every bundle, for the plugin view and the shell. */
@Component(service = {MigrationStatus.class, MigrationRegistry.class})
public class MigrationRegistry implements MigrationStatus {

    private final Map<String, Migration> lastByBundle = new ConcurrentHashMap<>();

    /**
     * Records a bundle's latest migration, replacing the previous one.
     *
     * @param migration what happened
     */
    void record(Migration migration) {
        lastByBundle.put(migration.bundleSymbolicName(), migration);
    }

    @Override
    public List<Migration> migrations() {
        return List.copyOf(lastByBundle.values());
    }

    @Override
    public Optional<Migration> migration(String bundleSymbolicName) {
        return Optional.ofNullable(lastByBundle.get(bundleSymbolicName));
    }
}
