/** Exam rules: settings, random question draw, option shuffling, attempt timing and grading. */
package vn.congso.training.internal.exam;
