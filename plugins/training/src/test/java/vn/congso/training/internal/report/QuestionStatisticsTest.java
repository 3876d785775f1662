package vn.congso.training.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.report.QuestionStatistics.Sample;

class QuestionStatisticsTest {

    private static final List<Sample> SEPARATING = List.of(new Sample(1, 4), new Sample(1, 3), new Sample(0, 2),
            new Sample(0, 1));

    @Test
    void facilityIsTheMeanScoreAsAPercentage() {
        assertEquals(50.0, QuestionStatistics.facilityIndex(SEPARATING).getAsDouble());
        assertEquals(75.0, QuestionStatistics.facilityIndex(List.of(new Sample(1, 0), new Sample(0.5, 0)))
                .getAsDouble());
        assertEquals(OptionalDouble.empty(), QuestionStatistics.facilityIndex(List.of()));
    }

    @Test
    void discriminationIsTheCorrelationWithTheRestOfTheExam() {
        // cov 0.5, var 0.25 and 1.25: 0.5 / sqrt(0.3125) = 0.894427...
        assertEquals(89.4427191, QuestionStatistics.discriminationIndex(SEPARATING).getAsDouble(), 1e-6);
        List<Sample> reversed = List.of(new Sample(0, 4), new Sample(0, 3), new Sample(1, 2), new Sample(1, 1));
        assertEquals(-89.4427191, QuestionStatistics.discriminationIndex(reversed).getAsDouble(), 1e-6);
    }

    @Test
    void discriminationIsUndefinedWithoutVariation() {
        assertEquals(OptionalDouble.empty(), QuestionStatistics.discriminationIndex(List.of(new Sample(1, 3))));
        assertEquals(OptionalDouble.empty(), QuestionStatistics.discriminationIndex(
                List.of(new Sample(1, 3), new Sample(1, 1))), "everybody right");
        assertEquals(OptionalDouble.empty(), QuestionStatistics.discriminationIndex(
                List.of(new Sample(1, 2), new Sample(0, 2))), "same rest of exam");
    }
}
