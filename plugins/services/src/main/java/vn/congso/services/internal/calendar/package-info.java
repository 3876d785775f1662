/** The public-services plugin: calendar. */
package vn.congso.services.internal.calendar;
