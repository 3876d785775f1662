/** The conference screens: calendar, booking with conflicts, readiness board. */
package vn.congso.conference.internal.ui;
