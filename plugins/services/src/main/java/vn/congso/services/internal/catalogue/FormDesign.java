package vn.congso.services.internal.catalogue;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.api.text.UnreadableNumberException;

/**
 * An e-form as the designer edits it: one {@link Draft} per field, with what was typed, turned
 * into {@link FormField}s only when every attribute of every field is valid. Each problem is
 * reported on its field and attribute (a translation key), so the screen marks the right input.
 */
public final class FormDesign {

    /** The most fields one form may have. */
    public static final int MAX_FIELDS = 60;
    /** The longest text a field may accept. */
    public static final int MAX_LENGTH = 4000;

    private FormDesign() {
    }

    /** One field being edited; numbers as typed in the page's language, options one per line. */
    public static final class Draft implements Serializable {
        private static final long serialVersionUID = 1L;
        public String key = "";
        public String label = "";
        public String labelEn = "";
        public FieldType type = FieldType.TEXT;
        public boolean required;
        public Integer maxLength = 200;
        public String min = "";
        public String max = "";
        public String choices = "";
        public String help = "";
        public String helpEn = "";
        public String pattern = "";
        public String patternSample = "";

        /**
         * @param field a saved field
         * @param locale the page's language, for the numbers
         * @return a draft holding it
         */
        public static Draft of(FormField field, Locale locale) {
            Draft d = new Draft();
            d.key = field.key();
            d.label = field.label();
            d.labelEn = field.labelEn();
            d.type = field.type();
            d.required = field.required();
            d.maxLength = field.maxLength();
            d.min = field.min().map(v -> LocaleNumbers.format(v, locale)).orElse("");
            d.max = field.max().map(v -> LocaleNumbers.format(v, locale)).orElse("");
            d.choices = String.join("\n", field.choices());
            d.help = field.help();
            d.helpEn = field.helpEn();
            d.pattern = field.pattern();
            d.patternSample = field.patternSample();
            return d;
        }
    }

    /**
     * The outcome of a check.
     *
     * @param fields the fields, when there are no errors (else the valid ones, for the preview)
     * @param errors by draft index, by attribute ({@code key}, {@code label}, {@code label-en},
     *        {@code max-length}, {@code min}, {@code max}, {@code choices}, {@code help},
     *        {@code help-en}, {@code pattern}, {@code form}): a translation key
     */
    public record Result(List<FormField> fields, Map<Integer, Map<String, String>> errors) {
        /** @return whether the form may be saved */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param drafts the fields as edited, in order
     * @param locale the page's language (numbers)
     * @return the fields or the problems
     */
    public static Result build(List<Draft> drafts, Locale locale) {
        List<FormField> fields = new ArrayList<>();
        Map<Integer, Map<String, String>> errors = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        if (drafts.size() > MAX_FIELDS) {
            errors.computeIfAbsent(-1, i -> new LinkedHashMap<>()).put("form", "services.designer.error.too-many");
        }
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Map<String, String> e = new LinkedHashMap<>();
            String key = strip(d.key);
            if (!key.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                e.put("key", "services.designer.error.key");
            } else if (!keys.add(key)) {
                e.put("key", "services.designer.error.key-twice");
            }
            String label = strip(d.label);
            if (label.isEmpty() || label.length() > 200) {
                e.put("label", "services.designer.error.label");
            }
            String labelEn = strip(d.labelEn);
            if (labelEn.length() > 200) {
                e.put("label-en", "services.designer.error.label");
            }
            FieldType type = d.type == null ? FieldType.TEXT : d.type;
            int maxLength = d.maxLength == null ? 0 : d.maxLength;
            if (maxLength < 1 || maxLength > MAX_LENGTH) {
                e.put("max-length", "services.designer.error.max-length");
            }
            Optional<BigDecimal> min = number(type, d.min, "min", locale, e);
            Optional<BigDecimal> max = number(type, d.max, "max", locale, e);
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                e.put("max", "services.designer.error.min-max");
            }
            List<String> choices = new ArrayList<>();
            if (type == FieldType.CHOICE) {
                for (String line : (d.choices == null ? "" : d.choices).split("\n")) {
                    String option = line.strip();
                    if (option.isEmpty()) {
                        continue;
                    }
                    if (option.length() > 100 || option.contains("|") || choices.contains(option)) {
                        e.put("choices", "services.designer.error.choice");
                    }
                    choices.add(option);
                }
                if (choices.isEmpty()) {
                    e.putIfAbsent("choices", "services.designer.error.choices");
                } else if (String.join("|", choices).length() > 1000) {
                    e.put("choices", "services.designer.error.choices-long");
                }
            }
            String help = strip(d.help);
            String helpEn = strip(d.helpEn);
            if (help.length() > 500) {
                e.put("help", "services.designer.error.help");
            }
            if (helpEn.length() > 500) {
                e.put("help-en", "services.designer.error.help");
            }
            String pattern = type == FieldType.TEXT ? strip(d.pattern) : "";
            String sample = type == FieldType.TEXT ? strip(d.patternSample) : "";
            if (sample.length() > 200) {
                e.put("pattern", "services.designer.error.pattern-sample");
            } else {
                FieldPatterns.check(pattern, sample).ifPresent(problem -> e.put("pattern", problem));
            }
            if (e.isEmpty()) {
                fields.add(new FormField(key, label, labelEn, type, d.required, maxLength, min, max, choices, help,
                        helpEn, pattern, sample));
            } else {
                errors.put(i, e);
            }
        }
        return new Result(fields, errors);
    }

    private static Optional<BigDecimal> number(FieldType type, String text, String attribute, Locale locale,
            Map<String, String> errors) {
        if (type != FieldType.NUMBER || text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = LocaleNumbers.parse(text, locale);
            if (value.abs().compareTo(new BigDecimal("1e15")) >= 0 || Math.max(0, value.stripTrailingZeros().scale()) > 4) {
                errors.put(attribute, "services.designer.error.number-range");
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (UnreadableNumberException e) {
            errors.put(attribute, "services.designer.error.number");
            return Optional.empty();
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
