/** The portal's public views and the editorial screens. */
package vn.congso.publishing.internal.ui;
