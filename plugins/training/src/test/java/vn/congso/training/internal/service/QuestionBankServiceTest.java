package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exchange.ImportedQuestion;
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
import vn.congso.training.internal.service.QuestionBankService.ImportFormat;
import vn.congso.training.internal.service.QuestionBankService.ImportPreview;

/** The question bank on a real database: storage of every type, versions, all-or-nothing imports. */
class QuestionBankServiceTest {

    @TempDir
    Path folder;

    private TrainingFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    private ImportPreview gift(String text, String category) throws IOException {
        return f.bank.preview(ImportFormat.GIFT, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                category);
    }

    @Test
    void aBinaryFileNamedGiftIsRefusedAtItsLineAndImportsNothing() throws IOException {
        byte[] binary = "::Một::Câu đúng {T}\n\n\u0000\u0001PK".getBytes(StandardCharsets.UTF_8);
        ImportPreview preview = f.bank.preview(ImportFormat.GIFT, new ByteArrayInputStream(binary), "Tin học");
        assertFalse(preview.succeeded());
        assertEquals(1, preview.errors().size());
        assertEquals("upload.refused.not-text", preview.errors().get(0).problem().key());
        assertEquals(3, preview.errors().get(0).line());
        assertTrue(preview.questions().isEmpty());
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingReadToTheEnd() throws IOException {
        long[] read = {0};
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                read[0] += len;
                return len;
            }
        };
        ImportPreview preview = f.bank.preview(ImportFormat.GIFT, endless, "Tin học");
        assertEquals("upload.refused.too-large", preview.errors().get(0).problem().key());
        assertEquals(QuestionBankService.MAX_IMPORT_BYTES + 1, read[0]);
        read[0] = 0;
        ImportPreview xml = f.bank.preview(ImportFormat.MOODLE_XML, new java.io.SequenceInputStream(
                new ByteArrayInputStream("<quiz><!--".getBytes(StandardCharsets.UTF_8)), endless), "Tin học");
        assertFalse(xml.succeeded());
        assertEquals("upload.refused.too-large", xml.errors().get(0).problem().key());
        assertTrue(read[0] <= QuestionBankService.MAX_IMPORT_BYTES + 1, "read " + read[0]);
    }

    @Test
    void everyQuestionTypeReadsBackEqual() {
        List<Question> questions = List.of(
                new ChoiceQuestion(new Prompt("Chọn", "Thiết bị nhập?", TextFormat.MARKDOWN, "Chung"), true,
                        List.of(new Choice("Bàn phím", 1, "Đúng"), new Choice("Màn hình", 0, "Sai"))),
                new ChoiceQuestion(Prompt.of("Lưu trữ lâu dài?"), false, List.of(Choice.of("SSD", 0.5),
                        Choice.of("HDD", 0.5), Choice.of("RAM", -1))),
                new TrueFalseQuestion(Prompt.of("RAM mất dữ liệu khi tắt máy."), true, "Đúng vậy", "Chưa đúng"),
                new ShortAnswerQuestion(Prompt.of("Thủ đô?"), false, true, List.of(new TextAnswer("Hà Nội", 1, "Tốt"))),
                new NumericalQuestion(Prompt.of("1 byte = ? bit"), List.of(new NumericAnswer(8, 0, 1, "Đúng"))),
                new MatchingQuestion(Prompt.of("Ghép"), List.of(new MatchPair("CPU", "Xử lý"),
                        new MatchPair("RAM", "Bộ nhớ tạm"), new MatchPair("", "Nhiễu"))));
        List<Long> ids = new ArrayList<>();
        for (Question q : questions) {
            ids.add(f.bank.createQuestion("Kiểm tra/Mọi loại", q));
        }
        for (int i = 0; i < questions.size(); i++) {
            // A fresh store has no cache: the question really comes back from the columns.
            assertEquals(questions.get(i), new JdbcQuestionBank(f.database, f.users, f.audit, f.clock,
                    new vn.congso.training.internal.store.QuestionStore()).question(ids.get(i)).question());
        }
        assertEquals(List.of("Kiểm tra", "Kiểm tra/Mọi loại"),
                f.bank.categories().stream().map(QuestionBankService.Category::path).toList());
        assertEquals(6, f.bank.categories().get(1).questionCount());
    }

    @Test
    void anInvalidQuestionIsRefusedWithItsProblems() {
        ChoiceQuestion duplicate = new ChoiceQuestion(Prompt.of("Chọn"), true,
                List.of(Choice.of("A", 1), Choice.of("A", 0)));
        TrainingException e = assertThrows(TrainingException.class, () -> f.bank.createQuestion("X", duplicate));
        assertEquals("training.question.answer-duplicate", e.problems().get(0).key());
        assertEquals(0, f.count("trn_question"));
    }

    @Test
    void aPreviewWithErrorsNamesTheLineAndCommitsNothing() throws Exception {
        ImportPreview preview = gift("::A::Câu một {T}\n\n::B::Câu hai {=x ~y\n\n::C::Câu ba {F}\n", "Nhập");
        assertFalse(preview.succeeded());
        assertTrue(preview.questions().isEmpty());
        assertEquals(3, preview.errors().get(0).line());
        TrainingException e = assertThrows(TrainingException.class,
                () -> f.bank.commit(preview, QuestionBankService.ImportProgress.NONE));
        assertEquals("training.import.has-errors", e.problems().get(0).key());
        assertEquals(0, f.count("trn_question"));
        assertEquals(0, f.count("trn_question_category"));
    }

    @Test
    void aCommitThatFailsHalfWayLeavesNothingBehind() throws Exception {
        StringBuilder text = new StringBuilder("$CATEGORY: Word\n\n");
        for (int i = 0; i < 20; i++) {
            text.append("::Q").append(i).append("::Câu ").append(i).append(" {T}\n\n");
        }
        ImportPreview preview = gift(text.toString(), "Tin học");
        assertEquals(Map.of("Tin học/Word", 20), preview.countsByCategory());
        List<Integer> seen = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> f.bank.commit(preview, (done, total) -> {
            seen.add(done);
            if (done == 12) {
                throw new IllegalStateException("the database went away");
            }
        }));
        assertEquals(12, seen.size(), "questions were being stored one by one when it failed");
        assertEquals(0, f.count("trn_question"));
        assertEquals(0, f.count("trn_question_version"));
        assertEquals(0, f.count("trn_question_category"));

        QuestionBankService.ImportSummary summary = f.bank.commit(preview, QuestionBankService.ImportProgress.NONE);
        assertEquals(new QuestionBankService.ImportSummary(20, 2), summary);
        assertEquals(20, f.count("trn_question"));
    }

    @Test
    void aHandMadePreviewIsValidatedAgainBeforeAnythingIsStored() {
        ImportPreview forged = new ImportPreview(ImportFormat.GIFT, "X", List.of(
                new ImportedQuestion("", TrueFalseQuestion.of("Đúng", true)),
                new ImportedQuestion("", new ChoiceQuestion(Prompt.of("Rỗng"), true, List.of()))), List.of());
        assertThrows(TrainingException.class, () -> f.bank.commit(forged, QuestionBankService.ImportProgress.NONE));
        assertEquals(0, f.count("trn_question"));
    }

    @Test
    void moodleXmlImportsToo() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <quiz>
                  <question type="truefalse">
                    <name><text>TF</text></name>
                    <questiontext format="html"><text>Trái đất quay quanh Mặt trời.</text></questiontext>
                    <answer fraction="100"><text>true</text></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                </quiz>
                """;
        ImportPreview preview = f.bank.preview(ImportFormat.MOODLE_XML,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "XML");
        assertTrue(preview.succeeded(), preview.errors().toString());
        f.bank.commit(preview, QuestionBankService.ImportProgress.NONE);
        assertEquals(1, f.bank.questions("XML").size());
    }

    @Test
    void anEditAddsAVersionAndExportWritesTheCurrentOne() throws Exception {
        long id = f.bank.createQuestion("Tin học", TrueFalseQuestion.of("Câu cũ", true));
        f.bank.updateQuestion(id, "Tin học", TrueFalseQuestion.of("Câu mới", false));
        assertEquals(TrueFalseQuestion.of("Câu mới", false), f.bank.question(id).question());
        assertEquals(2, f.count("trn_question_version"));
        String exported = f.bank.exportGift("Tin học", true);
        assertTrue(exported.contains("Câu mới") && !exported.contains("Câu cũ"), exported);
        ImportPreview back = gift(exported, "Bản sao");
        assertEquals(List.of(TrueFalseQuestion.of("Câu mới", false)),
                back.questions().stream().map(ImportedQuestion::question).toList());
        f.bank.deleteQuestion(id);
        assertTrue(f.bank.questions("Tin học").isEmpty());
        assertEquals(TrueFalseQuestion.of("Câu mới", false), f.bank.question(id).question(),
                "a deleted question stays readable for the attempts that showed it");
    }

    @Test
    void categoriesWithContentAreNotDeletedAndPathsAreChecked() {
        f.bank.createQuestion("A/B", TrueFalseQuestion.of("Câu", true));
        assertEquals("training.category.not-empty",
                assertThrows(TrainingException.class, () -> f.bank.deleteCategory("A")).problems().get(0).key());
        assertEquals("training.category.path-invalid",
                assertThrows(TrainingException.class, () -> f.bank.createCategory(" / ")).problems().get(0).key());
        f.bank.createCategory("C");
        f.bank.deleteCategory("C");
    }

    @Test
    void learnersCannotReadOrChangeTheBank() {
        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertThrows(AccessDeniedException.class, () -> f.bank.categories());
        assertThrows(AccessDeniedException.class, () -> f.bank.createQuestion("X", TrueFalseQuestion.of("C", true)));
        assertThrows(AccessDeniedException.class, () -> gift("::A::B {T}", "X"));
    }
}
