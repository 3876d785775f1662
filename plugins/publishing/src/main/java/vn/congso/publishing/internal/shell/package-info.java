/** Console commands of the publishing plugin. */
package vn.congso.publishing.internal.shell;
