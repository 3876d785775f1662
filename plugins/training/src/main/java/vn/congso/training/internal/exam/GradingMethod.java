package vn.congso.training.internal.exam;

import java.util.List;
import java.util.OptionalDouble;

/** Which of a learner's graded attempts counts for the exam. */
public enum GradingMethod {
    /** The best attempt counts. */
    HIGHEST {
        @Override
        public OptionalDouble finalPercentage(List<Double> percentages) {
            return percentages.stream().mapToDouble(Double::doubleValue).max();
        }
    },
    /** The most recent attempt counts, even when an earlier one was better. */
    LAST {
        @Override
        public OptionalDouble finalPercentage(List<Double> percentages) {
            return percentages.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(percentages.get(percentages.size() - 1));
        }
    };

    /**
     * The result that counts.
     *
     * @param percentages the graded attempts' percentages, in the order they were submitted
     * @return the percentage that counts; empty when no attempt was graded
     */
    public abstract OptionalDouble finalPercentage(List<Double> percentages);
}
