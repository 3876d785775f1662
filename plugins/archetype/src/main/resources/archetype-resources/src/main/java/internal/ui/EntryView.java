package ${package}.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.converter.StringToIntegerConverter;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import ${package}.internal.Entry;
import ${package}.internal.EntryRules;
import ${package}.internal.EntryService;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;

/**
 * Records an entry (a title and an amount, checked as the user types) and lists the latest
 * ones. Numbers are read and shown in the page's language: "1.234" is one thousand two hundred
 * and thirty-four on a Vietnamese page, "1,234" on an English one.
 */
public final class EntryView extends VerticalLayout {

    /** Shown in the district's time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EntryService entries;
    private final TranslationService translations;
    private final Locale locale;
    private final Binder<Draft> binder = new Binder<>();
    private final Grid<Entry> grid = new Grid<>();

    /**
     * Creates the view.
     *
     * @param entries the entries
     * @param translations texts
     */
    public EntryView(EntryService entries, TranslationService translations) {
        this.entries = entries;
        this.translations = translations;
        this.locale = UI.getCurrent() != null ? UI.getCurrent().getLocale() : TranslationService.VIETNAMESE;
        setId("${pluginName}-view");
        addClassName("${pluginName}-page");

        H2 title = new H2(t("${pluginName}.view.title"));
        title.setId("${pluginName}-title");

        TextField titleField = new TextField(t("${pluginName}.field.title"));
        titleField.setId("${pluginName}-entry-title");
        titleField.setMaxLength(EntryRules.MAX_TITLE);
        TextField amountField = new TextField(t("${pluginName}.field.amount"));
        amountField.setId("${pluginName}-entry-amount");
        amountField.setHelperText(t("${pluginName}.field.amount.help", EntryRules.MAX_AMOUNT));

        binder.forField(titleField)
                .withValidator((value, context) -> result(EntryRules.checkTitle(value)))
                .bind(Draft::title, Draft::title);
        // The converter parses with the field's locale, which is the page's.
        binder.forField(amountField)
                .withNullRepresentation("")
                .withConverter(new StringToIntegerConverter(t("${pluginName}.error.amount-number")))
                .withValidator((value, context) -> result(EntryRules.checkAmount(value)))
                .bind(Draft::amount, Draft::amount);
        binder.setBean(new Draft());

        Button save = new Button(t("${pluginName}.action.save"), e -> save());
        save.setId("${pluginName}-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(titleField, amountField);
        form.setId("${pluginName}-form");

        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(ZONE);
        grid.setId("${pluginName}-grid");
        grid.addColumn(Entry::title).setHeader(t("${pluginName}.column.title")).setFlexGrow(3);
        grid.addColumn(e -> numbers.format(e.amount())).setHeader(t("${pluginName}.column.amount"));
        grid.addColumn(Entry::createdBy).setHeader(t("${pluginName}.column.created-by"));
        grid.addColumn(e -> times.format(e.createdAt())).setHeader(t("${pluginName}.column.created-at"));
        grid.setEmptyStateText(t("${pluginName}.grid.empty"));
        grid.setAllRowsVisible(true);

        add(title, form, save, grid);
        // The service checks again; this only hides a form whose saving would be refused.
        form.setVisible(entries.mayEdit());
        save.setVisible(entries.mayEdit());
        refresh();
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        Draft draft = binder.getBean();
        try {
            entries.add(draft.title(), draft.amount());
        } catch (EntryService.InvalidEntryException e) {
            show(problem(e.key()), NotificationVariant.LUMO_ERROR);
            return;
        } catch (AccessDeniedException e) {
            show(t("${pluginName}.error.denied"), NotificationVariant.LUMO_ERROR);
            return;
        }
        show(t("${pluginName}.saved", draft.title().strip()), NotificationVariant.LUMO_SUCCESS);
        binder.setBean(new Draft());
        refresh();
    }

    private void refresh() {
        grid.setItems(entries.latest(20));
    }

    private void show(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        notification.setId("${pluginName}-notification");
        notification.addThemeVariants(variant);
    }

    private ValidationResult result(Optional<String> problem) {
        return problem.map(key -> ValidationResult.error(problem(key))).orElse(ValidationResult.ok());
    }

    /** A problem of {@link EntryRules}: {0} is the longest title, {1} the largest amount. */
    private String problem(String key) {
        return t(key, EntryRules.MAX_TITLE, EntryRules.MAX_AMOUNT);
    }

    private String t(String key, Object... args) {
        return translations.translate(key, locale, args);
    }

    /** What the form edits before it is recorded. */
    static final class Draft {
        private String title = "";
        private Integer amount;

        String title() {
            return title;
        }

        void title(String value) {
            this.title = value;
        }

        Integer amount() {
            return amount;
        }

        void amount(Integer value) {
            this.amount = value;
        }
    }
}
