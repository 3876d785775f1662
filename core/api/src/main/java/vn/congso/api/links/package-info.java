/**
 * Links between plugins without a dependency between them: a plugin publishes the things
 * other plugins may point at (an online procedure, an article, a course) as a
 * {@link vn.congso.api.links.LinkSource}; another plugin finds and resolves them by kind, and
 * shows nothing when no source of that kind is installed. UI-neutral.
 */
@Version("1.0.0")
package vn.congso.api.links;

import org.osgi.annotation.versioning.Version;
