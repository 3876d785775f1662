/**
 * Permissions that plugins declare and check, the roles and demo accounts they declare, the
 * refusal they raise, per-address rate limits, and accounts people create for themselves.
 */
@Version("1.4.0")
package vn.congso.api.security;

import org.osgi.annotation.versioning.Version;
