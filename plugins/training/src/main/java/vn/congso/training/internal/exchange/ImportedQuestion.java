package vn.congso.training.internal.exchange;

import java.util.Objects;
import vn.congso.training.internal.question.Question;

/**
 * A question read from a file, with the category the file put it in.
 *
 * @param category category path relative to the one chosen for the import, segments separated
 *     by {@code /}; empty for the chosen category itself
 * @param question the question, already validated
 */
public record ImportedQuestion(String category, Question question) {

    /** Checks the parts and normalises the category path. */
    public ImportedQuestion {
        category = Categories.normalise(category);
        Objects.requireNonNull(question, "question");
    }
}
