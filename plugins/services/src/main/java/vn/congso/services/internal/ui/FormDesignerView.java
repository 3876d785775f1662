package vn.congso.services.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congso.api.TranslationService;
import vn.congso.services.internal.catalogue.FieldPatterns;
import vn.congso.services.internal.catalogue.FieldType;
import vn.congso.services.internal.catalogue.FormDesign;
import vn.congso.services.internal.catalogue.FormField;
import vn.congso.services.internal.catalogue.FormValidation;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;

/**
 * The e-form designer ({@code services:catalogue:manage}): pick a procedure, add, edit, reorder and
 * remove its form's fields, see the form as the citizen will on the right (and try it), save it
 * all at once. Dossiers already filled in keep the version they were filled in with.
 */
public class FormDesignerView extends VerticalLayout {

    private static final String CUSTOM = "custom";

    private final ProcedureCatalogue catalogue;
    private final Texts ui;
    private final ComboBox<Procedure> procedure = new ComboBox<>();
    private final VerticalLayout editors = new VerticalLayout();
    private final FormLayout preview = new FormLayout();
    private final Div editor = new Div();
    private final List<FormDesign.Draft> drafts = new ArrayList<>();
    /** The inputs of each field's editor, by attribute, to mark the problems on. */
    private final List<Map<String, Component>> inputs = new ArrayList<>();
    private final Map<String, Component> previewInputs = new LinkedHashMap<>();
    private List<FormField> previewFields = List.of();

    /**
     * @param catalogue the catalogue
     * @param translations texts
     */
    public FormDesignerView(ProcedureCatalogue catalogue, TranslationService translations) {
        this.catalogue = catalogue;
        this.ui = new Texts(translations);
        setId("services-designer");
        addClassName("services-page");
        procedure.setId("services-designer-procedure");
        procedure.setLabel(ui.t("services.designer.procedure"));
        procedure.setWidth("min(100%, 48rem)");
        procedure.setItems(catalogue.find(ProcedureCatalogue.Filter.ALL, 2000));
        procedure.setItemLabelGenerator(p -> p.code() + " — " + p.name());
        procedure.addValueChangeListener(e -> load(e.getValue()));

        editors.setId("services-designer-fields");
        editors.setPadding(false);
        Button add = new Button(ui.t("services.designer.add"), e -> {
            FormDesign.Draft d = new FormDesign.Draft();
            d.key = "truong-" + (drafts.size() + 1);
            drafts.add(d);
            render();
        });
        add.setId("services-designer-add");
        Button save = new Button(ui.t("services.designer.save"), e -> save());
        save.setId("services-designer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout left = new VerticalLayout(editors, new HorizontalLayout(add, save));
        left.setPadding(false);
        left.setMinWidth("min(100%, 22rem)");

        preview.setId("services-designer-preview");
        Button check = new Button(ui.t("services.designer.preview.check"), e -> checkPreview());
        check.setId("services-designer-preview-check");
        VerticalLayout right = new VerticalLayout(new H3(ui.t("services.designer.preview")),
                new Paragraph(ui.t("services.designer.preview.help")), preview, check);
        right.setPadding(false);
        right.setMinWidth("min(100%, 16rem)");
        right.addClassName("services-designer-preview");
        // The preview stays in sight while the fields scroll.
        right.getStyle().set("position", "sticky").set("top", "0").set("align-self", "flex-start");

        FlexLayout columns = new FlexLayout(left, right);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.setFlexGrow(3, left);
        columns.setFlexGrow(2, right);
        columns.setFlexBasis("0", left, right);
        columns.setWidthFull();
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        editor.setId("services-designer-editor");
        editor.add(columns);
        editor.setVisible(false);
        add(new H2(ui.t("services.designer.title")), new Paragraph(ui.t("services.designer.help")), procedure, editor);
    }

    private void load(Procedure p) {
        drafts.clear();
        if (p == null) {
            editor.setVisible(false);
            return;
        }
        for (FormField f : catalogue.form(p.code())) {
            drafts.add(FormDesign.Draft.of(f, ui.locale()));
        }
        editor.setVisible(true);
        render();
    }

    /** Draws every field's editor again (after adding, removing or moving one) and the preview. */
    private void render() {
        editors.removeAll();
        inputs.clear();
        for (int i = 0; i < drafts.size(); i++) {
            editors.add(fieldEditor(i, drafts.get(i)));
        }
        if (drafts.isEmpty()) {
            Paragraph empty = new Paragraph(ui.t("services.designer.empty"));
            empty.setId("services-designer-empty");
            editors.add(empty);
        }
        refreshPreview();
    }

    private Component fieldEditor(int i, FormDesign.Draft d) {
        Map<String, Component> in = new HashMap<>();
        inputs.add(in);
        String id = "services-designer-";
        TextField key = text(id + "key-" + i, "services.designer.key", d.key, 40, v -> d.key = v);
        key.setHelperText(ui.t("services.designer.key.help"));
        in.put("key", key);
        TextField label = text(id + "label-" + i, "services.designer.label", d.label, 200, v -> d.label = v);
        in.put("label", label);
        TextField labelEn = text(id + "label-en-" + i, "services.designer.label-en", d.labelEn, 200, v -> d.labelEn = v);
        in.put("label-en", labelEn);
        Select<FieldType> type = new Select<>();
        type.setId(id + "type-" + i);
        type.setLabel(ui.t("services.designer.type"));
        type.setItems(FieldType.values());
        type.setItemLabelGenerator(t -> ui.t("services.designer.type." + t.code()));
        type.setValue(d.type);
        Checkbox required = new Checkbox(ui.t("services.designer.required"), d.required);
        required.setId(id + "required-" + i);
        required.addValueChangeListener(e -> {
            d.required = e.getValue();
            refreshPreview();
        });
        IntegerField maxLength = new IntegerField(ui.t("services.designer.max-length"));
        maxLength.setId(id + "max-length-" + i);
        maxLength.setMin(1);
        maxLength.setMax(FormDesign.MAX_LENGTH);
        maxLength.setValue(d.maxLength);
        maxLength.addValueChangeListener(e -> {
            d.maxLength = e.getValue();
            refreshPreview();
        });
        in.put("max-length", maxLength);
        TextField min = text(id + "min-" + i, "services.designer.min", d.min, 30, v -> d.min = v);
        TextField max = text(id + "max-" + i, "services.designer.max", d.max, 30, v -> d.max = v);
        in.put("min", min);
        in.put("max", max);
        TextArea choices = new TextArea(ui.t("services.designer.choices"));
        choices.setId(id + "choices-" + i);
        choices.setHelperText(ui.t("services.designer.choices.help"));
        choices.setMaxLength(1200);
        choices.setValue(d.choices);
        choices.setValueChangeMode(ValueChangeMode.LAZY);
        choices.addValueChangeListener(e -> {
            d.choices = e.getValue();
            refreshPreview();
        });
        in.put("choices", choices);
        TextField help = text(id + "help-" + i, "services.designer.help-text", d.help, 500, v -> d.help = v);
        TextField helpEn = text(id + "help-en-" + i, "services.designer.help-text-en", d.helpEn, 500, v -> d.helpEn = v);
        in.put("help", help);
        in.put("help-en", helpEn);
        Select<String> patternKind = new Select<>();
        patternKind.setId(id + "pattern-kind-" + i);
        patternKind.setLabel(ui.t("services.designer.pattern"));
        List<String> kinds = new ArrayList<>();
        kinds.add("");
        kinds.addAll(FieldPatterns.NAMED.keySet());
        kinds.add(CUSTOM);
        patternKind.setItems(kinds);
        patternKind.setItemLabelGenerator(k -> ui.t("services.designer.pattern." + (k.isEmpty() ? "none"
                : k.startsWith("@") ? k.substring(1) : k)));
        patternKind.setValue(d.pattern.isEmpty() || d.pattern.startsWith("@") ? d.pattern : CUSTOM);
        TextField regex = text(id + "pattern-" + i, "services.designer.regex", d.pattern.startsWith("@") ? "" : d.pattern,
                FieldPatterns.MAX_LENGTH, v -> d.pattern = v);
        regex.setHelperText(ui.t("services.designer.regex.help", FieldPatterns.MAX_LENGTH));
        regex.setVisible(CUSTOM.equals(patternKind.getValue()));
        TextField sample = text(id + "pattern-sample-" + i, "services.designer.sample", d.patternSample, 200,
                v -> d.patternSample = v);
        sample.setVisible(!patternKind.getValue().isEmpty());
        in.put("pattern", patternKind);
        patternKind.addValueChangeListener(e -> {
            boolean custom = CUSTOM.equals(e.getValue());
            d.pattern = custom ? regex.getValue() : e.getValue();
            regex.setVisible(custom);
            sample.setVisible(!e.getValue().isEmpty());
            in.put("pattern", custom ? regex : patternKind);
            refreshPreview();
        });
        if (CUSTOM.equals(patternKind.getValue())) {
            in.put("pattern", regex);
        }
        Runnable byType = () -> {
            FieldType t = type.getValue();
            min.setVisible(t == FieldType.NUMBER);
            max.setVisible(t == FieldType.NUMBER);
            choices.setVisible(t == FieldType.CHOICE);
            patternKind.setVisible(t == FieldType.TEXT);
            regex.setVisible(t == FieldType.TEXT && CUSTOM.equals(patternKind.getValue()));
            sample.setVisible(t == FieldType.TEXT && !patternKind.getValue().isEmpty());
        };
        byType.run();
        type.addValueChangeListener(e -> {
            d.type = e.getValue();
            byType.run();
            refreshPreview();
        });

        Button up = new Button(ui.t("services.designer.up"), e -> move(i, -1));
        up.setId(id + "up-" + i);
        up.setEnabled(i > 0);
        Button down = new Button(ui.t("services.designer.down"), e -> move(i, 1));
        down.setId(id + "down-" + i);
        down.setEnabled(i < drafts.size() - 1);
        Button remove = new Button(ui.t("services.designer.remove"), e -> {
            drafts.remove(i);
            render();
        });
        remove.setId(id + "remove-" + i);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FormLayout layout = new FormLayout(key, type, label, labelEn, required, maxLength, min, max, choices, help, helpEn,
                patternKind, regex, sample);
        Div card = new Div(new H3(ui.t("services.designer.field", i + 1)), layout, new HorizontalLayout(up, down, remove));
        card.setId(id + "field-" + i);
        card.addClassName("services-designer-field");
        return card;
    }

    private TextField text(String id, String labelKey, String value, int maxLength,
            java.util.function.Consumer<String> setter) {
        TextField field = new TextField(ui.t(labelKey));
        field.setId(id);
        field.setMaxLength(maxLength);
        field.setValue(value == null ? "" : value);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> {
            setter.accept(e.getValue());
            refreshPreview();
        });
        return field;
    }

    private void move(int i, int by) {
        int j = i + by;
        if (j >= 0 && j < drafts.size()) {
            drafts.add(j, drafts.remove(i));
            render();
        }
    }

    /** The form as the citizen will see it: every field that is valid so far, in order. */
    private void refreshPreview() {
        preview.removeAll();
        previewInputs.clear();
        previewFields = FormDesign.build(drafts, ui.locale()).fields();
        for (FormField f : previewFields) {
            Component c = FormInputs.input(f, ui, "services-designer-preview-");
            previewInputs.put(f.key(), c);
            preview.add(c);
        }
    }

    /** Checks what was typed in the preview as the submission would, each problem on its field. */
    private void checkPreview() {
        Map<String, String> values = new LinkedHashMap<>();
        previewInputs.forEach((k, c) -> values.put(k, FormInputs.value(c)));
        FormValidation.Result result = FormValidation.check(previewFields, values, ui.locale());
        previewInputs.forEach((k, c) -> {
            if (c instanceof HasValidation v) {
                FormValidation.Problem p = result.errors().get(k);
                v.setErrorMessage(p == null ? null : ui.t(p.key(), p.args().toArray()));
                v.setInvalid(p != null);
            }
        });
        if (result.ok()) {
            ui.success(ui.t("services.designer.preview.ok"));
        }
    }

    private void save() {
        Procedure p = procedure.getValue();
        if (p == null) {
            ui.error(ui.t("services.designer.error.procedure"));
            return;
        }
        FormDesign.Result result = FormDesign.build(drafts, ui.locale());
        for (Map<String, Component> in : inputs) {
            in.values().forEach(c -> {
                if (c instanceof HasValidation v) {
                    v.setInvalid(false);
                }
            });
        }
        if (!result.ok()) {
            result.errors().forEach((index, problems) -> problems.forEach((attribute, key) -> {
                Component c = index >= 0 && index < inputs.size() ? inputs.get(index).get(attribute) : null;
                if (c instanceof HasValidation v) {
                    v.setErrorMessage(ui.t(key, FieldPatterns.MAX_LENGTH));
                    v.setInvalid(true);
                }
            }));
            String first = result.errors().values().iterator().next().values().iterator().next();
            ui.error(ui.t("services.designer.invalid", ui.t(first, FieldPatterns.MAX_LENGTH)));
            return;
        }
        try {
            catalogue.saveForm(p.code(), result.fields());
            ui.success(ui.t("services.designer.saved", p.code(), result.fields().size()));
        } catch (IllegalArgumentException e) {
            ui.error(ui.t(e.getMessage()));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }
}
