package vn.congso.services.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.UploadTexts;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.catalogue.FieldType;
import vn.congso.services.internal.catalogue.FormField;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;

/**
 * The desk officer enters a walk-in citizen's paper dossier at the counter: the procedure, the
 * applicant (name, phone, identity number), the procedure's e-form, the scanned papers (the same
 * server limits and content checks as online); the dossier is received at once and its receipt
 * (template 01) printed. One entry per form: its token makes a double click one dossier.
 */
public class CounterView extends VerticalLayout {

    private final ProcedureCatalogue catalogue;
    private final DossierService dossiers;
    private final ServicesConfig config;
    private final Texts ui;
    private final Div body = new Div();
    private final Map<String, Component> inputs = new LinkedHashMap<>();
    private final List<DossierService.NewFile> files = new ArrayList<>();
    private String token = UUID.randomUUID().toString();

    /**
     * @param catalogue the procedures and their e-forms
     * @param dossiers the dossiers
     * @param config the file limits
     * @param translations texts
     */
    public CounterView(ProcedureCatalogue catalogue, DossierService dossiers, ServicesConfig config,
            TranslationService translations) {
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.config = config;
        this.ui = new Texts(translations);
        setId("services-counter");
        addClassName("services-page");
        TextField code = new TextField(ui.t("services.procedure.code"));
        code.setId("services-counter-procedure");
        code.setMaxLength(32);
        Button open = new Button(ui.t("services.counter.open"), e -> open(code.getValue().strip()));
        open.setId("services-counter-open");
        FlexLayout find = new FlexLayout(code, open);
        find.addClassName("services-actions");
        find.setAlignItems(Alignment.BASELINE);
        body.setId("services-counter-body");
        add(new H2(ui.t("services.counter.title")), new Paragraph(ui.t("services.counter.help")), find, body);
    }

    private void open(String code) {
        body.removeAll();
        inputs.clear();
        files.clear();
        token = UUID.randomUUID().toString();
        Procedure p = catalogue.get(code).orElse(null);
        if (p == null) {
            Paragraph missing = new Paragraph(ui.t("services.procedure.missing"));
            missing.setId("services-counter-missing");
            body.add(missing);
            return;
        }
        H3 title = new H3(p.name());
        title.setId("services-counter-title");
        FormLayout form = new FormLayout();
        form.setId("services-counter-form");
        form.add(text("applicant-name", ui.t("services.submit.applicant-name"), 200),
                text("applicant-phone", ui.t("services.submit.applicant-phone"), 20),
                text("applicant-id-number", ui.t("services.counter.id-number"), 15),
                text("applicant-email", ui.t("services.submit.applicant-email"), 200));
        List<FormField> fields = catalogue.form(p.code());
        for (FormField f : fields) {
            form.add(input(f));
        }
        long max = config.maxFileMegabytes() * 1024L * 1024L;
        UnorderedList fileList = new UnorderedList();
        fileList.setId("services-counter-files");
        Upload upload = new Upload(new BoundedUploadHandler(max,
                ContentCheck.oneOf(DossierService.FILE_TYPES.toArray(FileType[]::new)),
                received -> {
                    try (received) {
                        if (files.size() >= DossierService.MAX_FILES) {
                            ui.error(ui.t("services.error.too-many-files", DossierService.MAX_FILES));
                            return;
                        }
                        files.add(new DossierService.NewFile(received.fileName(), received.readAllBytes()));
                        ListItem item = new ListItem(received.fileName());
                        item.setId("services-counter-file-" + files.size());
                        fileList.add(item);
                    }
                },
                refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
        upload.setId("services-counter-upload");
        upload.setI18n(UploadTexts.of(ui.translator()));
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        Div result = new Div();
        result.setId("services-counter-result");
        Button enter = new Button(ui.t("services.counter.enter"));
        enter.setId("services-counter-enter");
        enter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enter.setDisableOnClick(true);
        enter.addClickListener(e -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (FormField f : fields) {
                values.put(f.key(), value(inputs.get(f.key())));
            }
            inputs.values().forEach(c -> {
                if (c instanceof HasValidation v) {
                    v.setInvalid(false);
                }
            });
            try {
                Dossier d = dossiers.enterAtCounter(new DossierService.CounterEntry(p.code(),
                        value(inputs.get("applicant-name")), value(inputs.get("applicant-phone")),
                        value(inputs.get("applicant-id-number")), value(inputs.get("applicant-email")), values,
                        List.copyOf(files), token), ui.locale());
                form.setEnabled(false);
                upload.setVisible(false);
                enter.setVisible(false);
                Paragraph done = new Paragraph(ui.t("services.counter.done", d.code(),
                        d.dueDate().map(due -> Formats.date(due, ui.locale())).orElse("—")));
                done.setId("services-counter-code");
                done.getElement().setAttribute("data-code", d.code());
                result.add(done, Downloads.link("services-counter-receipt", ui.t("services.receipt.download"),
                        d.code() + ".pdf", "application/pdf", () -> dossiers.receipt(d.id())));
                ui.success(ui.t("services.counter.done", d.code(),
                        d.dueDate().map(due -> Formats.date(due, ui.locale())).orElse("—")));
            } catch (DossierService.FormException ex) {
                ex.problems().forEach((key, problem) -> {
                    if (inputs.get(key) instanceof HasValidation v) {
                        v.setErrorMessage(ui.t(problem.key(), problem.args().toArray()));
                        v.setInvalid(true);
                    }
                });
                ui.error(ui.t("services.form.invalid"));
                enter.setEnabled(true);
            } catch (RuntimeException ex) {
                enter.setEnabled(true);
                ui.refused(ex);
            }
        });
        body.add(title, form, new H3(ui.t("services.counter.files")),
                new Paragraph(ui.t("services.submit.files-help", config.maxFileMegabytes())), upload, fileList, enter, result);
    }

    private TextField text(String key, String label, int max) {
        TextField field = new TextField(label);
        field.setId("services-counter-" + key);
        field.setMaxLength(max);
        inputs.put(key, field);
        return field;
    }

    private Component input(FormField f) {
        Component c;
        if (f.type() == FieldType.CHOICE) {
            Select<String> select = new Select<>();
            select.setLabel(f.label());
            select.setItems(f.choices());
            select.setRequiredIndicatorVisible(f.required());
            c = select;
        } else {
            TextField field = new TextField(f.label());
            field.setMaxLength(f.maxLength());
            field.setRequiredIndicatorVisible(f.required());
            if (f.type() == FieldType.DATE) {
                field.setPlaceholder(Formats.datePattern(ui.locale()).toLowerCase(java.util.Locale.ROOT));
                field.setHelperText(ui.t("services.form.date-help", Formats.datePattern(ui.locale())));
            } else if (!f.help().isEmpty()) {
                field.setHelperText(f.help());
            }
            c = field;
        }
        c.setId("services-form-" + f.key());
        inputs.put(f.key(), c);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static String value(Component c) {
        if (c instanceof HasValue<?, ?> v) {
            Object value = ((HasValue<?, Object>) v).getValue();
            return value == null ? "" : value.toString();
        }
        return "";
    }
}
