package vn.congso.admin.internal;

import java.util.List;
import java.util.Optional;
import vn.congso.core.spi.MigrationStatus;

/**
 * A plugin as the plugins view lists it: a non-core bundle that contributes views, permissions
 * or a schema, or any bundle installed through {@link PluginService}.
 *
 * @param bundleId the framework's bundle id (changes when a plugin is reinstalled)
 * @param symbolicName Bundle-SymbolicName
 * @param name Bundle-Name, or the symbolic name when the bundle has none
 * @param version Bundle-Version
 * @param vendor Bundle-Vendor, empty when absent
 * @param state the lifecycle state
 * @param health whether it works, with the causes when it does not
 * @param migration its last schema migration, when it has a changelog
 * @param routes the routes of the views it contributes now
 * @param permissions the permission ids it contributes now
 * @param managed {@code true} when it was installed through this service (upgrade, rollback and
 *        uninstall are offered only then)
 * @param installed the last install record, when managed
 * @param rollbackVersion the previous version kept in the store, to which {@link PluginService#rollback}
 *        returns; empty when there is none
 */
public record PluginInfo(long bundleId, String symbolicName, String name, String version, String vendor,
        PluginState state, Health health, Optional<MigrationStatus.Migration> migration, List<String> routes,
        List<String> permissions, boolean managed, Optional<InstallRecord> installed,
        Optional<String> rollbackVersion) {

    /**
     * Creates the record, copying the lists.
     */
    public PluginInfo {
        routes = List.copyOf(routes);
        permissions = List.copyOf(permissions);
    }
}
