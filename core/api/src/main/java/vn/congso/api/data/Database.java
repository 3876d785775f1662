package vn.congso.api.data;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform database, handed to each bundle only after that bundle's own Liquibase
 * changelog has been applied. The service is bundle-scoped: when a bundle's migration fails,
 * that bundle gets no service (its components stay unsatisfied), the failure is recorded in
 * the platform's migration status (the plugins screen shows it), and every other bundle keeps running.
 *
 * <p>Reference it with {@code @Reference Database database}; use prepared statements and
 * portable SQL (the same changelogs run on Derby and PostgreSQL). Store times as UTC
 * {@code TIMESTAMP}s.
 */
@ProviderType
public interface Database {

    /**
     * Manifest header naming a bundle's Liquibase changelog, a path inside the bundle such as
     * {@code db/changelog.xml}.
     */
    String CHANGELOG_HEADER = "CongSo-Changelog";

    /**
     * The pooled data source of the platform database.
     *
     * @return the data source
     */
    DataSource dataSource();

    /**
     * The database product, for the rare statement that must differ between Derby and
     * PostgreSQL, such as {@code "Apache Derby"} or {@code "PostgreSQL"}.
     *
     * @return the product name
     */
    String productName();
}
