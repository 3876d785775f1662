/**
 * How the platform writes dates, times and percentages, and the words of Vaadin's date and
 * time pickers, once for every screen and PDF, so that a page shows one format per language.
 */
@Version("1.0.0")
package vn.congso.api.text;

import org.osgi.annotation.versioning.Version;
