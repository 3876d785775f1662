/** Karaf shell commands ({@code congso:backup}, {@code congso:migrations}) for administrators. */
package vn.congso.data.internal.shell;
