package vn.congso.services.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.catalogue.FieldType;
import vn.congso.services.internal.catalogue.FormField;

/** The input a citizen gets for an e-form field, on the submit page and in the designer's preview. */
final class FormInputs {

    private FormInputs() {
    }

    /**
     * @param f the field
     * @param ui texts in the page's language
     * @param idPrefix the prefix of the input's id, followed by the field's key
     * @return the input, labelled in the page's language
     */
    static Component input(FormField f, Texts ui, String idPrefix) {
        Component c;
        if (f.type() == FieldType.CHOICE) {
            Select<String> select = new Select<>();
            select.setLabel(f.label(ui.locale()));
            select.setItems(f.choices());
            select.setRequiredIndicatorVisible(f.required());
            if (!f.help(ui.locale()).isEmpty()) {
                select.setHelperText(f.help(ui.locale()));
            }
            c = select;
        } else {
            TextField field = new TextField(f.label(ui.locale()));
            field.setMaxLength(f.maxLength());
            field.setRequiredIndicatorVisible(f.required());
            if (f.type() == FieldType.DATE) {
                field.setPlaceholder(Formats.datePattern(ui.locale()).toLowerCase(java.util.Locale.ROOT));
                field.setHelperText(ui.t("services.form.date-help", Formats.datePattern(ui.locale())));
            } else if (!f.help(ui.locale()).isEmpty()) {
                field.setHelperText(f.help(ui.locale()));
            }
            c = field;
        }
        c.setId(idPrefix + f.key());
        return c;
    }

    /**
     * @param c an input made by {@link #input}
     * @return what it holds, as text
     */
    @SuppressWarnings("unchecked")
    static String value(Component c) {
        if (c instanceof HasValue<?, ?> v) {
            Object value = ((HasValue<?, Object>) v).getValue();
            return value == null ? "" : value.toString();
        }
        return "";
    }
}
