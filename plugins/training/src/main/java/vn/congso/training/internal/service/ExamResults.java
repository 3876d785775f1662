package vn.congso.training.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalDouble;
import vn.congso.training.internal.exam.AttemptScore;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.store.Jdbc;

/** The result that counts for a learner in an exam, under the exam's grading method. */
public final class ExamResults {

    /**
     * A learner's counting result.
     *
     * @param percentage the counting percentage; empty before any graded attempt
     * @param passed whether it passes the exam's pass mark
     */
    public record Standing(OptionalDouble percentage, boolean passed) {
    }

    private ExamResults() {
    }

    /**
     * A learner's counting result in an exam.
     *
     * @param c an open connection
     * @param examId the exam
     * @param username the learner
     * @return the standing; no percentage before any graded attempt
     * @throws SQLException on database errors
     */
    public static Standing standing(Connection c, long examId, String username) throws SQLException {
        Object[] exam = Jdbc.one(c, "SELECT grading_method, pass_mark FROM trn_exam WHERE id = ?",
                rs -> new Object[] {GradingMethod.valueOf(rs.getString(1)), rs.getDouble(2)}, examId);
        if (exam == null) {
            return new Standing(OptionalDouble.empty(), false);
        }
        List<Double> percentages = Jdbc.list(c, "SELECT percentage FROM trn_attempt WHERE exam_id = ? AND username = ?"
                + " AND percentage IS NOT NULL ORDER BY submitted_at, attempt_no", rs -> rs.getDouble(1),
                examId, username);
        OptionalDouble counting = ((GradingMethod) exam[0]).finalPercentage(percentages);
        return new Standing(counting, counting.isPresent()
                && AttemptScore.passes(counting.getAsDouble(), (Double) exam[1]));
    }

    /**
     * The exam that counts for a course's completion (its oldest).
     *
     * @param c an open connection
     * @param courseId the course
     * @return the exam's id, or null when the course has none
     * @throws SQLException on database errors
     */
    public static Long courseExam(Connection c, long courseId) throws SQLException {
        return Jdbc.one(c, "SELECT MIN(id) FROM trn_exam WHERE course_id = ?", rs -> {
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        }, courseId);
    }
}
