/** Permissions that plugins declare and check, and the refusal they raise. */
@Version("1.1.0")
package vn.congso.api.security;

import org.osgi.annotation.versioning.Version;
