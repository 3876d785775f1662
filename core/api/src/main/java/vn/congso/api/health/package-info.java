/**
 * Health checks for monitoring: bundles register {@link vn.congso.api.health.HealthCheck}
 * services (the database, migrations, backups, plugins) and the platform serves their results
 * together as JSON on {@code GET /health}, to loopback callers only.
 */
@Version("1.0.0")
package vn.congso.api.health;

import org.osgi.annotation.versioning.Version;
