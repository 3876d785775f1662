/** The shell's internals: embedded Jetty and Vaadin, and the trackers that follow plugins. */
package vn.congso.ui.internal;
