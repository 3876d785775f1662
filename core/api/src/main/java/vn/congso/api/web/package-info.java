/**
 * Links that leave the server (in a PDF, a QR code, an e-mail, a feed): absolute addresses
 * people outside can open, built from the platform's configured public base URL.
 */
@Version("1.0.0")
package vn.congso.api.web;

import org.osgi.annotation.versioning.Version;
