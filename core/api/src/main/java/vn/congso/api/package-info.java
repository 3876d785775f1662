/**
 * The CongSo plugin contract: what a plugin bundle offers the platform (views, navigation
 * groups) and what the platform offers plugins (translations, the current user).
 *
 * <p>Everything here is exchanged as OSGi services so that starting a bundle adds its
 * contributions and stopping it removes them, with no restart.
 */
@Version("1.5.0")
package vn.congso.api;

import org.osgi.annotation.versioning.Version;
