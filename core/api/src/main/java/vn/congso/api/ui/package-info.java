/**
 * The Vaadin-typed part of the plugin contract: the screens a plugin adds and the navigation
 * groups they are listed under. A plugin registers one {@link vn.congso.api.ui.ScreenProvider}
 * service listing its {@link vn.congso.api.ui.Screen}s; a future Vaadin major changes only this
 * package.
 */
@Version("2.1.0")
package vn.congso.api.ui;

import org.osgi.annotation.versioning.Version;
