/** The plugin administration screen. */
package vn.congso.admin.internal.ui;
