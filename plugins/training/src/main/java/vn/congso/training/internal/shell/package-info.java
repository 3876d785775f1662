/** Karaf shell commands of the training plugin, scope {@code congso}. */
package vn.congso.training.internal.shell;
