package vn.congso.training.internal.exam;

import java.util.Objects;

/**
 * How many questions an exam draws from one category of the bank.
 *
 * @param category the category's path
 * @param count how many questions to draw, at least 1
 */
public record DrawRule(String category, int count) {

    /** Checks the parts. */
    public DrawRule {
        Objects.requireNonNull(category, "category");
        if (count < 1) {
            throw new IllegalArgumentException("draw at least one question, not " + count);
        }
    }
}
