package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.question.Response;

class AnswersTest {

    @Test
    void emptyResponsesAreNotAnswers() {
        assertFalse(Answers.isAnswered(null));
        assertFalse(Answers.isAnswered(new Response.Selection(Set.of())));
        assertFalse(Answers.isAnswered(new Response.Text("   ")));
        assertFalse(Answers.isAnswered(new Response.Matches(Map.of(0, " "))));
        assertFalse(Answers.isAnswered(new Response.Number(Double.NaN)));
        assertTrue(Answers.isAnswered(new Response.Truth(false)));
        assertTrue(Answers.isAnswered(new Response.Number(0)));
        assertTrue(Answers.isAnswered(new Response.Matches(Map.of(1, "Excel"))));
    }

    @Test
    void theSubmitConfirmationListsTheQuestionsLeftUnanswered() {
        List<Response> responses = Arrays.asList(new Response.Truth(true), null, new Response.Text(""),
                new Response.Selection(Set.of(2)), null, null, null, new Response.Number(1));
        List<Integer> unanswered = Answers.unanswered(responses);
        assertEquals(List.of(2, 3, 5, 6, 7), unanswered);
        assertEquals("2, 3, 5–7", Answers.ranges(unanswered));
        assertEquals("1, 4, 8", Answers.ranges(List.of(1, 4, 8)));
        assertEquals("", Answers.ranges(List.of()));
    }

    @Test
    void flaggedQuestionsAreNumberedFromOne() {
        assertEquals(List.of(1, 10), Answers.flagged(12, Set.of(0, 9)));
    }

    @Test
    void anUnansweredQuestionIsNotCalledWrong() {
        assertEquals(Answers.Verdict.UNANSWERED, Answers.verdict(null, 0, 1));
        assertEquals(Answers.Verdict.UNANSWERED, Answers.verdict(new Response.Text(" "), 0, 1));
        assertEquals(Answers.Verdict.UNANSWERED, Answers.verdict(new Response.Selection(Set.of()), Double.NaN, 1));
        assertEquals(Answers.Verdict.INCORRECT, Answers.verdict(new Response.Truth(false), 0, 1));
        assertEquals(Answers.Verdict.PARTIAL, Answers.verdict(new Response.Selection(Set.of(1)), 0.5, 1));
        assertEquals(Answers.Verdict.CORRECT, Answers.verdict(new Response.Number(99.37), 2, 2));
        assertEquals(Answers.Verdict.UNGRADED, Answers.verdict(new Response.Number(1), Double.NaN, 1));
        assertEquals("unanswered", Answers.Verdict.UNANSWERED.tone());
        assertEquals("neutral", Answers.Verdict.UNGRADED.tone());
    }
}
