package vn.congso.training.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

class GiftRoundTripTest {

    private static final String TRICKY = "Ký tự đặc biệt: {} = ~ # \\ ::\nvà dòng thứ hai";

    private static final List<ImportedQuestion> BANK = List.of(
            new ImportedQuestion("", new ChoiceQuestion(new Prompt("Tiêu đề: {x}", TRICKY, TextFormat.HTML,
                    "Chung # = ~"), true, List.of(new Choice("Đúng = phải", 1, "Tốt: lắm"),
                    new Choice("Gần đúng", 0.5, ""), Choice.of("Sai ~ hẳn", 0)))),
            new ImportedQuestion("Tin học/Cơ bản", new ChoiceQuestion(Prompt.of("Chọn các trình duyệt"), false,
                    List.of(Choice.of("Firefox", 0.3333333), Choice.of("Chrome", 0.3333333),
                            Choice.of("Edge", 0.3333334), new Choice("Excel", -1, "Không phải")))),
            new ImportedQuestion("Tin học/Cơ bản", new ChoiceQuestion(Prompt.of("Hai đáp án trọn điểm"), true,
                    List.of(Choice.of("A", 1), Choice.of("B", 1)))),
            new ImportedQuestion("Tin học/Cơ bản", new TrueFalseQuestion(Prompt.of("Đúng hay sai?"), false,
                    "Sai: chưa đúng", "")),
            new ImportedQuestion("Tin học/Cơ bản", TrueFalseQuestion.of("Câu đúng", true)),
            new ImportedQuestion("An toàn", new ShortAnswerQuestion(Prompt.of("Viết tắt của mạng riêng ảo?"),
                    false, false, List.of(new TextAnswer("VPN", 1, "Đúng"), TextAnswer.of("mạng # riêng", 0.5)))),
            new ImportedQuestion("An toàn", new NumericalQuestion(Prompt.of("Số bit của một byte?"),
                    List.of(NumericAnswer.of(8, 0, 1)))),
            new ImportedQuestion("An toàn", new NumericalQuestion(Prompt.of("Khoảng?"),
                    List.of(new NumericAnswer(0.2, 0.09999999999999999, 1, "Trong khoảng"),
                            NumericAnswer.of(-1.5e-3, 0.25, 0.5)))),
            new ImportedQuestion("", new MatchingQuestion(new Prompt("", "Ghép", TextFormat.MARKDOWN, ""),
                    List.of(new MatchPair("Ctrl+C", "Sao chép"), new MatchPair("Ctrl+V", "Dán: ={}"),
                            new MatchPair("", "In")))));

    @Test
    void exportedQuestionsReadBackEqual() {
        String gift = new GiftExporter().export(BANK);
        ImportResult result = new GiftParser().parse(gift);
        assertEquals(List.of(), result.errors(), gift);
        assertEquals(BANK, result.questions(), gift);
    }

    @Test
    void theExportIsReadableGift() {
        String gift = new GiftExporter().export(List.of(BANK.get(4), BANK.get(6)));
        assertEquals("""
                $CATEGORY: Tin học/Cơ bản

                Câu đúng {TRUE}

                $CATEGORY: An toàn

                Số bit của một byte? {#8:0}

                """, gift);
    }
}
