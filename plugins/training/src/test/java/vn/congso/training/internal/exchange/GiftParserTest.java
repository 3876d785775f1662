package vn.congso.training.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

class GiftParserTest {

    private final GiftParser parser = new GiftParser();

    private Question only(String gift) {
        ImportResult result = parser.parse(gift);
        assertEquals(List.of(), result.errors());
        assertEquals(1, result.questions().size());
        return result.questions().get(0).question();
    }

    private List<ImportError> errors(String gift) {
        ImportResult result = parser.parse(gift);
        assertEquals(List.of(), result.questions(), "a file with errors yields no question");
        return result.errors();
    }

    @Test
    void singleChoiceWithTitleAndFeedback() {
        Question question = only("::Sao chép::Phím tắt nào sao chép?{=Ctrl+C#Đúng ~Ctrl+V#Đó là dán ~Ctrl+X}");
        assertEquals(new ChoiceQuestion(new Prompt("Sao chép", "Phím tắt nào sao chép?", TextFormat.MOODLE, ""),
                true, List.of(new Choice("Ctrl+C", 1, "Đúng"), new Choice("Ctrl+V", 0, "Đó là dán"),
                        Choice.of("Ctrl+X", 0))), question);
    }

    @Test
    void weightedTildeAnswersMakeAMultipleChoiceQuestion() {
        Question question = only("""
                Chọn các trình duyệt web: {
                  ~%50%Firefox
                  ~%50%Chrome
                  ~%-100%Excel
                  ~%-33.33333%Word
                }""");
        assertEquals(new ChoiceQuestion(Prompt.of("Chọn các trình duyệt web:"), false,
                List.of(Choice.of("Firefox", 0.5), Choice.of("Chrome", 0.5), Choice.of("Excel", -1),
                        Choice.of("Word", -0.3333333))), question);
    }

    @Test
    void answersInTheMiddleMakeAMissingWordQuestion() {
        Question question = only("Tệp Word thường có phần mở rộng {=.docx ~.xlsx ~.pptx} khi lưu.");
        assertEquals("Tệp Word thường có phần mở rộng _____ khi lưu.", question.prompt().text());
    }

    @Test
    void trueFalseInEveryWritingWithMoodlesFeedbackOrder() {
        assertEquals(TrueFalseQuestion.of("A", true), only("A{T}"));
        assertEquals(TrueFalseQuestion.of("A", true), only("A{true}"));
        assertEquals(TrueFalseQuestion.of("A", false), only("A{F}"));
        assertEquals(TrueFalseQuestion.of("A", false), only("A{FALSE}"));
        // {answer#shown when wrong#shown when right}
        assertEquals(new TrueFalseQuestion(Prompt.of("Virus lây qua USB."), true, "Chính xác", "Sai rồi"),
                only("Virus lây qua USB.{TRUE#Sai rồi#Chính xác}"));
        assertEquals(new TrueFalseQuestion(Prompt.of("B"), false, "Sai rồi", "Chính xác"),
                only("B{FALSE#Sai rồi#Chính xác}"));
    }

    @Test
    void shortAnswersWithWeightsAndFeedback() {
        assertEquals(new ShortAnswerQuestion(Prompt.of("Thủ đô?"), false, false,
                List.of(new TextAnswer("Hà Nội", 1, "Đúng"), TextAnswer.of("Thăng Long", 0.5))),
                only("Thủ đô?{=Hà Nội#Đúng =%50%Thăng Long}"));
    }

    @Test
    void numericalWithToleranceRangeAndSeveralAnswers() {
        assertEquals(new NumericalQuestion(Prompt.of("Pi?"), List.of(NumericAnswer.of(3.14, 0.01, 1))),
                only("Pi?{#3.14:0.01}"));
        assertEquals(new NumericalQuestion(Prompt.of("Từ 1 đến 5?"), List.of(NumericAnswer.of(3, 2, 1))),
                only("Từ 1 đến 5?{#1..5}"));
        assertEquals(new NumericalQuestion(Prompt.of("Bảy?"), List.of(new NumericAnswer(7, 0, 1, "Đúng"))),
                only("Bảy?{#7#Đúng}"));
        assertEquals(new NumericalQuestion(Prompt.of("Năm?"), List.of(new NumericAnswer(1822, 0, 1, "Chính xác"),
                NumericAnswer.of(1822, 2, 0.5))),
                only("Năm?{#\n=1822:0#Chính xác\n=%50%1822:2\n}"));
    }

    @Test
    void matchingPairs() {
        assertEquals(new MatchingQuestion(Prompt.of("Ghép:"), List.of(new MatchPair("Ctrl+C", "Sao chép"),
                new MatchPair("Ctrl+V", "Dán"), new MatchPair("Ctrl+Z", "Hoàn tác"))),
                only("Ghép:{=Ctrl+C -> Sao chép =Ctrl+V -> Dán =Ctrl+Z -> Hoàn tác}"));
    }

    @Test
    void escapesLineBreaksFormatsAndGeneralFeedback() {
        Question question = only("::Tiêu đề\\: một::[markdown]Dấu \\{ngoặc\\} và \\= \\~ \\# \\\\ và\\ndòng mới"
                + "{=a\\=b#phản hồi\\: tốt ~c ####Nhận xét chung}");
        assertEquals(new ChoiceQuestion(new Prompt("Tiêu đề: một", "Dấu {ngoặc} và = ~ # \\ và\ndòng mới",
                TextFormat.MARKDOWN, "Nhận xét chung"), true,
                List.of(new Choice("a=b", 1, "phản hồi: tốt"), Choice.of("c", 0))), question);
        assertEquals(TextFormat.HTML, only("[html]<b>Đậm</b>{T}").prompt().format());
        assertEquals(TextFormat.PLAIN, only("[plain]x{T}").prompt().format());
        assertEquals(TextFormat.MOODLE, only("[moodle]x{T}").prompt().format());
    }

    @Test
    void commentsCategoriesAndMultiLineQuestions() {
        ImportResult result = parser.parse("""
                // Ngân hàng câu hỏi thử
                $CATEGORY: $course$/top/Tin học/Cơ bản

                ::Q1:: Câu hỏi
                // chú thích giữa câu hỏi
                trên hai dòng {
                =Có
                ~Không
                }


                $CATEGORY: An toàn thông tin
                Q2 {T}
                """);
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(
                new ImportedQuestion("Tin học/Cơ bản", new ChoiceQuestion(
                        new Prompt("Q1", "Câu hỏi\ntrên hai dòng", TextFormat.MOODLE, ""), true,
                        List.of(Choice.of("Có", 1), Choice.of("Không", 0)))),
                new ImportedQuestion("An toàn thông tin", TrueFalseQuestion.of("Q2", true))), result.questions());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() {
        ImportResult result = parser.parse("\uFEFFA{T}\r\n\r\nB{F}\r\n");
        assertEquals(2, result.questions().size());
    }

    @Test
    void errorsNameTheLineOfTheBadTokenAndNothingIsImported() {
        List<ImportError> errors = errors("""
                Good {T}

                Bad weight {
                  =Right
                  ~%abc%Wrong
                }

                Bad number {#3,14}

                ::Unclosed title {T}

                No answers here

                Unclosed {=a ~b

                Empty {}

                Missing arrow {=a -> b =c}

                Stray {text =a}
                """);
        assertEquals(List.of(
                ImportError.atLine(5, "training.gift.bad-weight", "abc"),
                ImportError.atLine(8, "training.gift.bad-number", "3,14"),
                ImportError.atLine(10, "training.gift.unclosed-title"),
                ImportError.atLine(12, "training.gift.no-answer-block"),
                ImportError.atLine(14, "training.gift.unclosed-brace"),
                ImportError.atLine(16, "training.gift.no-answers"),
                ImportError.atLine(18, "training.gift.matching-arrow", "c"),
                ImportError.atLine(20, "training.gift.answer-marker-expected", "text =a")), errors);
    }

    @Test
    void ruleViolationsNameTheLineWhereTheQuestionStarts() {
        List<ImportError> errors = errors("""
                Ok {T}

                // line 4 starts the next question
                Không có đáp án đúng
                {~a ~b}

                Trùng {=a ~A}

                Hai khối {=a} và {=b}

                Lồng {=a {=b}}

                Khoảng {#5..1}
                """);
        assertEquals(List.of(
4, 7, 9, 11, 13), errors.stream().map(ImportError::line).toList());
        assertEquals(List.of(
                Problem.of("training.question.no-correct-answer"),
                Problem.of("training.question.answer-duplicate", "A"),
                Problem.of("training.gift.several-answer-blocks"),
                Problem.of("training.gift.nested-brace"),
                Problem.of("training.gift.bad-range", "5..1")), errors.stream().map(ImportError::problem).toList());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertEquals(List.of(ImportError.atLine(1, "training.import.empty")), errors("// chỉ có chú thích\n\n"));
        assertTrue(parser.parse("A{T}").succeeded());
    }
}
