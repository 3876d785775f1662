/** Permissions that plugins declare and check, the refusal they raise, and per-address rate limits. */
@Version("1.2.0")
package vn.congso.api.security;

import org.osgi.annotation.versioning.Version;
