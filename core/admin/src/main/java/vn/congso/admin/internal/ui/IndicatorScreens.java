package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import vn.congso.admin.internal.indicators.DashboardService;
import vn.congso.api.AbstractViewContribution;
import vn.congso.api.NavigationGroup;
import vn.congso.api.TranslationService;
import vn.congso.api.ViewContribution;
import vn.congso.api.security.PermissionContribution;

/**
 * The indicator screens and the permission they declare: the dashboard at {@code admin/dashboard}
 * for holders of {@link DashboardService#PERMISSION}, and the public summary at
 * {@code indicators} for anyone. Both views take their services through their constructors.
 */
public final class IndicatorScreens {

    /** The dashboard's route. */
    public static final String DASHBOARD_ROUTE = "admin/dashboard";
    /** The public summary's route. */
    public static final String PUBLIC_ROUTE = "indicators";
    /** The navigation group of both screens, so the public one is not listed under administration. */
    public static final NavigationGroup GROUP = new NavigationGroup("indicators", "dashboard.nav.group", 85);

    private IndicatorScreens() {
    }

    /** The dashboard, in the administration group. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class DashboardScreen extends AbstractViewContribution {
        private final DashboardService dashboards;
        private final TranslationService translations;

        /**
         * Creates the contribution.
         *
         * @param dashboards the indicators
         * @param translations texts
         */
        @Activate
        public DashboardScreen(@Reference DashboardService dashboards, @Reference TranslationService translations) {
            super(DASHBOARD_ROUTE, "dashboard.view.title", "vaadin:dashboard", GROUP.id(), 10,
                    DashboardService.PERMISSION, true);
            this.dashboards = dashboards;
            this.translations = translations;
        }

        @Override
        public Optional<String> descriptionKey() {
            return Optional.of("dashboard.view.description");
        }

        @Override
        public Class<? extends Component> viewClass() {
            return DashboardView.class;
        }

        @Override
        public Component createView() {
            return new DashboardView(dashboards, translations);
        }
    }

    /** The public summary, open without signing in. */
    @org.osgi.service.component.annotations.Component(service = ViewContribution.class)
    public static final class PublicScreen extends AbstractViewContribution {
        private final DashboardService dashboards;
        private final TranslationService translations;

        /**
         * Creates the contribution.
         *
         * @param dashboards the indicators
         * @param translations texts
         */
        @Activate
        public PublicScreen(@Reference DashboardService dashboards, @Reference TranslationService translations) {
            super(PUBLIC_ROUTE, "dashboard.public.title", "vaadin:chart", GROUP.id(), 20, null,
                    true);
            this.dashboards = dashboards;
            this.translations = translations;
        }

        @Override
        public Optional<String> descriptionKey() {
            return Optional.of("dashboard.public.description");
        }

        @Override
        public Class<? extends Component> viewClass() {
            return PublicIndicatorsView.class;
        }

        @Override
        public Component createView() {
            return new PublicIndicatorsView(dashboards, translations);
        }
    }

    /** The permission the dashboard checks, so administrators can grant it, and the screens' navigation group. */
    @org.osgi.service.component.annotations.Component(service = PermissionContribution.class, immediate = true)
    public static final class Permissions implements PermissionContribution {
        private final ServiceRegistration<NavigationGroup> group;

        /**
         * Registers the navigation group.
         *
         * @param context this bundle's context
         */
        @Activate
        public Permissions(BundleContext context) {
            group = context.registerService(NavigationGroup.class, GROUP, null);
        }

        @Deactivate
        void deactivate() {
            group.unregister();
        }

        @Override
        public List<Permission> permissions() {
            return List.of(new Permission(DashboardService.PERMISSION, "dashboard.permission.view"));
        }
    }
}
