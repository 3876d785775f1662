/** Organisational units over time: which units existed when, their successors after a reorganisation, and people's unit history. */
@Version("1.0.0")
package vn.congso.api.units;

import org.osgi.annotation.versioning.Version;
