package ${package}.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ${package}.internal.Entry;
import ${package}.internal.EntryService;
import vn.congso.api.TranslationService;

/** The form as a user fills it, without a browser: the view is built and clicked on the server side. */
class EntryViewTest {

    private final List<String> saved = new ArrayList<>();
    /** Held here: Vaadin keeps the current UI only weakly, and a collected one reads as no page. */
    private UI ui;

    @BeforeEach
    void vietnamesePage() {
        ui = new UI();
        ui.setLocale(TranslationService.VIETNAMESE);
        UI.setCurrent(ui);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    @Test
    void aVietnameseAmountIsReadTheVietnameseWay() {
        EntryView view = new EntryView(new Entries(true), new KeysAsTexts());

        field(view, "${pluginName}-entry-title").setValue("Tập huấn chữ ký số");
        field(view, "${pluginName}-entry-amount").setValue("1.250");
        button(view, "${pluginName}-save").click();

        assertEquals(List.of("Tập huấn chữ ký số 1250"), saved);
    }

    @Test
    void aWrongAmountIsRefusedInTheFormAndNothingIsSaved() {
        EntryView view = new EntryView(new Entries(true), new KeysAsTexts());

        field(view, "${pluginName}-entry-title").setValue("Họp");
        TextField amount = field(view, "${pluginName}-entry-amount");
        amount.setValue("abc");
        button(view, "${pluginName}-save").click();

        assertTrue(amount.isInvalid());
        assertEquals("${pluginName}.error.amount-number", amount.getErrorMessage());
        assertEquals(List.of(), saved);
    }

    @Test
    void someoneWhoMayOnlyReadSeesNoForm() {
        EntryView view = new EntryView(new Entries(false), new KeysAsTexts());

        assertFalse(button(view, "${pluginName}-save").isVisible());
    }

    private static TextField field(Component root, String id) {
        return (TextField) find(root, id);
    }

    private static Button button(Component root, String id) {
        return (Button) find(root, id);
    }

    private static Component find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().equals(Optional.of(id))).findFirst()
                .orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(EntryViewTest::descendants));
    }

    /** The service as the form sees it: records what it is given. */
    private final class Entries implements EntryService {
        private final boolean mayEdit;

        Entries(boolean mayEdit) {
            this.mayEdit = mayEdit;
        }

        @Override
        public Entry add(String title, Integer amount) {
            saved.add(title + " " + amount);
            return new Entry(saved.size(), title, amount, "chuyenvien.an", Instant.now());
        }

        @Override
        public boolean mayEdit() {
            return mayEdit;
        }

        @Override
        public List<Entry> latest(int limit) {
            return List.of();
        }
    }

    /** Texts are their keys, so the test sees which message was chosen. */
    private static final class KeysAsTexts implements TranslationService {
        @Override
        public String translate(String key, Locale locale, Object... params) {
            return key;
        }

        @Override
        public List<Locale> supportedLocales() {
            return List.of(VIETNAMESE, ENGLISH);
        }
    }
}
