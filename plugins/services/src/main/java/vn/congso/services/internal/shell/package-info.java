/** Karaf console commands of the services plugin ({@code congso:services-*}). */
package vn.congso.services.internal.shell;
