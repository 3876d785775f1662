package vn.congso.training.internal.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Moodle's per-question statistics over the graded attempts of an exam: the facility index
 * (how easy the question was) and the discrimination index (whether learners who did well on
 * the rest of the exam also did well on this question).
 */
public final class QuestionStatistics {

    private QuestionStatistics() {
    }

    /**
     * One attempt's result on the question.
     *
     * @param score share of the question's mark earned, from 0 to 1
     * @param restOfExam marks earned on the attempt's other questions
     */
    public record Sample(double score, double restOfExam) {
    }

    /**
     * The facility index: the mean score as a percentage, 100 when everybody was right.
     *
     * @param samples one per graded attempt that held the question
     * @return the index; empty without attempts
     */
    public static OptionalDouble facilityIndex(List<Sample> samples) {
        OptionalDouble mean = samples.stream().mapToDouble(Sample::score).average();
        return mean.isPresent() ? OptionalDouble.of(mean.getAsDouble() * 100) : mean;
    }

    /**
     * The discrimination index: 100 times the correlation between the question's score and the
     * marks on the rest of the exam. Near 100 the question separates strong from weak learners;
     * near 0 or negative it deserves a second look.
     *
     * @param samples one per graded attempt that held the question
     * @return the index; empty when fewer than two attempts or when either side never varies
     */
    public static OptionalDouble discriminationIndex(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double meanScore = samples.stream().mapToDouble(Sample::score).average().orElseThrow();
        double meanRest = samples.stream().mapToDouble(Sample::restOfExam).average().orElseThrow();
        double covariance = 0;
        double varianceScore = 0;
        double varianceRest = 0;
        for (Sample sample : samples) {
            double score = sample.score() - meanScore;
            double rest = sample.restOfExam() - meanRest;
            covariance += score * rest;
            varianceScore += score * score;
            varianceRest += rest * rest;
        }
        if (varianceScore == 0 || varianceRest == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100 * covariance / Math.sqrt(varianceScore * varianceRest));
    }
}
