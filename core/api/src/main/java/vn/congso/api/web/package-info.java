/**
 * Links that leave the server (in a PDF, a QR code, an e-mail, a feed): absolute addresses
 * people outside can open, built from the platform's configured public base URL; and the link
 * previews (Open Graph) of public pages, written into their first HTML response
 * ({@link PagePreviewSource}); files plugins serve to anyone under {@code /pub/} ({@link PublicResourceSource}).
 */
@Version("1.1.0")
package vn.congso.api.web;

import org.osgi.annotation.versioning.Version;
