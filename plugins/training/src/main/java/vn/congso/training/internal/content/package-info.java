/** Lesson and question text rendered to HTML that cannot run script. */
package vn.congso.training.internal.content;
