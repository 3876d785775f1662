package vn.congso.security.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** One permission row. */
    record Row(String permission, String description) {
    }

    /** Creates the view. */
    public RolesView(SecurityService security, PermissionRegistry registry) {
        this.security = security;
        this.registry = registry;
        setId("roles-view");
        setSizeFull();
        grid.setId("roles-matrix");
        grid.setEmptyStateText(security.t("security.roles.empty"));
        grid.setSizeFull();
        add(new H1(security.t("security.roles.title")), new Paragraph(security.t("security.roles.help")), grid);
        build();
    }

    private void build() {
        List<SecurityStore.Role> roles = security.roles();
        boolean english = UI.getCurrent() != null && "en".equals(UI.getCurrent().getLocale().getLanguage());
        Map<String, String> rows = new LinkedHashMap<>();
        registry.permissions().forEach(d -> rows.putIfAbsent(d.permission(), security.t(d.descriptionKey())));
        roles.forEach(r -> r.permissions().forEach(p -> rows.putIfAbsent(p, p.equals("*")
                ? security.t("security.roles.all") : "")));
        grid.removeAllColumns();
        grid.addColumn(Row::permission).setHeader(security.t("security.roles.permission")).setAutoWidth(true)
                .setFrozen(true);
        grid.addColumn(Row::description).setHeader(security.t("security.roles.description")).setFlexGrow(1);
        for (SecurityStore.Role role : roles) {
            grid.addComponentColumn(row -> {
                Checkbox box = new Checkbox(role.permissions().contains(row.permission()));
                box.setId("perm-" + role.id() + "-" + row.permission().replaceAll("[^A-Za-z0-9-]", "_"));
                box.setAriaLabel(role.id() + " " + row.permission());
                box.setEnabled(!"administrator".equals(role.id()));
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
            }).setHeader(english ? role.nameEn() : role.nameVi()).setAutoWidth(true);
        }
        grid.setItems(rows.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList());
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
