package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.AbstractField.ComponentValueChangeEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.text.NumberInput;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TextFormat;

/** A numerical answer typed on a Vietnamese page is read with the decimal comma, or refused on its field. */
class QuestionFormTest {

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

    private static final NumericalQuestion QUESTION = new NumericalQuestion(
            new Prompt("Số", "Bao nhiêu?", TextFormat.PLAIN, ""), List.of(new NumericAnswer(99.37, 0.01, 1, "")));

    @Test
    void theDecimalCommaIsSavedAsADecimal() {
        List<Response> saved = new ArrayList<>();
        QuestionForm form = new QuestionForm(UI, "exam", QUESTION, null, null, saved::add);
        NumberInput field = field(form);
        type(field, "99,37");
        assertEquals(List.of(new Response.Number(99.37)), saved);
        assertFalse(field.isInvalid());
    }

    @Test
    void unreadableTextIsRefusedOnItsFieldAndTheSavedAnswerStays() {
        List<Response> saved = new ArrayList<>();
        QuestionForm form = new QuestionForm(UI, "exam", QUESTION, null, new Response.Number(12.5), saved::add);
        NumberInput field = field(form);
        assertEquals("12,5", field.getValue(), "a saved answer is shown back with the decimal comma");
        for (String text : List.of("9,9,9", "1.234", "1e5")) {
            type(field, text);
            assertTrue(field.isInvalid(), text);
            assertTrue(field.getErrorMessage().startsWith("number."), field.getErrorMessage());
        }
        assertEquals(List.of(), saved, "nothing was saved");
        assertEquals(new Response.Number(12.5), form.response());
        type(field, "");
        assertEquals(1, saved.size());
        assertNull(saved.get(0), "clearing the field clears the answer");
    }

    @Test
    void theReviewShowsNoTypingHints() {
        QuestionForm form = new QuestionForm(UI, "review-1", QUESTION, null, new Response.Number(1), null);
        NumberInput field = field(form);
        assertEquals("training.ui.question.number-help", field.getHelperText());
        form.lock();
        assertTrue(field.isReadOnly());
        assertTrue(field.getHelperText() == null || field.getHelperText().isEmpty());
    }

    private static NumberInput field(QuestionForm form) {
        return (NumberInput) form.getChildren().filter(c -> c.getId().filter("exam-answer"::equals).isPresent()
                || c.getId().filter("review-1-answer"::equals).isPresent()).findFirst().orElseThrow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void type(TextField field, String text) {
        String old = field.getValue();
        field.setValue(text);
        ComponentUtil.fireEvent(field, new ComponentValueChangeEvent(field, field, old, true));
    }
}
