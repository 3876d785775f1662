/** The outbox screen for administrators. */
package vn.congso.notify.internal.ui;
