package vn.congso.training.internal.question;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TextLimits;

/** Validation rules several question types share. */
final class Rules {

    /** How far weights that should add up to 100 % may be off, as a fraction (0.02 percentage points). */
    private static final double SUM_TOLERANCE = 0.0002;

    private Rules() {
    }

    static void requireText(Prompt prompt, List<Problem> problems) {
        if (prompt.text().isEmpty()) {
            problems.add(Problem.of("training.question.text-empty"));
        }
        if (prompt.title().length() > TextLimits.QUESTION_NAME) {
            problems.add(Problem.of("training.question.name-too-long", TextLimits.QUESTION_NAME));
        }
        if (prompt.text().length() > TextLimits.QUESTION_TEXT
                || prompt.generalFeedback().length() > TextLimits.QUESTION_TEXT) {
            problems.add(Problem.of("training.question.text-too-long", TextLimits.QUESTION_TEXT));
        }
    }

    /**
     * Reports empty and duplicate answer texts.
     *
     * @param texts the answer texts in order
     * @param comparable the form in which duplicates are recognised
     */
    static void requireDistinctTexts(List<String> texts, Function<String, String> comparable,
            List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isEmpty()) {
                problems.add(Problem.of("training.question.answer-empty", i + 1));
            } else if (text.length() > TextLimits.ANSWER) {
                problems.add(Problem.of("training.question.answer-too-long", i + 1, TextLimits.ANSWER));
            } else if (!seen.add(comparable.apply(text))) {
                problems.add(Problem.of("training.question.answer-duplicate", text));
            }
        }
    }

    /** Reports a weight outside [min, 1]. */
    static void requireWeightWithin(double fraction, double min, List<Problem> problems) {
        if (!(fraction >= min && fraction <= 1)) {
            problems.add(Problem.of("training.question.weight-out-of-range", percent(fraction)));
        }
    }

    /** Reports the absence of an answer worth the full mark. */
    static void requireFullMarkAnswer(List<Double> fractions, List<Problem> problems) {
        if (fractions.stream().noneMatch(Rules::isFullMark)) {
            problems.add(Problem.of("training.question.no-correct-answer"));
        }
    }

    static boolean isFullMark(double fraction) {
        return Math.abs(fraction - 1) <= SUM_TOLERANCE;
    }

    static double percent(double fraction) {
        return Math.round(fraction * 100_000) / 1000.0;
    }

    /** Limits a score to [0, 1]. */
    static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    static IllegalArgumentException wrongResponse(Question question, Response response) {
        return new IllegalArgumentException(response.getClass().getSimpleName() + " does not answer a "
                + question.type() + " question");
    }
}
