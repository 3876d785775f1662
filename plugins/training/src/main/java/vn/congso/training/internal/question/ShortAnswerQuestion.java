package vn.congso.training.internal.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.congso.training.internal.Problem;

/**
 * A question answered by typing a word or phrase. Typed and accepted answers are compared with
 * white space collapsed, by default ignoring letter case and, when asked, ignoring Vietnamese
 * diacritics, since learners type on keyboards without a Vietnamese input method.
 *
 * @param prompt the question's text
 * @param caseSensitive whether letter case must match
 * @param ignoreDiacritics whether "Ha Noi" matches "Hà Nội"
 * @param answers the accepted answers, each with its weight
 */
public record ShortAnswerQuestion(Prompt prompt, boolean caseSensitive, boolean ignoreDiacritics,
        List<TextAnswer> answers) implements Question {

    /** Checks and copies the parts. */
    public ShortAnswerQuestion {
        Objects.requireNonNull(prompt, "prompt");
        answers = List.copyOf(answers);
    }

    @Override
    public QuestionType type() {
        return QuestionType.SHORT_ANSWER;
    }

    @Override
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        Rules.requireText(prompt, problems);
        Rules.requireDistinctTexts(answers.stream().map(TextAnswer::text).toList(), this::comparable, problems);
        answers.forEach(answer -> Rules.requireWeightWithin(answer.fraction(), 0, problems));
        Rules.requireFullMarkAnswer(answers.stream().map(TextAnswer::fraction).toList(), problems);
        return problems;
    }

    /**
     * Finds the accepted answer a typed text matches, for scoring and feedback.
     *
     * @param typed what the learner typed
     * @return the best-weighted accepted answer that matches
     */
    public Optional<TextAnswer> match(String typed) {
        String candidate = comparable(typed);
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        TextAnswer best = null;
        for (TextAnswer answer : answers) {
            if (comparable(answer.text()).equals(candidate) && (best == null || answer.fraction() > best.fraction())) {
                best = answer;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public double score(Response response) {
        if (response == null) {
            return 0;
        }
        if (!(response instanceof Response.Text text)) {
            throw Rules.wrongResponse(this, response);
        }
        return match(text.value()).map(answer -> Rules.clamp(answer.fraction())).orElse(0.0);
    }

    private String comparable(String text) {
        return Texts.comparable(text, caseSensitive, ignoreDiacritics);
    }
}
