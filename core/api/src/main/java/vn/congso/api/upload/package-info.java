/**
 * Receiving files from people, with the limits on the server: a stream is spooled to a
 * temporary file and refused as soon as it passes its size limit, its content is checked by
 * what it is (UTF-8 text, well-formed XML with the expected root, magic bytes against an
 * allow-list) rather than by the browser's word, and a Vaadin {@code Upload} gets a handler and
 * translated texts that do all of this.
 */
@Version("1.1.0")
package vn.congso.api.upload;

import org.osgi.annotation.versioning.Version;
