/** The conference domain without a database: points, recurrence, conflict rules, calendar files. */
package vn.congso.conference.internal.domain;
