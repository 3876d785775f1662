/**
 * Text people type, read by the rules of the page's language: numbers with the Vietnamese
 * decimal comma (or the English point), refused with a translated message when they cannot be
 * read without guessing, and a text field for numbers that applies those rules on every screen.
 */
@Version("1.0.0")
package vn.congso.api.text;

import org.osgi.annotation.versioning.Version;
