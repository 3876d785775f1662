/** The public-services plugin: ui. */
package vn.congso.services.internal.ui;
