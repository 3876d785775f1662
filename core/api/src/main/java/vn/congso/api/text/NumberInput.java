package vn.congso.api.text;

import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A text field for a number, read by the page's language with {@link LocaleNumbers}: the
 * Vietnamese decimal comma is a decimal, not a thousands mark, and text that cannot be read
 * without guessing marks the field invalid with a translated message instead of becoming
 * another number. (Vaadin's {@code NumberField} and {@code IntegerField} read numbers in the
 * browser, which ignores the page's language.)
 *
 * <p>A screen reads {@link #getNumber()} or {@link #getWhole()} after {@link #check()} (or
 * {@link #checkAll(NumberInput...)}) said the text is readable; it saves nothing otherwise, and
 * the person's text stays on the field as typed.
 */
public class NumberInput extends TextField {

    private static final long serialVersionUID = 1L;

    private final Locale locale;
    private final boolean whole;
    private final transient Function<String, String> t;

    /**
     * @param label the field's label
     * @param locale the page's language
     * @param whole true when only a whole number is meaningful (minutes, a count)
     * @param t translates a platform key in the page's language, for example a view's
     *     {@code getTranslation}
     */
    public NumberInput(String label, Locale locale, boolean whole, Function<String, String> t) {
        super(label);
        this.locale = Objects.requireNonNull(locale, "locale");
        this.whole = whole;
        this.t = Objects.requireNonNull(t, "t");
        // the field's own validation knows no locale and would clear the message on the next blur
        setManualValidation(true);
        setAllowedCharPattern("[0-9.,+\\-\u2212 \u00a0]");
        // the phone's keyboard with digits and the decimal mark
        getElement().executeJs("const i = this.inputElement; if (i) { i.inputMode = $0; }",
                whole ? "numeric" : "decimal");
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                check();
            }
        });
    }

    /**
     * Shows a number as the page writes it ({@code 99,37} in Vietnamese), or clears the field.
     *
     * @param value the number, may be null
     */
    public void setNumber(Number value) {
        setValue(LocaleNumbers.format(value, locale));
        setInvalid(false);
    }

    /**
     * Checks the text and shows why it cannot be read on the field.
     *
     * @return true when the field is blank or holds a readable number
     */
    public boolean check() {
        try {
            read();
            setInvalid(false);
            return true;
        } catch (UnreadableNumberException e) {
            setErrorMessage(t.apply(e.messageKey()));
            setInvalid(true);
            return false;
        }
    }

    /**
     * Checks every field, so that each unreadable one shows its message.
     *
     * @param inputs the fields
     * @return true when all are blank or readable
     */
    public static boolean checkAll(NumberInput... inputs) {
        boolean readable = true;
        for (NumberInput input : inputs) {
            readable &= input.check();
        }
        return readable;
    }

    /**
     * @return the number typed, null when the field is blank or the text cannot be read
     */
    public BigDecimal getNumber() {
        try {
            return read();
        } catch (UnreadableNumberException e) {
            return null;
        }
    }

    /**
     * @return the whole number typed, null when the field is blank or the text cannot be read
     *     as a whole number
     */
    public Integer getWhole() {
        try {
            return LocaleNumbers.parseWhole(getValue(), locale);
        } catch (UnreadableNumberException e) {
            return null;
        }
    }

    /**
     * @return the number typed, null when blank
     * @throws UnreadableNumberException when the text cannot be read
     */
    public BigDecimal read() {
        if (whole) {
            Integer value = LocaleNumbers.parseWhole(getValue(), locale);
            return value == null ? null : BigDecimal.valueOf(value);
        }
        return LocaleNumbers.parse(getValue(), locale);
    }
}
