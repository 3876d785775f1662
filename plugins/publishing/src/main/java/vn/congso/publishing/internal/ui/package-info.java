/** The publishing plugin's screen: a form that records an entry and the latest entries. */
package vn.congso.publishing.internal.ui;
