/** Karaf console commands of the security bundle. */
package vn.congso.security.internal.shell;
