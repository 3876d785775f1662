package vn.congso.training.internal.question;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.congso.training.internal.Problem;

/**
 * A question answered with a number. Several values may be accepted, each with a tolerance
 * and a weight (for instance the exact value for the full mark, a rounded one for half).
 *
 * @param prompt the question's text
 * @param answers the accepted values
 */
public record NumericalQuestion(Prompt prompt, List<NumericAnswer> answers) implements Question {

    /** Checks and copies the parts. */
    public NumericalQuestion {
        Objects.requireNonNull(prompt, "prompt");
        answers = List.copyOf(answers);
    }

    @Override
    public QuestionType type() {
        return QuestionType.NUMERICAL;
    }

    @Override
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        Rules.requireText(prompt, problems);
        Set<NumericAnswer> seen = new HashSet<>();
        for (NumericAnswer answer : answers) {
            if (!Double.isFinite(answer.value()) || !Double.isFinite(answer.tolerance())) {
                problems.add(Problem.of("training.question.not-a-number"));
            } else if (answer.tolerance() < 0) {
                problems.add(Problem.of("training.question.negative-tolerance", answer.tolerance()));
            }
            if (!seen.add(NumericAnswer.of(answer.value(), answer.tolerance(), 0))) {
                problems.add(Problem.of("training.question.answer-duplicate", answer.value()));
            }
            Rules.requireWeightWithin(answer.fraction(), 0, problems);
        }
        Rules.requireFullMarkAnswer(answers.stream().map(NumericAnswer::fraction).toList(), problems);
        return problems;
    }

    /**
     * Finds the accepted value a typed number matches, for scoring and feedback.
     *
     * @param number the learner's number
     * @return the best-weighted accepted value that matches
     */
    public Optional<NumericAnswer> match(double number) {
        return answers.stream().filter(answer -> answer.accepts(number))
                .max((a, b) -> Double.compare(a.fraction(), b.fraction()));
    }

    @Override
    public double score(Response response) {
        if (response == null) {
            return 0;
        }
        if (!(response instanceof Response.Number number)) {
            throw Rules.wrongResponse(this, response);
        }
        return match(number.value()).map(answer -> Rules.clamp(answer.fraction())).orElse(0.0);
    }
}
