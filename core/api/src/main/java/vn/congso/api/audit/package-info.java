/** The append-only audit log that every login and administrative action goes through. */
@Version("1.1.0")
package vn.congso.api.audit;

import org.osgi.annotation.versioning.Version;
