package vn.congso.training.internal.exam;

import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.Response;

/**
 * What one question of an attempt earned.
 *
 * @param maxMark what the question is worth in this exam, more than 0
 * @param score share of {@code maxMark} earned, from 0 to 1
 */
public record QuestionMark(double maxMark, double score) {

    /** Checks the bounds. */
    public QuestionMark {
        if (!(maxMark > 0) || !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("mark " + score + " of " + maxMark);
        }
    }

    /**
     * Grades a response.
     *
     * @param question the question
     * @param response the learner's response, null when unanswered
     * @param maxMark what the question is worth in this exam
     * @return the question's mark
     */
    public static QuestionMark grade(Question question, Response response, double maxMark) {
        return new QuestionMark(maxMark, question.score(response));
    }

    /** @return the mark earned, from 0 to {@code maxMark} */
    public double mark() {
        return maxMark * score;
    }
}
