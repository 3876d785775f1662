/** The conference plugin: connection points, meetings and their series, calendars and readiness. */
package vn.congso.conference.internal;
