package vn.congso.security.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.security.PermissionContribution;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.security.internal.SecurityService;
import vn.congso.security.internal.units.UnitService;

/** The administrative units screen ({@code admin/units}) and the permission it needs. */
public final class UnitsScreen {

    private UnitsScreen() {
    }

    /** The screen. */
    @org.osgi.service.component.annotations.Component(service = ScreenProvider.class)
    public static final class View implements ScreenProvider {
        private final SecurityService security;
        private final UnitService units;

        /** Receives what the view needs. */
        @Activate
        public View(@Reference SecurityService security, @Reference UnitService units) {
            this.security = security;
            this.units = units;
        }

        @Override
        public List<Screen<?>> screens() {
            return List.of(Screen.route("admin/units").title("units.title").icon("vaadin:sitemap")
                    .group(NavigationGroup.ADMINISTRATION.id()).order(15).permission(UnitService.PERMISSION)
                    .view(UnitsView.class, () -> new UnitsView(security, units)));
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
