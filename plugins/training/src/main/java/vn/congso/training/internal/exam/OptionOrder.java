package vn.congso.training.internal.exam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The order in which an attempt shows a question's options. It is computed from the attempt's
 * stored seed and the question's position, not stored, so a reload shows the same order; it
 * uses {@link Random}, whose algorithm the Java specification fixes, so the order survives JDK
 * upgrades.
 */
public final class OptionOrder {

    /** Spreads consecutive positions over the seed space (the golden-ratio increment). */
    private static final long POSITION_SPREAD = 0x9E3779B97F4A7C15L;

    private OptionOrder() {
    }

    /**
     * The shuffled order of a question's options.
     *
     * @param optionCount how many options the question has
     * @param attemptSeed the attempt's seed
     * @param position the question's 0-based position in the attempt
     * @return for each displayed place, the index of the option shown there
     */
    public static List<Integer> shuffled(int optionCount, long attemptSeed, int position) {
        Random random = new Random(attemptSeed + position * POSITION_SPREAD);
        List<Integer> order = new ArrayList<>(IntStream.range(0, optionCount).boxed().toList());
        for (int i = optionCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        return List.copyOf(order);
    }

    /**
     * The options in the order the trainer wrote them, for exams that do not shuffle.
     *
     * @param optionCount how many options the question has
     * @return 0, 1, … optionCount - 1
     */
    public static List<Integer> asWritten(int optionCount) {
        return IntStream.range(0, optionCount).boxed().toList();
    }
}
