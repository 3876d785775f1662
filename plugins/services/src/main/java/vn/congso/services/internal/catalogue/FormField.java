package vn.congso.services.internal.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a procedure's e-form, as an administrator defines it.
 *
 * @param key a stable key, such as {@code ho-ten-chong}
 * @param label the label shown on Vietnamese pages
 * @param labelEn the label shown on English pages, empty for the Vietnamese one
 * @param type the type
 * @param required whether a value is needed
 * @param maxLength the longest text accepted
 * @param min the smallest number accepted (numbers only)
 * @param max the largest number accepted (numbers only)
 * @param choices the options (choices only)
 * @param help a help text, maybe empty
 * @param helpEn the help text on English pages, empty for the Vietnamese one
 * @param pattern what a text must look like: empty, a name of {@link FieldPatterns#NAMED} or a
 *        bounded regular expression checked by {@link FieldPatterns#check}
 * @param patternSample a value the pattern must accept, kept so the pattern is tested again on every save
 */
public record FormField(String key, String label, String labelEn, FieldType type, boolean required, int maxLength,
        Optional<BigDecimal> min, Optional<BigDecimal> max, List<String> choices, String help, String helpEn,
        String pattern, String patternSample) {

    /** Checks the fields. */
    public FormField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        choices = List.copyOf(choices);
        // One value, one representation: 10, 10.0 and 1E+1 are the same bound (so equal forms compare equal).
        min = min.map(FormField::canonical);
        max = max.map(FormField::canonical);
        labelEn = labelEn == null ? "" : labelEn;
        help = help == null ? "" : help;
        helpEn = helpEn == null ? "" : helpEn;
        pattern = pattern == null ? "" : pattern;
        patternSample = patternSample == null ? "" : patternSample;
        if (!key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("field key must be lower-case letters, digits and '-': " + key);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a choice field needs options: " + key);
        }
    }

    /**
     * A field with one label and help text for both languages and no pattern.
     *
     * @param key the key
     * @param label the label
     * @param type the type
     * @param required whether a value is needed
     * @param maxLength the longest text
     * @param min the smallest number
     * @param max the largest number
     * @param choices the options
     * @param help the help text
     */
    public FormField(String key, String label, FieldType type, boolean required, int maxLength,
            Optional<BigDecimal> min, Optional<BigDecimal> max, List<String> choices, String help) {
        this(key, label, "", type, required, maxLength, min, max, choices, help, "", "", "");
    }

    /** A simple text field. */
    public static FormField text(String key, String label, boolean required, int maxLength) {
        return new FormField(key, label, FieldType.TEXT, required, maxLength, Optional.empty(), Optional.empty(),
                List.of(), "");
    }

    /** A field of a type without limits other than its own. */
    public static FormField of(String key, String label, FieldType type, boolean required) {
        return new FormField(key, label, type, required, 200, Optional.empty(), Optional.empty(), List.of(), "");
    }

    /**
     * @param locale the page's language
     * @return the label in it (English when there is one and the page is English)
     */
    public String label(Locale locale) {
        return english(locale) && !labelEn.isBlank() ? labelEn : label;
    }

    /**
     * @param locale the page's language
     * @return the help text in it
     */
    public String help(Locale locale) {
        return english(locale) && !helpEn.isBlank() ? helpEn : help;
    }

    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
