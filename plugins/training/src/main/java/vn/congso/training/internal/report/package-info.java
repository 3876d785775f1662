/** Figures for trainers' reports, computed from graded attempts. */
package vn.congso.training.internal.report;
