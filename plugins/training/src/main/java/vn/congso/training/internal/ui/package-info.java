/** The training plugin's screens: learners' catalogue, lessons, exams and results; trainers' editors and reports. */
package vn.congso.training.internal.ui;
