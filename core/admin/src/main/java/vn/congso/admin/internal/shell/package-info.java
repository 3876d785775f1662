/**
 * The Karaf shell twin of the plugins view, scope {@code congso}: thin commands over the same
 * {@link vn.congso.admin.internal.PluginService}, acting as {@code console:<karaf user>}.
 */
package vn.congso.admin.internal.shell;
