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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.UploadTexts;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.catalogue.FieldType;
import vn.congso.services.internal.catalogue.FormField;
import vn.congso.services.internal.catalogue.FormValidation;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;

/**
 * A signed-in citizen submits a dossier online: the desk's unit, the applicant, the procedure's
 * e-form (each problem on its field), attachments (limits enforced by the server while the file
 * arrives, content sniffed), then the dossier code and the receipt PDF. One submit per form: the
 * form's token makes a double click one dossier.
 */
public class SubmitView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProcedureCatalogue catalogue;
    private final DossierService dossiers;
    private final UnitDirectory units;
    private final CurrentUserService users;
    private final ServicesConfig config;
    private final Texts ui;
    private final Map<String, Component> inputs = new LinkedHashMap<>();
    private final List<DossierService.NewFile> files = new ArrayList<>();
    private final UnorderedList fileList = new UnorderedList();
    private final String token = UUID.randomUUID().toString();

    /**
     * @param catalogue the catalogue
     * @param dossiers the dossiers
     * @param units the units
     * @param users who is asking
     * @param config limits
     * @param translations texts
     */
    public SubmitView(ProcedureCatalogue catalogue, DossierService dossiers, UnitDirectory units,
            CurrentUserService users, ServicesConfig config, TranslationService translations) {
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.units = units;
        this.users = users;
        this.config = config;
        this.ui = new Texts(translations);
        setId("services-submit");
        addClassName("services-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        Procedure p = catalogue.get(code).filter(Procedure::online).orElse(null);
        if (p == null) {
            Paragraph missing = new Paragraph(ui.t("services.procedure.missing"));
            missing.setId("services-submit-missing");
            add(missing);
            return;
        }
        H2 title = new H2(ui.t("services.submit.title", p.name()));
        title.setId("services-submit-title");
        boolean districtDesk = p.level() == Procedure.Level.DISTRICT && !p.interLevel();
        Select<OrgUnit> unit = new Select<>();
        unit.setId("services-submit-unit");
        unit.setLabel(ui.t("services.submit.unit"));
        List<OrgUnit> desks = units.validOn(LocalDate.now(Formats.ZONE)).stream()
                .filter(u -> districtDesk ? u.level() == OrgUnit.Level.DISTRICT : u.level() == OrgUnit.Level.COMMUNE)
                .toList();
        unit.setItems(desks);
        unit.setItemLabelGenerator(OrgUnit::name);
        String own = dossiers.currentUnit();
        desks.stream().filter(u -> u.code().equals(own)).findFirst().or(() -> desks.stream().findFirst())
                .ifPresent(unit::setValue);
        inputs.put("applicant-unit", unit);

        FormLayout form = new FormLayout();
        form.setId("services-submit-form");
        TextField name = text("applicant-name", ui.t("services.submit.applicant-name"), 200);
        name.setValue(users.current().displayName());
        form.add(unit, name, text("applicant-phone", ui.t("services.submit.applicant-phone"), 20),
                text("applicant-email", ui.t("services.submit.applicant-email"), 200));
        List<FormField> fields = catalogue.form(p.code());
        for (FormField f : fields) {
            form.add(input(f));
        }

        long max = config.maxFileMegabytes() * 1024L * 1024L;
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
                        item.setId("services-submit-file-" + files.size());
                        fileList.add(item);
                    }
                },
                refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
        upload.setId("services-submit-upload");
        upload.setI18n(UploadTexts.of(ui.translator()));
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        fileList.setId("services-submit-files");
        Paragraph filesHelp = new Paragraph(ui.t("services.submit.files-help", config.maxFileMegabytes()));

        Div result = new Div();
        result.setId("services-submit-result");
        Button submit = new Button(ui.t("services.submit.send"));
        submit.setId("services-submit-send");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (FormField f : fields) {
                values.put(f.key(), value(inputs.get(f.key())));
            }
            clearErrors();
            try {
                Dossier d = dossiers.submit(new DossierService.Submission(p.code(),
                        unit.getValue() == null ? "" : unit.getValue().code(), name.getValue(),
                        value(inputs.get("applicant-phone")), value(inputs.get("applicant-email")), values,
                        List.copyOf(files), token), ui.locale());
                form.setEnabled(false);
                upload.setVisible(false);
                submit.setVisible(false);
                Paragraph done = new Paragraph(ui.t("services.submit.done", d.code()));
                done.setId("services-submit-code");
                done.getElement().setAttribute("data-code", d.code());
                result.add(done, Downloads.link("services-submit-receipt", ui.t("services.receipt.download"),
                        d.code() + ".pdf", "application/pdf", () -> dossiers.receipt(d.id())));
                ui.success(ui.t("services.submit.done", d.code()));
            } catch (DossierService.FormException ex) {
                ex.problems().forEach((key, problem) -> {
                    Component c = inputs.get(key);
                    if (c instanceof HasValidation v) {
                        v.setErrorMessage(ui.t(problem.key(), problem.args().toArray()));
                        v.setInvalid(true);
                    }
                });
                ui.error(ui.t("services.form.invalid"));
                submit.setEnabled(true);
            } catch (RuntimeException ex) {
                submit.setEnabled(true);
                ui.refused(ex);
            }
        });
        add(title, form, new H3(ui.t("services.submit.files")), filesHelp, upload, fileList, submit, result);
    }

    private TextField text(String key, String label, int max) {
        TextField field = new TextField(label);
        field.setId("services-submit-" + key);
        field.setMaxLength(max);
        inputs.put(key, field);
        return field;
    }

    private Component input(FormField f) {
        Component c = FormInputs.input(f, ui, "services-form-");
        inputs.put(f.key(), c);
        return c;
    }

    private void clearErrors() {
        for (Component c : inputs.values()) {
            if (c instanceof HasValidation v) {
                v.setInvalid(false);
            }
        }
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
