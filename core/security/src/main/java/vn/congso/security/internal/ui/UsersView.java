package vn.congso.security.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.UploadTexts;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.SecurityStore;
import vn.congso.security.internal.UserCsv;
import vn.congso.security.internal.UserData;
import vn.congso.security.internal.ValidationException;

/** Account administration: list, create, edit, disable, reset password, import from CSV. */
public class UsersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient SecurityService security;
    private final Grid<SecurityStore.User> grid = new Grid<>();
    private final transient Map<String, String> roleNames = new LinkedHashMap<>();
    private final transient Map<String, String> unitNames = new LinkedHashMap<>();

    /** Creates the view. */
    public UsersView(SecurityService security) {
        this.security = security;
        setId("users-view");
        setSizeFull();
        boolean english = UI.getCurrent() != null && "en".equals(UI.getCurrent().getLocale().getLanguage());
        security.roles().forEach(r -> roleNames.put(r.id(), english ? r.nameEn() : r.nameVi()));
        security.units().forEach(u -> unitNames.put(u.id(), u.name()));

        Button add = new Button(security.t("security.users.add"), e -> openEditor(null));
        add.setId("users-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importButton = new Button(security.t("security.users.import"), e -> openImport());
        importButton.setId("users-import");

        grid.setId("users-grid");
        grid.setEmptyStateText(security.t("security.users.empty"));
        grid.addColumn(u -> u.data().username()).setHeader(security.t("security.user.username")).setSortable(true);
        grid.addColumn(u -> u.data().fullName()).setHeader(security.t("security.user.full-name")).setSortable(true);
        grid.addColumn(u -> unitNames.getOrDefault(u.data().unit(), u.data().unit()))
                .setHeader(security.t("security.user.unit")).setSortable(true);
        grid.addColumn(u -> u.data().roles().stream().map(r -> roleNames.getOrDefault(r, r))
                .collect(Collectors.joining(", "))).setHeader(security.t("security.user.roles"));
        grid.addColumn(u -> security.t(u.data().enabled() ? "security.user.enabled" : "security.user.disabled"))
                .setHeader(security.t("security.user.state"));
        grid.addItemClickListener(e -> openEditor(e.getItem()));
        grid.setSizeFull();
        refresh();
        add(new H1(security.t("security.users.title")), new HorizontalLayout(add, importButton), grid);
    }

    private void refresh() {
        grid.setItems(security.users());
    }

    private void openEditor(SecurityStore.User existing) {
        Dialog dialog = new Dialog();
        dialog.setId("user-dialog");
        dialog.setWidth("min(36rem, 96vw)");
        dialog.setHeaderTitle(security.t(existing == null ? "security.users.add" : "security.users.edit"));
        TextField username = new TextField(security.t("security.user.username"));
        username.setId("user-username");
        username.setMaxLength(UserCsv.MAX_USERNAME);
        username.setHelperText(security.t("security.user.username.help"));
        TextField fullName = new TextField(security.t("security.user.full-name"));
        fullName.setId("user-full-name");
        fullName.setMaxLength(UserCsv.MAX_FULL_NAME);
        EmailField email = new EmailField(security.t("security.user.email"));
        email.setId("user-email");
        email.setMaxLength(UserCsv.MAX_EMAIL);
        TextField phone = new TextField(security.t("security.user.phone"));
        phone.setId("user-phone");
        phone.setMaxLength(UserCsv.MAX_PHONE);
        ComboBox<String> unit = new ComboBox<>(security.t("security.user.unit"));
        unit.setId("user-unit");
        unit.setItems(unitNames.keySet());
        unit.setItemLabelGenerator(id -> unitNames.getOrDefault(id, id));
        MultiSelectComboBox<String> roles = new MultiSelectComboBox<>(security.t("security.user.roles"));
        roles.setId("user-roles");
        roles.setItems(roleNames.keySet());
        roles.setItemLabelGenerator(id -> roleNames.getOrDefault(id, id));
        Checkbox enabled = new Checkbox(security.t("security.user.enabled"), true);
        enabled.setId("user-enabled");
        if (existing != null) {
            username.setValue(existing.data().username());
            username.setReadOnly(true);
            fullName.setValue(existing.data().fullName());
            email.setValue(existing.data().email());
            phone.setValue(existing.data().phone());
            unit.setValue(existing.data().unit());
            roles.setValue(existing.data().roles());
            enabled.setValue(existing.data().enabled());
        } else {
            unit.setValue("district");
        }
        VerticalLayout form = new VerticalLayout(username, fullName, email, phone, unit, roles, enabled);
        form.setPadding(false);
        form.getChildren().forEach(c -> ((com.vaadin.flow.component.HasSize) c).setWidthFull());
        dialog.add(form);

        Button save = new Button(security.t("security.form.save"), e -> {
            UserData data = new UserData(username.getValue(), fullName.getValue(), email.getValue(),
                    phone.getValue(), unit.getValue(), enabled.getValue(), Set.copyOf(roles.getValue()));
            try {
                if (existing == null) {
                    String password = security.createUser(data);
                    dialog.close();
                    showPasswords(Map.of(data.username().trim().toLowerCase(java.util.Locale.ROOT), password));
                } else {
                    security.updateUser(data);
                    dialog.close();
                    Forms.success(security.t("security.form.saved"));
                }
                refresh();
            } catch (ValidationException problems) {
                Forms.show(security, problems, Map.of("username", username, "fullName", fullName, "email", email,
                        "phone", phone, "unit", unit, "roles", roles));
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(security.t("security.form.cancel"), e -> dialog.close());
        cancel.setId("user-cancel");
        dialog.getFooter().add(cancel);
        if (existing != null) {
            Button reset = new Button(security.t("security.users.reset-password"), e -> {
                String password = security.resetPassword(existing.data().username());
                dialog.close();
                showPasswords(Map.of(existing.data().username(), password));
            });
            reset.setId("user-reset-password");
            dialog.getFooter().add(reset);
        }
        dialog.getFooter().add(save);
        dialog.open();
    }

    /** Shows one-time passwords once; they are not stored in clear anywhere. */
    private void showPasswords(Map<String, String> passwords) {
        Dialog dialog = new Dialog();
        dialog.setId("one-time-passwords-dialog");
        dialog.setHeaderTitle(security.t("security.users.one-time-title"));
        dialog.add(new Paragraph(security.t("security.users.one-time-help")));
        Grid<Map.Entry<String, String>> list = new Grid<>();
        list.setId("one-time-passwords");
        list.setEmptyStateText(security.t("security.users.one-time-none"));
        list.addColumn(Map.Entry::getKey).setHeader(security.t("security.user.username"));
        list.addColumn(Map.Entry::getValue).setHeader(security.t("security.users.one-time-password"));
        list.setItems(List.copyOf(passwords.entrySet()));
        list.setAllRowsVisible(passwords.size() <= 10);
        list.setWidth("520px");
        dialog.add(list);
        Button close = new Button(security.t("security.form.close"), e -> dialog.close());
        close.setId("one-time-passwords-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void openImport() {
        Dialog dialog = new Dialog();
        dialog.setId("import-dialog");
        dialog.setHeaderTitle(security.t("security.users.import"));
        dialog.setWidth("720px");
        Paragraph help = new Paragraph(security.t("security.import.help", String.join(",", UserCsv.HEADER)));
        VerticalLayout result = new VerticalLayout();
        result.setId("import-result");
        result.setPadding(false);
        Button confirm = new Button(security.t("security.import.confirm"));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        String[] content = new String[1];
        // Limits on the server: at most MAX_IMPORT_BYTES are read, spooled to a temporary file
        // (deleted at once), and the content must be UTF-8 text.
        Upload upload = new Upload(new BoundedUploadHandler(UserCsv.MAX_IMPORT_BYTES, ContentCheck.utf8Text(),
                received -> {
                    try (received) {
                        content[0] = new String(received.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    showChecked(content[0], result, confirm);
                },
                refused -> {
                    content[0] = null;
                    result.removeAll();
                    confirm.setEnabled(false);
                    Forms.error(security.t(refused.key(), refused.args().toArray()));
                }));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(UserCsv.MAX_IMPORT_BYTES);
        upload.setI18n(UploadTexts.of(security::t));
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> Forms.error(security.t("security.import.file-rejected")));
        confirm.addClickListener(e -> {
            try {
                Map<String, String> created = security.importUsers(content[0]);
                dialog.close();
                refresh();
                showPasswords(created);
            } catch (ValidationException problems) {
                Forms.show(security, problems, Map.of());
            }
        });
        Button cancel = new Button(security.t("security.form.cancel"), e -> dialog.close());
        cancel.setId("import-cancel");
        dialog.add(help, upload, result);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    /** Shows what importing the file would create, or every problem with its line. */
    private void showChecked(String csv, VerticalLayout result, Button confirm) {
        result.removeAll();
        UserCsv.Result checked = security.checkImport(csv);
        if (checked.ok()) {
            Span summary = new Span(security.t("security.import.preview", checked.rows().size()));
            summary.setId("import-preview");
            Grid<UserCsv.Row> preview = new Grid<>();
            preview.setId("import-preview-grid");
            preview.setEmptyStateText(security.t("security.users.import-empty"));
            preview.addColumn(UserCsv.Row::line).setHeader("#").setAutoWidth(true);
            preview.addColumn(r -> r.user().username()).setHeader(security.t("security.user.username"));
            preview.addColumn(r -> r.user().fullName()).setHeader(security.t("security.user.full-name"));
            preview.addColumn(r -> unitNames.getOrDefault(r.user().unit(), r.user().unit()))
                    .setHeader(security.t("security.user.unit"));
            preview.addColumn(r -> r.user().roles().stream().map(x -> roleNames.getOrDefault(x, x))
                    .collect(Collectors.joining(", "))).setHeader(security.t("security.user.roles"));
            preview.setItems(checked.rows());
            preview.setHeight("260px");
            result.add(summary, preview);
            confirm.setEnabled(true);
        } else {
            Span title = new Span(security.t("security.import.rejected", checked.problems().size()));
            title.setId("import-rejected");
            Grid<UserCsv.Problem> errors = new Grid<>();
            errors.setId("import-errors");
            errors.setEmptyStateText(security.t("security.users.import-empty"));
            errors.addColumn(UserCsv.Problem::line).setHeader(security.t("security.import.line"))
                    .setAutoWidth(true);
            errors.addColumn(p -> security.t(p.key(), p.value())).setHeader(security.t("security.import.problem"));
            errors.setItems(checked.problems());
            errors.setHeight("260px");
            result.add(title, errors);
            confirm.setEnabled(false);
        }
    }
}
