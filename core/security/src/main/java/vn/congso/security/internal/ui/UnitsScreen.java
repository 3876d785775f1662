package vn.congso.security.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.NavigationGroup;
import vn.congso.api.ViewContribution;
import vn.congso.api.security.PermissionContribution;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.units.UnitService;

/** The administrative units screen ({@code admin/units}) and the permission it needs. */
public final class UnitsScreen {

    private UnitsScreen() {
    }

    /** The screen. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class View extends Contributions.Base {
        private final SecurityService security;
        private final UnitService units;

        /** Creates the contribution. */
        @Activate
        public View(@Reference SecurityService security, @Reference UnitService units) {
            super("admin/units", "units.title", "vaadin:sitemap", NavigationGroup.ADMINISTRATION.id(), 15,
                    UnitService.PERMISSION, true);
            this.security = security;
            this.units = units;
        }

        @Override
        public Class<? extends Component> viewClass() {
            return UnitsView.class;
        }

        @Override
        public Component createView() {
            return new UnitsView(security, units);
        }
    }

    /** The permission to reorganise units. */
    @org.osgi.service.component.annotations.Component(service = PermissionContribution.class)
    public static final class Permission implements PermissionContribution {
        @Override
        public List<PermissionContribution.Permission> permissions() {
            return List.of(new PermissionContribution.Permission(UnitService.PERMISSION, "units.permission"));
        }
    }
}
