/**
 * Text people type and read, by the rules of the page's language: numbers with the Vietnamese
 * decimal comma (or the English point), refused with a translated message when they cannot be
 * read without guessing, and a text field for numbers that applies those rules on every screen;
 * how the platform writes dates, times and percentages, and the words of Vaadin's date and time
 * pickers, once for every screen and PDF, so that a page shows one format per language; and CSV
 * files with formula cells defused ({@link vn.congso.api.text.Csv}, since 1.1).
 */
@Version("1.1.0")
package vn.congso.api.text;

import org.osgi.annotation.versioning.Version;
