/**
 * Services that core bundles offer one another and no plugin may use: backups, the migration
 * status of every bundle, and the health of every bundle's screens. The plugin administration
 * refuses a plugin that imports this package (or any {@code vn.congso.core} package).
 */
@Version("1.1.0")
package vn.congso.core.spi;

import org.osgi.annotation.versioning.Version;
