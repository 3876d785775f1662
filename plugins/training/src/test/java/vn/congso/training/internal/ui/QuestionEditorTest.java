package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.training.internal.exchange.GiftParser;
import vn.congso.training.internal.exchange.ImportResult;
import vn.congso.training.internal.exchange.ImportedQuestion;
import vn.congso.training.internal.question.Question;

/** Opening a question in the editor and saving it unchanged stores exactly the same question. */
class QuestionEditorTest {

    private static final Ui UI = new Ui(new TranslationService() {
        @Override
        public String translate(String key, Locale locale, Object... params) {
            return key;
        }

        @Override
        public List<Locale> supportedLocales() {
            return List.of(VIETNAMESE, ENGLISH);
        }
    }, (CurrentUserService) () -> null);

    @Test
    void everyDemoQuestionReadsBackUnchanged() throws Exception {
        ImportResult bank;
        try (var in = getClass().getResourceAsStream("/demo/it-basics.gift")) {
            bank = new GiftParser().parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), bank.errors());
        for (ImportedQuestion imported : bank.questions()) {
            Question question = imported.question();
            QuestionEditor editor = new QuestionEditor(UI, question.type(), List.of("A"), "A", question,
                    (path, q) -> { });
            assertEquals(question, editor.build(), "the editor changed " + question.prompt().title());
        }
    }
}
