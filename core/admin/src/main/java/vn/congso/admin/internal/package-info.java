/**
 * Plugin administration: validating, dry-running, installing, upgrading, rolling back, stopping,
 * starting and removing plugin bundles at runtime, with trust checks and audit.
 */
package vn.congso.admin.internal;
