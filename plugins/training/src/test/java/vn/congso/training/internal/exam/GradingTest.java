package vn.congso.training.internal.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;

class GradingTest {

    private static final ChoiceQuestion BROWSERS = new ChoiceQuestion(Prompt.of("Trình duyệt?"), false,
            List.of(Choice.of("Firefox", 0.5), Choice.of("Chrome", 0.5), Choice.of("Excel", -1)));
    private static final TrueFalseQuestion PASSWORD = TrueFalseQuestion.of("Nên đổi mật khẩu định kỳ.", true);

    @Test
    void anAttemptAddsUpItsQuestionsMarks() {
        AttemptScore score = new AttemptScore(List.of(
                QuestionMark.grade(BROWSERS, new Response.Selection(Set.of(0)), 2),
                QuestionMark.grade(PASSWORD, new Response.Truth(true), 1),
                QuestionMark.grade(PASSWORD, null, 1),
                QuestionMark.grade(BROWSERS, new Response.Selection(Set.of(0, 2)), 4)));
        assertEquals(2.0, score.total());
        assertEquals(8.0, score.maximum());
        assertEquals(25.0, score.percentage());
        assertTrue(score.passed(25));
        assertFalse(score.passed(25.01));
        assertEquals(0, new AttemptScore(List.of()).percentage());
    }

    @Test
    void aMarkStaysWithinZeroAndTheQuestionsWorth() {
        assertEquals(1.5, new QuestionMark(3, 0.5).mark());
        assertThrows(IllegalArgumentException.class, () -> new QuestionMark(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new QuestionMark(1, 1.01));
        assertThrows(IllegalArgumentException.class, () -> new QuestionMark(1, -0.01));
    }

    @Test
    void highestOrLastAttemptCounts() {
        List<Double> attempts = List.of(60.0, 85.0, 70.0);
        assertEquals(OptionalDouble.of(85.0), GradingMethod.HIGHEST.finalPercentage(attempts));
        assertEquals(OptionalDouble.of(70.0), GradingMethod.LAST.finalPercentage(attempts));
        assertEquals(OptionalDouble.empty(), GradingMethod.HIGHEST.finalPercentage(List.of()));
        assertEquals(OptionalDouble.empty(), GradingMethod.LAST.finalPercentage(List.of()));
    }

    @Test
    void roundingNoiseJustBelowThePassMarkStillPasses() {
        assertTrue(AttemptScore.passes(69.99999999999, 70));
        assertFalse(AttemptScore.passes(69.99, 70));
    }
}
