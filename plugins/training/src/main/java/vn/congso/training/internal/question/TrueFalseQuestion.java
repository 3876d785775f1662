package vn.congso.training.internal.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.congso.training.internal.Problem;

/**
 * A statement the learner judges true or false.
 *
 * @param prompt the statement
 * @param correctAnswer whether the statement is true
 * @param feedbackTrue shown to a learner who answered "true", may be empty
 * @param feedbackFalse shown to a learner who answered "false", may be empty
 */
public record TrueFalseQuestion(Prompt prompt, boolean correctAnswer, String feedbackTrue, String feedbackFalse)
        implements Question {

    /** Checks and normalises the parts. */
    public TrueFalseQuestion {
        Objects.requireNonNull(prompt, "prompt");
        feedbackTrue = Texts.clean(feedbackTrue);
        feedbackFalse = Texts.clean(feedbackFalse);
    }

    /**
     * A true/false question without feedback.
     *
     * @param text the statement
     * @param correctAnswer whether it is true
     * @return the question
     */
    public static TrueFalseQuestion of(String text, boolean correctAnswer) {
        return new TrueFalseQuestion(Prompt.of(text), correctAnswer, "", "");
    }

    @Override
    public QuestionType type() {
        return QuestionType.TRUE_FALSE;
    }

    @Override
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        Rules.requireText(prompt, problems);
        return problems;
    }

    @Override
    public double score(Response response) {
        if (response == null) {
            return 0;
        }
        if (!(response instanceof Response.Truth truth)) {
            throw Rules.wrongResponse(this, response);
        }
        return truth.value() == correctAnswer ? 1 : 0;
    }
}
