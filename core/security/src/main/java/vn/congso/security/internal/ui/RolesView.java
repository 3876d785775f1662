package vn.congso.security.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.SecurityStore;
import vn.congso.security.internal.ValidationException;
import vn.congso.api.security.AccessDeniedException;

/**
 * The permission matrix: one row per permission declared by the bundles present now (and any
 * already granted), one column per role. It follows plugins as they come and go.
 */
public class RolesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient SecurityService security;
    private final transient PermissionRegistry registry;
    private final Grid<Row> grid = new Grid<>();
    private final transient Runnable listener = this::changedElsewhere;

    /** The administrator role: it always holds every permission ("*"). */
    static final String ADMINISTRATOR = "administrator";

    /**
     * One line of the matrix: a group heading (one per domain, the part before the first colon)
     * or a permission.
     *
     * @param permission the permission, or the domain for a heading
     * @param description the translated description, or the group's name for a heading
     * @param heading whether this line is a group heading
     * @param installed whether a bundle present now declares the permission
     */
    record Row(String permission, String description, boolean heading, boolean installed) {
    }

    /** Creates the view. */
    public RolesView(SecurityService security, PermissionRegistry registry) {
        this.security = security;
        this.registry = registry;
        setId("roles-view");
        setSizeFull();
        grid.setId("roles-matrix");
        grid.setEmptyStateText(security.t("security.roles.empty"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSizeFull();
        Button addRole = new Button(security.t("security.roles.add"), VaadinIcon.PLUS.create(), e -> openAddRole());
        addRole.setId("roles-add");
        add(new H1(security.t("security.roles.title")), new Paragraph(security.t("security.roles.help")), addRole, grid);
        build();
    }

    /** The dialog that adds a role of the administrators' own; a refused name stays in its field with the reason. */
    private void openAddRole() {
        Dialog dialog = new Dialog();
        dialog.setId("roles-add-dialog");
        dialog.setHeaderTitle(security.t("security.roles.add.title"));
        TextField nameVi = new TextField(security.t("security.roles.add.name-vi"));
        nameVi.setId("roles-add-name-vi");
        nameVi.setMaxLength(SecurityService.ROLE_NAME_MAX);
        nameVi.setRequiredIndicatorVisible(true);
        nameVi.setWidthFull();
        TextField nameEn = new TextField(security.t("security.roles.add.name-en"));
        nameEn.setId("roles-add-name-en");
        nameEn.setMaxLength(SecurityService.ROLE_NAME_MAX);
        nameEn.setHelperText(security.t("security.roles.add.name-en.help"));
        nameEn.setWidthFull();
        Button save = new Button(security.t("security.roles.add.save"), e -> {
            nameVi.setInvalid(false);
            nameEn.setInvalid(false);
            try {
                security.createRole(nameVi.getValue(), nameEn.getValue());
                dialog.close();
                Forms.success(security.t("security.roles.created", nameVi.getValue().strip()));
                build();
            } catch (ValidationException ex) {
                ValidationException.Problem problem = ex.problems().get(0);
                TextField field = "nameEn".equals(problem.field()) ? nameEn : nameVi;
                field.setErrorMessage(security.t(problem.key(), problem.value()));
                field.setInvalid(true);
            } catch (AccessDeniedException ex) {
                Forms.error(security.t("security.denied"));
            }
        });
        save.setId("roles-add-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(security.t("security.form.cancel"), e -> dialog.close());
        cancel.setId("roles-add-cancel");
        VerticalLayout body = new VerticalLayout(new Paragraph(security.t("security.roles.add.help")), nameVi, nameEn);
        body.setPadding(false);
        dialog.add(body);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        nameVi.focus();
    }

    /** Asks before deleting a role of the administrators' own; a role still held is refused with the count. */
    private void confirmDelete(SecurityStore.Role role, String name) {
        Dialog dialog = new Dialog();
        dialog.setId("roles-delete-dialog");
        dialog.setHeaderTitle(security.t("security.roles.delete", name));
        dialog.add(new Paragraph(security.t("security.roles.delete.confirm", name)));
        Button yes = new Button(security.t("security.roles.delete.yes"), e -> {
            dialog.close();
            try {
                security.deleteRole(role.id());
                Forms.success(security.t("security.roles.deleted", name));
                build();
            } catch (ValidationException ex) {
                Forms.error(security.t(ex.problems().get(0).key(), ex.problems().get(0).value()));
            } catch (AccessDeniedException ex) {
                Forms.error(security.t("security.denied"));
            }
        });
        yes.setId("roles-delete-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(security.t("security.form.cancel"), e -> dialog.close());
        cancel.setId("roles-delete-cancel");
        dialog.getFooter().add(cancel, yes);
        dialog.open();
    }

    /** A role's column header: its name, and for a role of the administrators' own a delete button. */
    private Component header(SecurityStore.Role role, String name) {
        if (role.builtIn()) {
            return new Span(name);
        }
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(role, name));
        delete.setId("roles-delete-" + role.id());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel(security.t("security.roles.delete", name));
        delete.setTooltipText(security.t("security.roles.delete", name));
        HorizontalLayout header = new HorizontalLayout(new Span(name), delete);
        header.setSpacing(false);
        header.getStyle().set("gap", "var(--lumo-space-xs)");
        header.setAlignItems(Alignment.CENTER);
        return header;
    }

    /**
     * The matrix's lines: the permissions declared now and those granted to some role, grouped by
     * domain (the core's "platform" first) with a heading per group; "*" is left out (the
     * administrator column says "all").
     */
    static List<Row> rows(List<PermissionRegistry.Declared> declared, List<SecurityStore.Role> roles,
            Predicate<String> hasText, Function<String, String> t) {
        Map<String, String> descriptions = new TreeMap<>();
        declared.forEach(d -> descriptions.putIfAbsent(d.permission(), t.apply(d.descriptionKey())));
        Set<String> granted = new TreeSet<>();
        roles.forEach(r -> granted.addAll(r.permissions()));
        granted.remove("*");
        Map<String, List<String>> groups = new TreeMap<>(Comparator.comparing((String g) -> !"platform".equals(g))
                .thenComparing(Comparator.naturalOrder()));
        Set<String> all = new TreeSet<>(descriptions.keySet());
        all.addAll(granted);
        all.forEach(p -> groups.computeIfAbsent(domain(p), g -> new ArrayList<>()).add(p));
        List<Row> rows = new ArrayList<>();
        groups.forEach((domain, permissions) -> {
            rows.add(new Row(domain, groupName(domain, hasText, t), true, true));
            for (String p : permissions) {
                boolean installed = descriptions.containsKey(p);
                rows.add(new Row(p, installed ? descriptions.get(p) : t.apply("security.roles.not-installed"), false,
                        installed));
            }
        });
        return rows;
    }

    private static String domain(String permission) {
        int colon = permission.indexOf(':');
        return colon < 0 ? permission : permission.substring(0, colon);
    }

    private static String groupName(String domain, Predicate<String> hasText, Function<String, String> t) {
        for (String key : List.of("security.roles.group." + domain, domain + ".nav.group")) {
            if (hasText.test(key)) {
                return t.apply(key);
            }
        }
        return domain;
    }

    private static String idOf(String text) {
        return text.replaceAll("[^A-Za-z0-9-]", "_");
    }

    private void build() {
        List<SecurityStore.Role> roles = security.roles();
        boolean english = UI.getCurrent() != null && "en".equals(UI.getCurrent().getLocale().getLanguage());
        List<Row> rows = rows(registry.permissions(), roles, security::hasText, key -> security.t(key));
        grid.removeAllColumns();
        grid.addComponentColumn(row -> {
            Span text = new Span(row.heading() ? row.description() : row.permission());
            if (row.heading()) {
                text.setId("roles-group-" + idOf(row.permission()));
                text.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
            } else {
                text.getStyle().set("font-family", "var(--lumo-font-family)").set("color", "var(--lumo-secondary-text-color)")
                        .set("overflow-wrap", "anywhere");
            }
            return text;
        }).setHeader(security.t("security.roles.permission")).setWidth("14em").setFlexGrow(0).setFrozen(true);
        grid.addComponentColumn(row -> {
            Span text = new Span(row.heading() ? "" : row.description());
            if (!row.installed()) {
                text.setId("roles-missing-" + idOf(row.permission()));
                text.getStyle().set("font-style", "italic").set("color", "var(--lumo-error-text-color)");
            }
            return text;
        }).setHeader(security.t("security.roles.description")).setWidth("20em").setFlexGrow(1);
        for (SecurityStore.Role role : roles) {
            grid.addComponentColumn(row -> {
                if (row.heading()) {
                    return new Span();
                }
                if (ADMINISTRATOR.equals(role.id())) {
                    Span all = new Span(security.t("security.roles.all-short"));
                    all.setId("perm-" + role.id() + "-" + idOf(row.permission()));
                    all.getStyle().set("color", "var(--lumo-success-text-color)");
                    return all;
                }
                Checkbox box = new Checkbox(role.permissions().contains(row.permission()));
                box.setId("perm-" + role.id() + "-" + idOf(row.permission()));
                box.setAriaLabel((english ? role.nameEn() : role.nameVi()) + ": " + row.description());
                box.addValueChangeListener(e -> {
                    if (!e.isFromClient()) {
                        return;
                    }
                    Set<String> next = new TreeSet<>(current(role.id()));
                    if (e.getValue()) {
                        next.add(row.permission());
                    } else {
                        next.remove(row.permission());
                    }
                    try {
                        security.setRolePermissions(role.id(), next);
                        Forms.success(security.t("security.roles.saved", english ? role.nameEn() : role.nameVi()));
                    } catch (ValidationException | AccessDeniedException ex) {
                        box.setValue(e.getOldValue());
                        Forms.error(ex instanceof ValidationException v
                                ? security.t(v.problems().get(0).key(), v.problems().get(0).value())
                                : security.t("security.denied"));
                    }
                });
                return box;
            }).setHeader(header(role, english ? role.nameEn() : role.nameVi())).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(rows);
    }

    private Set<String> current(String roleId) {
        return security.roles().stream().filter(r -> r.id().equals(roleId)).findFirst()
                .map(SecurityStore.Role::permissions).orElse(Set.of());
    }

    private void changedElsewhere() {
        getUI().ifPresent(ui -> ui.access(this::build));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        registry.addListener(listener);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        registry.removeListener(listener);
        super.onDetach(detachEvent);
    }
}
