/** The shell's screens: the application shell, the main layout, the home and not-found pages. */
package vn.congso.ui.internal.ui;
