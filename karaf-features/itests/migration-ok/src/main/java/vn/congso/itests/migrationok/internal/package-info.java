/** A test component that uses the database only once its bundle's changelog has been applied. */
package vn.congso.itests.migrationok.internal;
