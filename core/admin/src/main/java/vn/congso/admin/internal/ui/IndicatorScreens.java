package vn.congso.admin.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.admin.internal.indicators.DashboardService;
import vn.congso.api.TranslationService;
import vn.congso.api.security.PermissionContribution;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;

/**
 * The indicator screens, in their own navigation group: the dashboard at {@value #DASHBOARD_ROUTE}
 * for holders of {@link DashboardService#PERMISSION}, and the public summary at
 * {@value #PUBLIC_ROUTE} for anyone.
 */
@Component(service = {ScreenProvider.class, PermissionContribution.class})
public final class IndicatorScreens implements ScreenProvider, PermissionContribution {

    /** The dashboard's route. */
    public static final String DASHBOARD_ROUTE = "admin/dashboard";
    /** The public summary's route. */
    public static final String PUBLIC_ROUTE = "indicators";
    /** The navigation group of both screens, so the public one is not listed under administration. */
    public static final NavigationGroup GROUP = new NavigationGroup("indicators", "dashboard.nav.group", 85);

    private final DashboardService dashboards;
    private final TranslationService translations;

    /**
     * Receives what the views need.
     *
     * @param dashboards the indicators
     * @param translations texts
     */
    @Activate
    public IndicatorScreens(@Reference DashboardService dashboards, @Reference TranslationService translations) {
        this.dashboards = dashboards;
        this.translations = translations;
    }

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(
                Screen.route(DASHBOARD_ROUTE).title("dashboard.view.title").description("dashboard.view.description")
                        .icon("vaadin:dashboard").group(GROUP).order(10).permission(DashboardService.PERMISSION)
                        .view(DashboardView.class, () -> new DashboardView(dashboards, translations)),
                Screen.route(PUBLIC_ROUTE).title("dashboard.public.title").description("dashboard.public.description")
                        .icon("vaadin:chart").group(GROUP).order(20)
                        .view(PublicIndicatorsView.class, () -> new PublicIndicatorsView(dashboards, translations)));
    }

    /** The permission the dashboard checks, so administrators can grant it. */
    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(DashboardService.PERMISSION, "dashboard.permission.view"));
    }
}
