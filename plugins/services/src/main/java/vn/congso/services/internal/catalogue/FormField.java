package vn.congso.services.internal.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a procedure's e-form, as an administrator defines it.
 *
 * @param key a stable key, such as {@code ho-ten-chong}
 * @param label the label shown
 * @param type the type
 * @param required whether a value is needed
 * @param maxLength the longest text accepted
 * @param min the smallest number accepted (numbers only)
 * @param max the largest number accepted (numbers only)
 * @param choices the options (choices only)
 * @param help a help text, maybe empty
 */
public record FormField(String key, String label, FieldType type, boolean required, int maxLength,
        Optional<BigDecimal> min, Optional<BigDecimal> max, List<String> choices, String help) {

    /** Checks the fields. */
    public FormField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        choices = List.copyOf(choices);
        help = help == null ? "" : help;
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

    /** A simple text field. */
    public static FormField text(String key, String label, boolean required, int maxLength) {
        return new FormField(key, label, FieldType.TEXT, required, maxLength, Optional.empty(), Optional.empty(),
                List.of(), "");
    }

    /** A field of a type without limits other than its own. */
    public static FormField of(String key, String label, FieldType type, boolean required) {
        return new FormField(key, label, type, required, 200, Optional.empty(), Optional.empty(), List.of(), "");
    }
}
