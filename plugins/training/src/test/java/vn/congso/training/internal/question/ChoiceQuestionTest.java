package vn.congso.training.internal.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.Problem;

class ChoiceQuestionTest {

    private static final ChoiceQuestion SINGLE = new ChoiceQuestion(Prompt.of("Phím tắt để sao chép?"), true,
            List.of(Choice.of("Ctrl+C", 1), Choice.of("Ctrl+V", 0), Choice.of("Ctrl+Insert", 0.5)));

    private static final ChoiceQuestion MULTIPLE = new ChoiceQuestion(Prompt.of("Trình duyệt web nào?"), false,
            List.of(Choice.of("Firefox", 0.5), Choice.of("Chrome", 0.5), Choice.of("Excel", -1),
                    Choice.of("Word", -0.25)));

    @Test
    void overLongTextsAreNamedWithTheirLimit() {
        String longText = "x".repeat(vn.congso.training.internal.TextLimits.QUESTION_TEXT + 1);
        String longAnswer = "a".repeat(vn.congso.training.internal.TextLimits.ANSWER + 1);
        ChoiceQuestion question = new ChoiceQuestion(new Prompt("n".repeat(300), longText, TextFormat.PLAIN, ""), true,
                List.of(Choice.of(longAnswer, 1), Choice.of("Ctrl+V", 0)));
        assertEquals(List.of("training.question.name-too-long", "training.question.text-too-long",
                "training.question.answer-too-long"), question.validate().stream().map(Problem::key).toList());
    }

    @Test
    void singleChoiceEarnsTheChosenOptionsWeight() {
        assertEquals(1, SINGLE.score(new Response.Selection(Set.of(0))));
        assertEquals(0, SINGLE.score(new Response.Selection(Set.of(1))));
        assertEquals(0.5, SINGLE.score(new Response.Selection(Set.of(2))));
        assertEquals(0, SINGLE.score(new Response.Selection(Set.of(0, 1))), "two options in a single choice");
        assertEquals(0, SINGLE.score(null));
        assertEquals(QuestionType.SINGLE_CHOICE, SINGLE.type());
    }

    @Test
    void multipleChoiceGivesPartialCreditAndNeverLessThanZero() {
        assertEquals(1, MULTIPLE.score(new Response.Selection(Set.of(0, 1))));
        assertEquals(0.5, MULTIPLE.score(new Response.Selection(Set.of(1))));
        assertEquals(0.75, MULTIPLE.score(new Response.Selection(Set.of(0, 1, 3))), 1e-12);
        assertEquals(0, MULTIPLE.score(new Response.Selection(Set.of(0, 2))), "0.5 - 1 is floored at 0");
        assertEquals(0, MULTIPLE.score(new Response.Selection(Set.of())));
        assertEquals(QuestionType.MULTIPLE_CHOICE, MULTIPLE.type());
    }

    @Test
    void thirdsAddUpToTheFullMark() {
        ChoiceQuestion thirds = new ChoiceQuestion(Prompt.of("Ba thiết bị nhập?"), false,
                List.of(Choice.of("Bàn phím", 0.3333333), Choice.of("Chuột", 0.3333333),
                        Choice.of("Máy quét", 0.3333333), Choice.of("Loa", -1)));
        assertEquals(List.of(), thirds.validate());
        assertEquals(1, thirds.score(new Response.Selection(Set.of(0, 1, 2))));
    }

    @Test
    void aResponseOfAnotherKindIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> SINGLE.score(new Response.Truth(true)));
        assertThrows(IllegalArgumentException.class, () -> SINGLE.score(new Response.Selection(Set.of(7))));
    }

    @Test
    void validQuestionsHaveNoProblems() {
        assertEquals(List.of(), SINGLE.validate());
        assertEquals(List.of(), MULTIPLE.validate());
    }

    @Test
    void emptyAndDuplicateOptionsAreNamed() {
        ChoiceQuestion question = new ChoiceQuestion(Prompt.of(" "), true,
                List.of(Choice.of("Có", 1), Choice.of("  ", 0), Choice.of("có ", 0)));
        assertEquals(List.of(Problem.of("training.question.text-empty"),
                Problem.of("training.question.answer-empty", 2),
                Problem.of("training.question.answer-duplicate", "có")), question.validate());
    }

    @Test
    void singleChoiceNeedsAnOptionWorthTheFullMark() {
        ChoiceQuestion question = new ChoiceQuestion(Prompt.of("?"), true,
                List.of(Choice.of("A", 0.5), Choice.of("B", 0)));
        assertEquals(List.of(Problem.of("training.question.no-correct-answer")), question.validate());
    }

    @Test
    void multipleChoiceWeightsMustAddUpToOneHundredPercent() {
        ChoiceQuestion tooLittle = new ChoiceQuestion(Prompt.of("?"), false,
                List.of(Choice.of("A", 0.5), Choice.of("B", 0.25), Choice.of("C", -0.5)));
        assertEquals(List.of(Problem.of("training.question.weights-sum", 75.0)), tooLittle.validate());
        ChoiceQuestion noneRight = new ChoiceQuestion(Prompt.of("?"), false,
                List.of(Choice.of("A", 0), Choice.of("B", -0.5)));
        assertEquals(List.of(Problem.of("training.question.no-correct-answer")), noneRight.validate());
    }

    @Test
    void weightsOutsideMinusToPlusOneHundredAndTooFewOptionsAreRefused() {
        ChoiceQuestion question = new ChoiceQuestion(Prompt.of("?"), true, List.of(Choice.of("A", 1.5)));
        assertEquals(List.of(Problem.of("training.question.too-few-choices", 2),
                Problem.of("training.question.weight-out-of-range", 150.0),
                Problem.of("training.question.no-correct-answer")), question.validate());
    }
}
