/**
 * The CongSo plugin contract's UI-neutral core: what the platform offers every plugin
 * (translations, the current user, the manifest headers it reads). Screens are in
 * {@link vn.congso.api.ui}, the only package that names Vaadin types for views.
 *
 * <p>Everything here is exchanged as OSGi services so that starting a bundle adds its
 * contributions and stopping it removes them, with no restart.
 */
@Version("2.0.0")
package vn.congso.api;

import org.osgi.annotation.versioning.Version;
