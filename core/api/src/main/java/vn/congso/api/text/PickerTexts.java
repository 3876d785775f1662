package vn.congso.api.text;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The date pickers' own words (month and day names, "today", "cancel") and date format in the
 * page's language, from the platform's {@code picker.*} translations, so that no picker shows
 * Vaadin's English on a Vietnamese page and every picker writes dates as {@link Formats} does.
 */
public final class PickerTexts {

    private PickerTexts() {
    }

    /**
     * @param t translates a key in the page's language
     * @param locale the page's language
     * @return the texts for a {@link DatePicker} (or the date part of a {@link DateTimePicker})
     */
    public static DatePicker.DatePickerI18n datePicker(Function<String, String> t, Locale locale) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(list(t.apply("picker.months"), 12));
        i18n.setWeekdays(list(t.apply("picker.weekdays"), 7));
        i18n.setWeekdaysShort(list(t.apply("picker.weekdays-short"), 7));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(t.apply("picker.today"));
        i18n.setCancel(t.apply("picker.cancel"));
        i18n.setDateFormat(Formats.datePattern(locale));
        i18n.setBadInputErrorMessage(t.apply("picker.bad-date"));
        return i18n;
    }

    /**
     * Applies the texts to a date picker.
     *
     * @param picker the picker
     * @param t translates a key in the page's language
     * @param locale the page's language
     * @return the picker
     */
    public static DatePicker apply(DatePicker picker, Function<String, String> t, Locale locale) {
        picker.setLocale(locale);
        picker.setI18n(datePicker(t, locale));
        return picker;
    }

    /**
     * Applies the texts to a date-and-time picker (its time part follows the page's locale, on
     * the 24-hour clock).
     *
     * @param picker the picker
     * @param t translates a key in the page's language
     * @param locale the page's language
     * @return the picker
     */
    public static DateTimePicker apply(DateTimePicker picker, Function<String, String> t, Locale locale) {
        // The time part follows the locale: Vietnamese is 24-hour; so is English as written here.
        picker.setLocale("en".equals(locale.getLanguage()) ? Locale.UK : locale);
        picker.setDatePickerI18n(datePicker(t, locale));
        return picker;
    }

    private static List<String> list(String joined, int size) {
        List<String> items = Arrays.stream(joined.split(",")).map(String::trim).toList();
        if (items.size() != size) {
            throw new IllegalArgumentException("expected " + size + " comma-separated names, got: " + joined);
        }
        return items;
    }
}
