package vn.congso.services.internal.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.congso.api.text.Formats;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.api.text.UnreadableNumberException;

/**
 * Checks an e-form's values against its field definitions, in the page's language: "1.250" is
 * one thousand two hundred and fifty on a Vietnamese page, "1,250" on an English one; dates as
 * {@link Formats} writes them. Every problem is reported on its own field; the values that pass
 * are returned in a language-free form (numbers plain, dates ISO) for storing.
 */
public final class FormValidation {

    private static final Pattern PHONE = Pattern.compile("(\\+84|0)[0-9]{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{12}|[0-9]{9}");

    private FormValidation() {
    }

    /**
     * The outcome of a check.
     *
     * @param values the stored form of every field that has a valid value, by key, in form order
     * @param errors the problem of every field that has one, by key: a translation key and its arguments
     */
    public record Result(Map<String, String> values, Map<String, Problem> errors) {
        /** @return whether there are no problems */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * A problem of one field.
     *
     * @param key a translation key
     * @param args its arguments
     */
    public record Problem(String key, List<Object> args) {
        static Problem of(String key, Object... args) {
            return new Problem(key, List.of(args));
        }
    }

    /**
     * Checks the values.
     *
     * @param fields the form's fields
     * @param input what was typed, by field key (missing keys count as empty)
     * @param locale the page's language
     * @return the result
     */
    public static Result check(List<FormField> fields, Map<String, String> input, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Problem> errors = new LinkedHashMap<>();
        for (FormField field : fields) {
            String raw = input.getOrDefault(field.key(), "");
            String text = raw == null ? "" : raw.strip();
            if (text.isEmpty()) {
                if (field.required()) {
                    errors.put(field.key(), Problem.of("services.form.required"));
                }
                continue;
            }
            if (text.length() > field.maxLength()) {
                errors.put(field.key(), Problem.of("services.form.too-long", field.maxLength()));
                continue;
            }
            try {
                values.put(field.key(), normalise(field, text, locale));
            } catch (FieldProblem p) {
                errors.put(field.key(), p.problem);
            }
        }
        return new Result(values, errors);
    }

    private static String normalise(FormField field, String text, Locale locale) throws FieldProblem {
        switch (field.type()) {
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = LocaleNumbers.parse(text, locale);
                } catch (UnreadableNumberException e) {
                    throw new FieldProblem(Problem.of("services.form.not-number"));
                }
                if (field.min().isPresent() && number.compareTo(field.min().get()) < 0) {
                    throw new FieldProblem(Problem.of("services.form.too-small", grouped(field.min().get(), locale)));
                }
                if (field.max().isPresent() && number.compareTo(field.max().get()) > 0) {
                    throw new FieldProblem(Problem.of("services.form.too-large", grouped(field.max().get(), locale)));
                }
                return number.stripTrailingZeros().toPlainString();
            }
            case DATE -> {
                try {
                    LocalDate date = LocalDate.parse(text, DateTimeFormatter.ofPattern(
                            Formats.datePattern(locale).replace("yyyy", "uuuu"), Locale.ROOT)
                            .withResolverStyle(ResolverStyle.STRICT));
                    return date.toString();
                } catch (DateTimeParseException e) {
                    throw new FieldProblem(Problem.of("services.form.not-date", Formats.datePattern(locale)));
                }
            }
            case PHONE -> {
                String digits = text.replaceAll("[\\s.\\-]", "");
                if (!PHONE.matcher(digits).matches()) {
                    throw new FieldProblem(Problem.of("services.form.not-phone"));
                }
                return digits;
            }
            case EMAIL -> {
                if (!EMAIL.matcher(text).matches()) {
                    throw new FieldProblem(Problem.of("services.form.not-email"));
                }
                return text;
            }
            case ID_NUMBER -> {
                if (!ID_NUMBER.matcher(text).matches()) {
                    throw new FieldProblem(Problem.of("services.form.not-id-number"));
                }
                return text;
            }
            case CHOICE -> {
                if (!field.choices().contains(text)) {
                    throw new FieldProblem(Problem.of("services.form.not-choice"));
                }
                return text;
            }
            default -> {
                if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                    throw new FieldProblem(Problem.of("services.form.control-characters"));
                }
                if (!FieldPatterns.matches(field.pattern(), text)) {
                    throw new FieldProblem(field.pattern().startsWith("@")
                            ? Problem.of("services.form.pattern." + field.pattern().substring(1))
                            : Problem.of("services.form.not-pattern"));
                }
                return text;
            }
        }
    }

    private static String grouped(BigDecimal value, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    /** Carries one field's problem out of {@link #normalise}. */
    private static final class FieldProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        FieldProblem(Problem problem) {
            super(problem.key(), null, false, false);
            this.problem = problem;
        }
    }
}
