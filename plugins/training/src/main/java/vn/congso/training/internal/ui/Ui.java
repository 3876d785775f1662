package vn.congso.training.internal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.NumberInput;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;

/**
 * What every training screen needs from the platform: translated texts, the current user,
 * dates in the district's time zone, and one way of telling the user that something was
 * refused. Views hold one per instance.
 */
final class Ui implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Times are stored in UTC and shown in the district's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final transient TranslationService translations;
    private final transient CurrentUserService users;

    Ui(TranslationService translations, CurrentUserService users) {
        this.translations = Objects.requireNonNull(translations, "translations");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** @return the language of the current UI, Vietnamese outside one */
    Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null && ui.getLocale() != null ? ui.getLocale() : TranslationService.VIETNAMESE;
    }

    /** @return whether the user reads English */
    boolean english() {
        return "en".equals(locale().getLanguage());
    }

    /** Translates a key of the training files. */
    String t(String key, Object... args) {
        return translations.translate(key, locale(), args);
    }

    /**
     * Translates one value of a set, such as a category or a state: the key is the prefix, a dot
     * and the value in lower case. The prefix alone is the set's own label.
     */
    String name(String prefix, String value) {
        return t(prefix + "." + value.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** @return a translator, for helpers that take one */
    Function<String, String> translator() {
        return this::t;
    }

    /**
     * A field for a typed number, read by the page's language (the Vietnamese decimal comma).
     *
     * @param label the field's label
     * @param whole true when only a whole number is meaningful (minutes, a count)
     * @return the field
     */
    NumberInput number(String label, boolean whole) {
        return new NumberInput(label, locale(), whole, this::t);
    }

    /** Says a problem in the user's language. */
    String problem(Problem problem) {
        return t(problem.key(), problem.args().toArray());
    }

    /** @return the person using the screen */
    CurrentUser user() {
        return users.current();
    }

    /** A date and time as every screen of the platform writes it ({@link vn.congso.api.text.Formats}). */
    String dateTime(Instant instant) {
        return vn.congso.api.text.Formats.dateTime(instant, locale());
    }

    /** A date as every screen of the platform writes it ({@link vn.congso.api.text.Formats}). */
    String date(Instant instant) {
        return vn.congso.api.text.Formats.date(instant, locale());
    }

    /** Gives a date picker the platform's translated texts and date format. */
    <T extends com.vaadin.flow.component.datepicker.DatePicker> T texts(T picker) {
        vn.congso.api.text.PickerTexts.apply(picker, key -> t(key), locale());
        return picker;
    }

    /** Gives a date-and-time picker the platform's translated texts and date format. */
    <T extends com.vaadin.flow.component.datetimepicker.DateTimePicker> T texts(T picker) {
        vn.congso.api.text.PickerTexts.apply(picker, key -> t(key), locale());
        return picker;
    }

    /** A clock time with seconds, as in "Saved at 10:42:05". */
    String time(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE).format(instant);
    }

    /** A percentage with at most one decimal, in the user's number style. */
    String percent(double value) {
        return Formats.percent(value, locale());
    }

    /**
     * Shows why a request was refused: problems whose key names a field mark that field, the
     * rest go to one notice. Returns normally for any refusal; other failures are rethrown.
     *
     * @param failure what the service threw
     * @param fields fields by the problem key they show, may be empty
     */
    void refused(RuntimeException failure, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        if (failure instanceof AccessDeniedException denied) {
            error(t("training.ui.access-denied", denied.permission()));
            return;
        }
        if (!(failure instanceof TrainingException refused)) {
            throw failure;
        }
        StringBuilder other = new StringBuilder();
        for (Problem problem : refused.problems()) {
            String message = problem(problem);
            HasValidation field = fields.get(problem.key());
            if (field != null) {
                field.setErrorMessage(field.isInvalid() ? field.getErrorMessage() + " " + message : message);
                field.setInvalid(true);
            } else {
                other.append(message).append('\n');
            }
        }
        if (other.length() > 0) {
            error(other.toString().trim());
        }
    }

    /**
     * Asks before deleting something; on confirmation runs the deletion and shows a refusal
     * instead of failing.
     *
     * @param id the dialog's id
     * @param header the question, naming what goes
     * @param text what deleting means
     * @param deletion what to run when confirmed
     */
    void confirmDelete(String id, String header, String text, Runnable deletion) {
        ConfirmDialog confirm = new ConfirmDialog(header, text, t("training.ui.common.delete"), e -> {
            try {
                deletion.run();
            } catch (RuntimeException ex) {
                refused(ex);
            }
        }, t("training.ui.common.cancel"), e -> { });
        confirm.setId(id);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** {@link #refused(RuntimeException, Map)} without fields. */
    void refused(RuntimeException failure) {
        refused(failure, Map.of());
    }

    /** The translated messages of a refusal, for inline display. */
    List<String> messages(TrainingException refused) {
        return refused.problems().stream().map(this::problem).toList();
    }

    /** An error notice that stays until read. */
    void error(String text) {
        Notification notification = new Notification(text, 8000, Notification.Position.TOP_CENTER);
        notification.setId("training-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    /** A short success notice. */
    void success(String text) {
        Notification notification = new Notification(text, 4000, Notification.Position.BOTTOM_START);
        notification.setId("training-success");
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }

    /** A warning notice, as for the last minutes of an exam. */
    void warning(String id, String text) {
        Notification notification = new Notification(text, 10000, Notification.Position.TOP_CENTER);
        notification.setId(id);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        notification.open();
    }
}
