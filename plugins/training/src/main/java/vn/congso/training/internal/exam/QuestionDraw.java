package vn.congso.training.internal.exam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;

/**
 * Draws an attempt's questions at random from the bank. Given a generator seeded with the
 * attempt's stored seed, the draw is the same every time, so a resumed attempt shows the same
 * questions.
 */
public final class QuestionDraw {

    private QuestionDraw() {
    }

    /**
     * Draws questions category by category, in the order of the rules.
     *
     * @param <Q> what identifies a question, for instance its id
     * @param bank each category's questions
     * @param rules how many to draw from which category
     * @param random the source of randomness
     * @return the drawn questions, each category's in random order
     * @throws TrainingException naming every category that holds fewer questions than requested
     */
    public static <Q> List<Q> draw(Map<String, List<Q>> bank, List<DrawRule> rules, RandomGenerator random) {
        List<Problem> problems = new ArrayList<>();
        for (DrawRule rule : rules) {
            int available = bank.getOrDefault(rule.category(), List.of()).size();
            if (rule.count() > available) {
                problems.add(Problem.of("training.draw.not-enough", rule.category(), rule.count(), available));
            }
        }
        if (!problems.isEmpty()) {
            throw new TrainingException(problems);
        }
        List<Q> drawn = new ArrayList<>();
        for (DrawRule rule : rules) {
            drawn.addAll(pick(bank.get(rule.category()), rule.count(), random));
        }
        return drawn;
    }

    /** The first {@code count} steps of a Fisher-Yates shuffle of a copy. */
    private static <Q> List<Q> pick(List<Q> questions, int count, RandomGenerator random) {
        List<Q> pool = new ArrayList<>(questions);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool.size() - i);
            pool.set(j, pool.set(i, pool.get(j)));
        }
        return pool.subList(0, count);
    }
}
