package vn.congso.training.internal.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.Problem;

class TypedAnswerQuestionsTest {

    private static ShortAnswerQuestion capital(boolean caseSensitive, boolean ignoreDiacritics) {
        return new ShortAnswerQuestion(Prompt.of("Thủ đô của Việt Nam?"), caseSensitive, ignoreDiacritics,
                List.of(TextAnswer.of("Hà Nội", 1), TextAnswer.of("Thăng Long", 0.5)));
    }

    @Test
    void shortAnswersIgnoreCaseAndExtraSpaces() {
        ShortAnswerQuestion question = capital(false, false);
        assertEquals(1, question.score(new Response.Text("  hà   NỘI ")));
        assertEquals(0.5, question.score(new Response.Text("thăng long")));
        assertEquals(0, question.score(new Response.Text("Ha Noi")), "diacritics count unless ignored");
        assertEquals(0, question.score(new Response.Text("")));
        assertEquals(0, question.score(null));
    }

    @Test
    void diacriticsCanBeIgnoredIncludingTheLetterD() {
        ShortAnswerQuestion question = capital(false, true);
        assertEquals(1, question.score(new Response.Text("ha noi")));
        assertEquals(1, question.score(new Response.Text("HA NOI")));
        assertEquals(0.5, question.score(new Response.Text("Thang Long")));
        assertEquals("dang nhap", Texts.comparable("Đăng   nhập", false, true));
        assertEquals("Đăng nhập", Texts.comparable(" Đăng\tnhập ", true, false));
    }

    @Test
    void caseSensitiveAnswersNeedTheRightCase() {
        ShortAnswerQuestion question = capital(true, false);
        assertEquals(1, question.score(new Response.Text("Hà Nội")));
        assertEquals(0, question.score(new Response.Text("hà nội")));
    }

    @Test
    void answersThatCompareEqualAreDuplicates() {
        ShortAnswerQuestion question = new ShortAnswerQuestion(Prompt.of("Hệ điều hành?"), false, true,
                List.of(TextAnswer.of("Windows", 0.5), TextAnswer.of("windows", 0.5), TextAnswer.of("", 1)));
        assertEquals(List.of(Problem.of("training.question.answer-duplicate", "windows"),
                Problem.of("training.question.answer-empty", 3)), question.validate());
        ShortAnswerQuestion noFullMark = new ShortAnswerQuestion(Prompt.of("?"), false, false,
                List.of(TextAnswer.of("a", 0.5)));
        assertEquals(List.of(Problem.of("training.question.no-correct-answer")), noFullMark.validate());
    }

    @Test
    void numbersMatchWithinTheirTolerance() {
        NumericalQuestion question = new NumericalQuestion(Prompt.of("Số pi?"),
                List.of(NumericAnswer.of(3.14, 0.01, 1), NumericAnswer.of(3, 0.5, 0.5)));
        assertEquals(1, question.score(new Response.Number(3.15)), "the boundary is inside");
        assertEquals(1, question.score(new Response.Number(3.13)));
        assertEquals(0.5, question.score(new Response.Number(3.2)));
        assertEquals(0.5, question.score(new Response.Number(2.5)));
        assertEquals(0, question.score(new Response.Number(2.49)));
        assertEquals(List.of(), question.validate());
    }

    @Test
    void numericalRulesAreChecked() {
        NumericalQuestion question = new NumericalQuestion(Prompt.of("?"),
                List.of(NumericAnswer.of(2, -1, 0.5), NumericAnswer.of(2, -1, 0.25)));
        assertEquals(List.of(Problem.of("training.question.negative-tolerance", -1.0),
                Problem.of("training.question.negative-tolerance", -1.0),
                Problem.of("training.question.answer-duplicate", 2.0),
                Problem.of("training.question.no-correct-answer")), question.validate());
    }

    @Test
    void trueFalseScoresTheRightJudgement() {
        TrueFalseQuestion question = TrueFalseQuestion.of("Mật khẩu nên dùng chung cho mọi tài khoản.", false);
        assertEquals(1, question.score(new Response.Truth(false)));
        assertEquals(0, question.score(new Response.Truth(true)));
        assertEquals(List.of(), question.validate());
        assertThrows(IllegalArgumentException.class, () -> question.score(new Response.Text("sai")));
    }

    @Test
    void matchingGivesEachCorrectPairItsShare() {
        MatchingQuestion question = new MatchingQuestion(Prompt.of("Ghép phím tắt với chức năng"),
                List.of(new MatchPair("Ctrl+C", "Sao chép"), new MatchPair("Ctrl+V", "Dán"),
                        new MatchPair("Ctrl+Z", "Hoàn tác"), new MatchPair("", "In")));
        assertEquals(List.of("Sao chép", "Dán", "Hoàn tác", "In"), question.answerOptions());
        assertEquals(1, question.score(new Response.Matches(Map.of(0, "Sao chép", 1, "Dán", 2, "Hoàn tác"))));
        assertEquals(2.0 / 3, question.score(new Response.Matches(Map.of(0, "Sao chép", 1, "Dán", 2, "In"))));
        assertEquals(1.0 / 3, question.score(new Response.Matches(Map.of(1, "Dán"))));
        assertEquals(List.of(), question.validate());
    }

    @Test
    void matchingNeedsTwoDistinctItemsWithAnswers() {
        MatchingQuestion question = new MatchingQuestion(Prompt.of("?"),
                List.of(new MatchPair("A", ""), new MatchPair("", "x")));
        assertEquals(List.of(Problem.of("training.question.too-few-pairs", 2),
                Problem.of("training.question.answer-empty", 1)), question.validate());
        MatchingQuestion duplicate = new MatchingQuestion(Prompt.of("?"),
                List.of(new MatchPair("A", "1"), new MatchPair("a", "2")));
        assertEquals(List.of(Problem.of("training.question.answer-duplicate", "a")), duplicate.validate());
    }
}
