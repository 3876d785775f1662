package vn.congso.training.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.congso.training.internal.store.Jdbc;

/**
 * The one rule of a course's completion, used by the course page, the catalogue, the reports
 * and the certificates alike: a learner has completed a course when enrolled, every lesson is
 * studied and the course's exam (its oldest) is passed ({@link CourseService.Progress#completed()}).
 *
 * <p>A certificate of an exam that belongs to a course says the course was completed, so it is
 * issued only then: passing the exam with lessons left issues nothing, and studying the last
 * lesson afterwards issues it. A standalone exam's certificate says the exam was passed and is
 * issued on passing.
 */
final class Completion {

    private Completion() {
    }

    /**
     * A learner's progress in a course, whoever asks (callers check permissions and visibility).
     *
     * @param c the transaction
     * @param courseId the course
     * @param username the learner
     * @return the progress
     */
    static CourseService.Progress progress(Connection c, long courseId, String username) throws SQLException {
        // one row when enrolled, holding the deadline (which may be null)
        Instant[] enrolment = Jdbc.one(c, "SELECT deadline FROM trn_enrolment WHERE course_id = ? AND username = ?",
                rs -> new Instant[] {Jdbc.instant(rs, "deadline")}, courseId, username);
        Set<Long> viewed = new HashSet<>(Jdbc.list(c, "SELECT v.lesson_id FROM trn_lesson_view v JOIN trn_lesson l"
                + " ON l.id = v.lesson_id WHERE l.course_id = ? AND v.username = ?", rs -> rs.getLong(1), courseId,
                username));
        int lessons = Jdbc.one(c, "SELECT COUNT(*) FROM trn_lesson WHERE course_id = ?", rs -> rs.getInt(1), courseId);
        Long examId = ExamResults.courseExam(c, courseId);
        boolean passed = examId == null || ExamResults.standing(c, examId, username).passed();
        return new CourseService.Progress(courseId, username, enrolment != null, viewed, lessons, passed,
                enrolment == null ? null : enrolment[0]);
    }

    /**
     * Whether passing an exam earns its certificate now: always for a standalone exam; for a
     * course's exam only once the learner, enrolled, has studied every lesson.
     *
     * @param c the transaction
     * @param examId the passed exam
     * @param username the learner
     * @return true when the certificate is due
     */
    static boolean certificateDue(Connection c, long examId, String username) throws SQLException {
        Long courseId = courseOf(c, examId);
        if (courseId == null) {
            return true;
        }
        CourseService.Progress progress = progress(c, courseId, username);
        return progress.enrolled() && progress.lessonsViewed() >= progress.lessonCount();
    }

    /**
     * Issues the certificates a learner has earned in a course and not yet received: called
     * when a lesson is studied, so that the last lesson after a passed exam completes the course.
     *
     * @param c the transaction
     * @param issuer the certificate issuer
     * @param courseId the course
     * @param username the learner
     * @param now the time of issue
     * @return the codes issued, usually none
     */
    static List<String> issueDue(Connection c, CertificateIssuer issuer, long courseId, String username, Instant now)
            throws SQLException {
        List<String> codes = new ArrayList<>();
        for (long examId : Jdbc.list(c, "SELECT id FROM trn_exam WHERE course_id = ? ORDER BY id",
                rs -> rs.getLong(1), courseId)) {
            ExamResults.Standing standing = ExamResults.standing(c, examId, username);
            if (!standing.passed() || !certificateDue(c, examId, username)) {
                continue;
            }
            Long attemptId = Jdbc.one(c, "SELECT id FROM trn_attempt WHERE exam_id = ? AND username = ?"
                    + " AND passed = ? ORDER BY percentage DESC, id DESC", rs -> rs.getLong(1), examId, username,
                    true);
            if (attemptId == null) {
                continue;
            }
            String code = issuer.issueIfDue(c, attemptId, examId, username, standing.percentage().orElse(0), now);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Long courseOf(Connection c, long examId) throws SQLException {
        return Jdbc.one(c, "SELECT course_id FROM trn_exam WHERE id = ?", rs -> Jdbc.nullableLong(rs, "course_id"),
                examId);
    }
}
