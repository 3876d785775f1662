package vn.congso.training.internal.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import vn.congso.training.internal.Problem;

/**
 * A question whose items are each paired with an answer from one shared list. Every correctly
 * matched item earns an equal share of the mark.
 *
 * @param prompt the question's text
 * @param pairs the items with their answers, and any distractors
 */
public record MatchingQuestion(Prompt prompt, List<MatchPair> pairs) implements Question {

    /** The fewest items a matching question may have. */
    public static final int MIN_ITEMS = 2;

    /** Checks and copies the parts. */
    public MatchingQuestion {
        Objects.requireNonNull(prompt, "prompt");
        pairs = List.copyOf(pairs);
    }

    @Override
    public QuestionType type() {
        return QuestionType.MATCHING;
    }

    /** @return the distinct answers a learner chooses from, in stored order */
    public List<String> answerOptions() {
        return List.copyOf(new LinkedHashSet<>(pairs.stream().map(MatchPair::answer).toList()));
    }

    @Override
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        Rules.requireText(prompt, problems);
        List<String> items = pairs.stream().filter(pair -> !pair.isDistractor()).map(MatchPair::item).toList();
        if (items.size() < MIN_ITEMS) {
            problems.add(Problem.of("training.question.too-few-pairs", MIN_ITEMS));
        }
        Rules.requireDistinctTexts(items, text -> Texts.comparable(text, false, false), problems);
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).answer().isEmpty()) {
                problems.add(Problem.of("training.question.answer-empty", i + 1));
            }
        }
        return problems;
    }

    @Override
    public double score(Response response) {
        if (response == null) {
            return 0;
        }
        if (!(response instanceof Response.Matches matches)) {
            throw Rules.wrongResponse(this, response);
        }
        int items = 0;
        int correct = 0;
        for (int i = 0; i < pairs.size(); i++) {
            MatchPair pair = pairs.get(i);
            if (!pair.isDistractor()) {
                items++;
                if (pair.answer().equals(Texts.clean(matches.answers().get(i)))) {
                    correct++;
                }
            }
        }
        return items == 0 ? 0 : (double) correct / items;
    }
}
