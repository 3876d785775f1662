package vn.congso.training.internal.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;

class QuestionDrawTest {

    private static final Map<String, List<Integer>> BANK = Map.of(
            "Máy tính cơ bản", IntStream.rangeClosed(1, 10).boxed().toList(),
            "An toàn thông tin", IntStream.rangeClosed(101, 105).boxed().toList());

    private static final List<DrawRule> RULES = List.of(new DrawRule("Máy tính cơ bản", 4),
            new DrawRule("An toàn thông tin", 5));

    @Test
    void drawsTheRequestedNumberOfDistinctQuestionsPerCategory() {
        List<Integer> drawn = QuestionDraw.draw(BANK, RULES, new Random(7));
        assertEquals(9, drawn.size());
        assertEquals(9, new HashSet<>(drawn).size());
        assertTrue(drawn.subList(0, 4).stream().allMatch(id -> id <= 10));
        assertEquals(Set.of(101, 102, 103, 104, 105), new HashSet<>(drawn.subList(4, 9)));
    }

    @Test
    void theSameSeedDrawsTheSameQuestionsInTheSameOrder() {
        assertEquals(QuestionDraw.draw(BANK, RULES, new Random(2026)), QuestionDraw.draw(BANK, RULES,
                new Random(2026)));
        Set<List<Integer>> draws = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            draws.add(QuestionDraw.draw(BANK, RULES, new Random(seed)));
        }
        assertTrue(draws.size() > 10, "different seeds give different draws");
    }

    @Test
    void everyQuestionOfTheCategoryCanBeDrawn() {
        Set<Integer> seen = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            seen.addAll(QuestionDraw.draw(BANK, List.of(new DrawRule("Máy tính cơ bản", 1)), random));
        }
        assertEquals(10, seen.size());
    }

    @Test
    void askingForMoreThanACategoryHoldsNamesEveryShortCategory() {
        TrainingException refused = assertThrows(TrainingException.class, () -> QuestionDraw.draw(BANK,
                List.of(new DrawRule("Máy tính cơ bản", 11), new DrawRule("An toàn thông tin", 5),
                        new DrawRule("Chữ ký số", 2)), new Random(1)));
        assertEquals(List.of(Problem.of("training.draw.not-enough", "Máy tính cơ bản", 11, 10),
                Problem.of("training.draw.not-enough", "Chữ ký số", 2, 0)), refused.problems());
        assertThrows(IllegalArgumentException.class, () -> new DrawRule("Máy tính cơ bản", 0));
    }

    @Test
    void optionOrderIsAReproduciblePermutation() {
        List<Integer> order = OptionOrder.shuffled(5, 99, 3);
        assertEquals(Set.of(0, 1, 2, 3, 4), new HashSet<>(order));
        assertEquals(order, OptionOrder.shuffled(5, 99, 3), "a resumed attempt shows the same order");
        Set<List<Integer>> orders = new HashSet<>();
        for (int position = 0; position < 20; position++) {
            orders.add(OptionOrder.shuffled(5, 99, position));
        }
        assertTrue(orders.size() > 10, "questions of one attempt are shuffled differently");
        assertNotEquals(OptionOrder.shuffled(8, 1, 0), OptionOrder.shuffled(8, 2, 0));
        assertEquals(List.of(), OptionOrder.shuffled(0, 1, 0));
    }
}
