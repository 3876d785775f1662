/** The {@code congso:notify-*} console commands. */
package vn.congso.notify.internal.shell;
