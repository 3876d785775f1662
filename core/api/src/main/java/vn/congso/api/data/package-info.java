/**
 * The platform database as plugins see it. A bundle that carries a Liquibase changelog names
 * it in its manifest ({@link vn.congso.api.data.Database#CHANGELOG_HEADER}); the platform
 * migrates that bundle's schema before handing it the {@link vn.congso.api.data.Database}
 * service, so a component can never see a half-migrated schema.
 */
@Version("2.0.0")
package vn.congso.api.data;

import org.osgi.annotation.versioning.Version;
