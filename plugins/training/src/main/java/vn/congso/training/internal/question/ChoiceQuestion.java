package vn.congso.training.internal.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.congso.training.internal.Problem;

/**
 * A single- or multiple-choice question.
 *
 * <p>Single choice: one option may be chosen and it earns its own weight; one option must be
 * worth the full mark, others may earn part of it. Multiple choice: any options may be chosen,
 * their weights add up and the sum is kept within [0, 1], so negative weights punish guessing
 * without making a question cost more than it is worth; the positive weights must add up to
 * 100 %.
 *
 * @param prompt the question's text
 * @param single whether only one option may be chosen
 * @param choices the options in stored order
 */
public record ChoiceQuestion(Prompt prompt, boolean single, List<Choice> choices) implements Question {

    /** The fewest options a choice question may have. */
    public static final int MIN_CHOICES = 2;

    /** Checks and copies the parts. */
    public ChoiceQuestion {
        Objects.requireNonNull(prompt, "prompt");
        choices = List.copyOf(choices);
    }

    @Override
    public QuestionType type() {
        return single ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE;
    }

    @Override
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        Rules.requireText(prompt, problems);
        if (choices.size() < MIN_CHOICES) {
            problems.add(Problem.of("training.question.too-few-choices", MIN_CHOICES));
        }
        Rules.requireDistinctTexts(choices.stream().map(Choice::text).toList(),
                text -> Texts.comparable(text, false, false), problems);
        choices.forEach(choice -> Rules.requireWeightWithin(choice.fraction(), -1, problems));
        if (single) {
            Rules.requireFullMarkAnswer(choices.stream().map(Choice::fraction).toList(), problems);
        } else {
            double positive = choices.stream().mapToDouble(Choice::fraction).filter(f -> f > 0).sum();
            if (positive == 0) {
                problems.add(Problem.of("training.question.no-correct-answer"));
            } else if (!Rules.isFullMark(positive)) {
                problems.add(Problem.of("training.question.weights-sum", Rules.percent(positive)));
            }
        }
        return problems;
    }

    @Override
    public double score(Response response) {
        if (response == null) {
            return 0;
        }
        if (!(response instanceof Response.Selection selection)) {
            throw Rules.wrongResponse(this, response);
        }
        if (single && selection.choices().size() != 1) {
            return 0;
        }
        double sum = 0;
        for (int index : selection.choices()) {
            if (index < 0 || index >= choices.size()) {
                throw new IllegalArgumentException("no option " + index);
            }
            sum += choices.get(index).fraction();
        }
        return Rules.isFullMark(sum) ? 1 : Rules.clamp(sum);
    }
}
