/** The conference services on the platform database: points, bookings, calendars, feeds, readiness. */
package vn.congso.conference.internal.service;
