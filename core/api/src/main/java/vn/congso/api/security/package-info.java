/**
 * Permissions that plugins declare and check, the roles and demo accounts they declare, the
 * refusal they raise, and per-address rate limits.
 */
@Version("1.3.0")
package vn.congso.api.security;

import org.osgi.annotation.versioning.Version;
