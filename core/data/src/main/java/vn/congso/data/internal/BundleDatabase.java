package vn.congso.data.internal;

import javax.sql.DataSource;
import vn.congso.api.data.Database;

/** The database as one bundle sees it once its schema is migrated. */
record BundleDatabase(DataSource dataSource, String productName) implements Database {
}
