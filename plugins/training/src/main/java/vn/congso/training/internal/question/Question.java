package vn.congso.training.internal.question;

import java.util.List;
import vn.congso.training.internal.Problem;

/**
 * A question of the bank. Implementations are immutable values: two questions with the same
 * content are equal, which is what the import, export and round-trip checks rely on.
 */
public sealed interface Question
        permits ChoiceQuestion, TrueFalseQuestion, ShortAnswerQuestion, NumericalQuestion, MatchingQuestion {

    /** @return the question's text, title, format and general feedback */
    Prompt prompt();

    /** @return the kind of question */
    QuestionType type();

    /**
     * Checks the question's content, for the editor and the importers.
     *
     * @return every rule the question breaks, in order; empty when it may be saved
     */
    List<Problem> validate();

    /**
     * Scores a response.
     *
     * @param response the learner's response, or null when the question was left unanswered
     * @return the share of the question's mark earned, from 0 to 1
     * @throws IllegalArgumentException when the response belongs to another kind of question
     */
    double score(Response response);
}
