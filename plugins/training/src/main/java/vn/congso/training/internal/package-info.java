/** The training plugin's domain, shared by its question bank, exchange formats, exams and views. */
package vn.congso.training.internal;
