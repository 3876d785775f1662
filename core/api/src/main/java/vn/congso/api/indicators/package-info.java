/**
 * Indicators that plugins contribute to the platform's dashboard and public summary: what an
 * indicator measures, and its value for a period and an organisational unit. UI-neutral: no
 * Vaadin type appears here, so the contract outlives a change of UI toolkit.
 */
@Version("1.0.0")
package vn.congso.api.indicators;

import org.osgi.annotation.versioning.Version;
