/**
 * Messages the platform sends to people: e-mail through the SMTP server configured in
 * {@code etc/vn.congso.notify.cfg}, or, when none is configured or delivery keeps failing, an
 * outbox that administrators read on a screen. UI-neutral.
 */
@Version("1.0.0")
package vn.congso.api.notify;

import org.osgi.annotation.versioning.Version;
