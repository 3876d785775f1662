/**
 * The platform database behind {@link vn.congso.api.data.Database}: per-bundle Liquibase
 * migrations run before a bundle gets the service, their status, and online Derby backups.
 */
package vn.congso.data.internal;
