package vn.congso.training.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.training.internal.Problem;
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

class MoodleXmlParserTest {

    private static ImportResult parse(String xml) throws IOException {
        return new MoodleXmlParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String quiz(String questions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "\n</quiz>";
    }

    private static String question(String type, String body) {
        return "<question type=\"" + type + "\"><name><text>Q</text></name>"
                + "<questiontext format=\"html\"><text><![CDATA[<p>Câu hỏi</p>]]></text></questiontext>"
                + body + "</question>";
    }

    private static final Prompt PROMPT = new Prompt("Q", "<p>Câu hỏi</p>", TextFormat.HTML, "");

    @Test
    void everyTypeWithCategoriesFeedbackAndCdata() throws IOException {
        ImportResult result = parse(quiz("""
                <question type="category"><category><text>$course$/top/Tin học</text></category></question>
                <question type="multichoice">
                  <name><text>Sao chép</text></name>
                  <questiontext format="moodle_auto_format"><text>Phím tắt sao chép?</text></questiontext>
                  <generalfeedback format="html"><text>Ctrl là phím điều khiển</text></generalfeedback>
                  <single>true</single>
                  <answer fraction="100"><text>Ctrl+C</text><feedback><text>Đúng</text></feedback></answer>
                  <answer fraction="0"><text>Ctrl+V</text></answer>
                </question>
                """ + question("multichoice", """
                  <single>false</single>
                  <answer fraction="50"><text>A</text></answer>
                  <answer fraction="50"><text>B</text></answer>
                  <answer fraction="-100"><text>C</text></answer>
                """) + question("truefalse", """
                  <answer fraction="0"><text>true</text><feedback><text>Sai</text></feedback></answer>
                  <answer fraction="100"><text>false</text><feedback><text>Đúng</text></feedback></answer>
                """) + question("shortanswer", """
                  <usecase>1</usecase>
                  <answer fraction="100"><text>Hà Nội</text></answer>
                  <answer fraction="50"><text>Thăng Long</text></answer>
                """) + "<question type=\"category\"><category><text>$course$/top/Số</text></category></question>"
                + question("numerical", """
                  <answer fraction="100"><text>3.14</text><tolerance>0.01</tolerance></answer>
                  <answer fraction="0"><text>*</text><feedback><text>Sai</text></feedback></answer>
                """) + question("matching", """
                  <subquestion><text>Ctrl+C</text><answer><text>Sao chép</text></answer></subquestion>
                  <subquestion><text>Ctrl+V</text><answer><text>Dán</text></answer></subquestion>
                  <subquestion><text></text><answer><text>In</text></answer></subquestion>
                """)));
        assertEquals(List.of(), result.errors());
        assertEquals(List.of(
                new ImportedQuestion("Tin học", new ChoiceQuestion(new Prompt("Sao chép", "Phím tắt sao chép?",
                        TextFormat.MOODLE, "Ctrl là phím điều khiển"), true,
                        List.of(new Choice("Ctrl+C", 1, "Đúng"), Choice.of("Ctrl+V", 0)))),
                new ImportedQuestion("Tin học", new ChoiceQuestion(PROMPT, false,
                        List.of(Choice.of("A", 0.5), Choice.of("B", 0.5), Choice.of("C", -1)))),
                new ImportedQuestion("Tin học", new TrueFalseQuestion(PROMPT, false, "Sai", "Đúng")),
                new ImportedQuestion("Tin học", new ShortAnswerQuestion(PROMPT, true, false,
                        List.of(TextAnswer.of("Hà Nội", 1), TextAnswer.of("Thăng Long", 0.5)))),
                new ImportedQuestion("Số", new NumericalQuestion(PROMPT, List.of(NumericAnswer.of(3.14, 0.01, 1)))),
                new ImportedQuestion("Số", new MatchingQuestion(PROMPT, List.of(new MatchPair("Ctrl+C", "Sao chép"),
                        new MatchPair("Ctrl+V", "Dán"), new MatchPair("", "In"))))), result.questions());
    }

    @Test
    void errorsNameTheElementAndNothingIsImported() throws IOException {
        ImportResult result = parse(quiz(question("truefalse", """
                  <answer fraction="100"><text>true</text></answer>
                  <answer fraction="0"><text>false</text></answer>
                """) + "<question type=\"category\"><category><text>x</text></category></question>"
                + question("multichoice", """
                  <answer fraction="abc"><text>A</text></answer>
                """) + question("essay", "") + question("numerical", """
                  <answer fraction="100"><text>ba</text></answer>
                """) + question("shortanswer", """
                  <answer fraction="100"><text>a</text></answer>
                  <answer fraction="50"><text>A</text></answer>
                """) + "<question type=\"multichoice\"><name><text>x</text></name></question>"));
        assertEquals(List.of(), result.questions());
        assertEquals(List.of(
                ImportError.atElement("question #3 <answer>", "training.import.xml.bad-fraction", "abc"),
                ImportError.atElement("question #4", "training.import.xml.unsupported-type", "essay"),
                ImportError.atElement("question #5 <answer>", "training.import.xml.bad-number", "ba"),
                new ImportError(0, "question #6", Problem.of("training.question.answer-duplicate", "A")),
                ImportError.atElement("question #7", "training.import.xml.missing-element", "questiontext")),
                result.errors());
    }

    @Test
    void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "mat-khau-bi-mat");
        ImportResult result = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<quiz>" + question("truefalse",
                        "<answer fraction=\"100\"><text>true</text><feedback><text>&x;</text></feedback></answer>")
                + "</quiz>");
        assertEquals(List.of(), result.questions());
        ImportError error = result.errors().get(0);
        assertEquals("training.import.xml.malformed", error.problem().key());
        assertEquals(2, error.problem().args().get(0), "the DOCTYPE's line");
        assertTrue(result.errors().stream().noneMatch(e -> e.problem().toString().contains("mat-khau")));
    }

    @Test
    void malformedXmlAndOtherRootsAreRefused() throws IOException {
        ImportResult broken = parse("<quiz>\n<question type=\"truefalse\">\n</quiz>");
        assertEquals("training.import.xml.malformed", broken.errors().get(0).problem().key());
        assertEquals(3, broken.errors().get(0).problem().args().get(0));
        assertEquals(List.of(ImportError.atElement("html", "training.import.xml.not-quiz")),
                parse("<html/>").errors());
        assertEquals(List.of(ImportError.atElement("quiz", "training.import.empty")), parse("<quiz/>").errors());
    }

    @Test
    void aQuestionTextWithoutFormatIsMoodlesAutoFormat() throws IOException {
        ImportResult result = parse(quiz("<question type=\"truefalse\"><questiontext><text>Đúng?</text>"
                + "</questiontext><answer fraction=\"100\"><text>true</text></answer></question>"));
        assertEquals(List.of(new ImportedQuestion("", TrueFalseQuestion.of("Đúng?", true))), result.questions());
    }
}
