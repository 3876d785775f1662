package vn.congso.notify.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.TranslationService;
import vn.congso.api.security.PermissionContribution;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.notify.internal.ui.OutboxView;

/**
 * The outbox screen at {@value #ROUTE} in the administration group, for holders of
 * {@link OutboxService#PERMISSION}, which this bundle declares so it can be granted (the
 * administrator role holds every permission).
 */
@Component(service = {ScreenProvider.class, PermissionContribution.class})
public final class OutboxScreens implements ScreenProvider, PermissionContribution {

    /** The outbox screen's route. */
    public static final String ROUTE = "admin/outbox";

    private final OutboxService outbox;
    private final TranslationService translations;

    /**
     * Receives what the view needs.
     *
     * @param outbox the outbox
     * @param translations texts
     */
    @Activate
    public OutboxScreens(@Reference OutboxService outbox, @Reference TranslationService translations) {
        this.outbox = outbox;
        this.translations = translations;
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(Screen.route(ROUTE).title("notify.view.title").description("notify.view.description")
                .icon("vaadin:envelopes").group(NavigationGroup.ADMINISTRATION).order(45)
                .permission(OutboxService.PERMISSION)
                .view(OutboxView.class, () -> new OutboxView(outbox, translations)));
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(OutboxService.PERMISSION, "notify.permission.manage"));
    }
}
