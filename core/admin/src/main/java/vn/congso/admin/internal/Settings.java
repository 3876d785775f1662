package vn.congso.admin.internal;

/**
 * The plugin service's configuration (PID {@code vn.congso.admin}), as the view shows it.
 *
 * @param allowUnsigned whether unsigned plugins are accepted; the view shows a warning when on
 * @param maxUploadBytes the largest accepted upload
 * @param healthTimeoutSeconds how long a new or upgraded plugin has to become healthy before it
 *        is removed or rolled back
 * @param trustStore the folder of trusted PEM certificates
 */
public record Settings(boolean allowUnsigned, long maxUploadBytes, int healthTimeoutSeconds, String trustStore) {
}
