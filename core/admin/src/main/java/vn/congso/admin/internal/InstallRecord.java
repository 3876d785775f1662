package vn.congso.admin.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * One change made through the plugin service, kept in the platform database.
 *
 * @param symbolicName the plugin's bundle symbolic name
 * @param action what was done: {@code install}, {@code upgrade}, {@code rollback},
 *        {@code auto-rollback}, {@code uninstall}, {@code purge}
 * @param version the version in place after the change (for uninstall and purge, the version removed)
 * @param previousVersion the version before the change, when there was one
 * @param source where it came from: an uploaded file name, {@code feature:<name>/<version>}, or
 *        {@code store} for a rollback
 * @param actor who: a CongSo username, or {@code console:<karaf user>} for the Karaf shell
 * @param at when, UTC
 */
public record InstallRecord(String symbolicName, String action, String version, Optional<String> previousVersion,
        String source, String actor, Instant at) {
}
