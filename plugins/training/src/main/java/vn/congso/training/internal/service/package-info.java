/**
 * The training plugin's services: courses and enrolment, the question bank and its imports,
 * exams and attempts, certificates and reports. Views call only these interfaces; every method
 * checks the current user's permission itself, and every change a trainer makes is audited.
 * Refusals are {@link vn.congso.training.internal.TrainingException}s carrying translation keys;
 * a missing permission is {@link vn.congso.api.security.AccessDeniedException}.
 */
package vn.congso.training.internal.service;
