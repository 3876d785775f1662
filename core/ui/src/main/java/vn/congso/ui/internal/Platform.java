package vn.congso.ui.internal;

import com.vaadin.flow.component.UI;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.util.tracker.ServiceTracker;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.security.PermissionContribution;
import vn.congso.api.TranslationService;
import vn.congso.api.ui.NavigationGroup;

/**
 * What the shell's screens need from the OSGi world, in one place: translations, themes,
 * the active views, navigation groups and the current user. Handed to Vaadin through the
 * {@code VaadinService}, never through statics, so a restarted bundle starts clean.
 */
public final class Platform {

    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    /** Something on screen that must be refreshed when views, groups or translations change. */
    public interface ShellListener {
        /**
         * Called on a non-UI thread; implementations hop onto their UI with {@code access}.
         */
        void platformChanged();
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Platform.class);

    private final Set<ShellListener> listeners = new CopyOnWriteArraySet<>();
    /** Contributions whose failure was logged already (weakly held: a stopped bundle's go away). */
    private final Set<PermissionContribution> failedContributions =
            java.util.Collections.newSetFromMap(java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()));
    private final Translations translations;
    private final Themes themes;
    private final PluginStyles pluginStyles;
    private final ShellStyles shellStyles;
    private final Views views;
    private final ServiceTracker<CurrentUserService, CurrentUserService> users;
    private final ServiceTracker<PermissionContribution, PermissionContribution> permissions;
    private final CurrentUserService anonymous;
    private final HealthChecks healthChecks;
    private final PagePreviews previews;
    private final PublicResourceServlet.Tracked publicResources;
    /** Karaf's BootFinished service: absent while boot features are still being installed. */
    private final ServiceTracker<Object, Object> bootFinished;
    /** The framework's start level, climbing to {@link #beginningLevel} while bundles are started. */
    private final FrameworkStartLevel startLevel;
    private final int beginningLevel;

    Platform(BundleContext context, CurrentUserService anonymous) {
        this.anonymous = anonymous;
        this.bootFinished = context.getProperty("karaf.home") == null ? null
                : new ServiceTracker<>(context, filter(context, "(objectClass=" + BOOT_FINISHED + ")"), null);
        this.startLevel = context.getBundle(0).adapt(FrameworkStartLevel.class);
        this.beginningLevel = beginningLevel(context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        this.translations = new Translations(context, this::fireChanged);
        this.themes = new Themes(context);
        this.pluginStyles = new PluginStyles(context);
        this.shellStyles = new ShellStyles(context.getBundle());
        this.permissions = new ServiceTracker<>(context, PermissionContribution.class, null);
        this.views = new Views(context, this::fireChanged, new Views.Checks() {
            @Override
            public boolean hasText(String key, String language) {
                return translations.hasExactly(key, language);
            }

            @Override
            public boolean declared(String permission) {
                return isDeclared(permission);
            }
        });
        this.users = new ServiceTracker<>(context, CurrentUserService.class, null);
        this.healthChecks = new HealthChecks(context, this::isStarting);
        this.previews = new PagePreviews(context);
        this.publicResources = new PublicResourceServlet.Tracked(context);
    }

    /** Whether a bundle present now declares the permission (a contribution that throws declares nothing). */
    private boolean isDeclared(String permission) {
        for (PermissionContribution contribution : permissions.getServices(new PermissionContribution[0])) {
            try {
                if (contribution.permissions().stream().anyMatch(p -> permission.equals(p.permission()))) {
                    return true;
                }
            } catch (RuntimeException e) {
                // The contribution declares nothing; its failure is logged (once per contribution
                // object, not at every navigation check) for whoever looks after that bundle.
                if (failedContributions.add(contribution)) {
                    LOG.warn("A permission contribution ({}) failed; it declares nothing", contribution.getClass().getName(), e);
                }
            }
        }
        return false;
    }

    /** The framework's beginning start level (1 when the property is absent or unreadable, as in OSGi). */
    static int beginningLevel(String property) {
        if (property == null || property.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(property.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static Filter filter(BundleContext context, String filter) {
        try {
            return context.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    void open() {
        if (bootFinished != null) {
            bootFinished.open(true);
        }
        translations.open();
        themes.open();
        pluginStyles.open();
        users.open();
        permissions.open();
        healthChecks.open();
        previews.open();
        publicResources.open();
        views.open();
    }

    void close() {
        views.close();
        previews.close();
        publicResources.close();
        healthChecks.close();
        permissions.close();
        users.close();
        pluginStyles.close();
        themes.close();
        translations.close();
        if (bootFinished != null) {
            bootFinished.close();
        }
        listeners.clear();
    }

    Views views() {
        return views;
    }

    /** The link preview of a public page, from the plugins' {@code PagePreviewSource}s. */
    Optional<vn.congso.api.web.PagePreview> preview(String path, Locale locale) {
        return previews.find(path, locale);
    }

    /** The plugins' files for anyone, under /pub/. */
    PublicResourceServlet.Sources publicResources() {
        return publicResources;
    }

    HealthChecks healthChecks() {
        return healthChecks;
    }

    Themes themes() {
        return themes;
    }

    PluginStyles pluginStyles() {
        return pluginStyles;
    }

    ShellStyles shellStyles() {
        return shellStyles;
    }

    /** The shell's stylesheet (layout shared by every theme), relative to the context root. */
    public String shellStylesheet() {
        return shellStyles.href();
    }

    /**
     * Whether the platform is still starting: Karaf has not finished installing its boot
     * features, or the framework has not yet climbed to its beginning start level (after a
     * restart Karaf's BootFinished comes back before the plugins are started again), so some
     * views (sign-in among them) may not be there yet. Never true after the
     * first {@link #STARTUP_LIMIT} of the JVM's life, so a failed boot cannot hide a real
     * "not found" for ever.
     *
     * @return true while starting
     */
    public boolean isStarting() {
        return bootFinished != null
                && (bootFinished.isEmpty() || startLevel != null && startLevel.getStartLevel() < beginningLevel)
                && ManagementFactory.getRuntimeMXBean().getUptime() < STARTUP_LIMIT.toMillis();
    }

    /** The merged translations. */
    public TranslationService translations() {
        return translations;
    }

    Translations i18nProvider() {
        return translations;
    }

    /** Translates a key for a locale. */
    public String t(String key, Locale locale, Object... params) {
        return translations.translate(key, locale, params);
    }

    /** The user of the current session (the highest-ranked {@link CurrentUserService}). */
    public CurrentUser currentUser() {
        CurrentUserService service = users.getService();
        return (service == null ? anonymous : service).current();
    }

    /** Signs the current session out (a server-side action; see {@link CurrentUserService#signOut()}). */
    public void signOut() {
        CurrentUserService service = users.getService();
        (service == null ? anonymous : service).signOut();
    }

    /** The navigation the current user sees. */
    public List<NavigationModel.Section> navigation() {
        CurrentUser user = currentUser();
        return NavigationModel.sections(views.entries(), declaredGroups(), user::isPermitted);
    }

    /** What the signed-in user may open beyond public services and account settings; empty when anonymous. */
    public List<NavigationModel.Entry> forYou() {
        CurrentUser user = currentUser();
        if (!user.isAuthenticated()) {
            return List.of();
        }
        return NavigationModel.forUser(views.entries(), declaredGroups(), user::isPermitted);
    }

    /** The public services for the home page. */
    public List<NavigationModel.Entry> publicServices() {
        return NavigationModel.publicServices(views.entries(), declaredGroups());
    }

    /**
     * Public pages that are not listed in the navigation but stand on their own (a certificate
     * verification page), for the home page; account pages (sign-in, sign-out) are left out.
     */
    public List<NavigationModel.Entry> publicPages() {
        return views.entries().stream()
                .filter(entry -> entry.isPublic() && !entry.inNavigation())
                .filter(entry -> !entry.group().equals(ACCOUNT_GROUP))
                .sorted(java.util.Comparator.comparingInt(NavigationModel.Entry::order)
                        .thenComparing(NavigationModel.Entry::route))
                .toList();
    }

    /**
     * What a visitor may use after signing in (listed entries that need a permission, outside
     * account settings and administration), so the home page of a visitor shows what the
     * platform offers rather than "nothing installed".
     */
    public List<NavigationModel.Entry> afterSignIn() {
        return NavigationModel.sections(views.entries(), declaredGroups(), permission -> true).stream()
                .filter(section -> !section.group().id().equals(ACCOUNT_GROUP)
                        && !section.group().id().equals(NavigationGroup.ADMINISTRATION.id()))
                .flatMap(section -> section.entries().stream())
                .filter(entry -> !entry.isPublic())
                .toList();
    }

    private static final String ACCOUNT_GROUP = "account";

    private List<NavigationGroup> declaredGroups() {
        List<NavigationGroup> all = new ArrayList<>(NavigationGroup.CORE);
        all.addAll(views.groups());
        return all;
    }

    /** Whether an active screen serves this route. */
    public boolean hasRoute(String route) {
        return views.byRoute(route).isPresent();
    }

    /** Whether a view class belongs to an active screen. */
    public boolean isActiveView(Class<?> viewClass) {
        return views.byViewClass(viewClass).isPresent();
    }

    /** The title key of the screen whose view class this is. */
    public Optional<String> titleKeyOf(Class<?> viewClass) {
        return views.byViewClass(viewClass).map(active -> active.entry().titleKey());
    }

    /** The active theme's name, stylesheet version, and texts. */
    public Optional<ThemeInfo> theme(Locale locale) {
        return themes.active().map(theme -> new ThemeInfo(theme.name(), theme.version(), theme.logo(),
                theme.text("district.name", locale), theme.text("district.tagline", locale)));
    }

    /**
     * What the header shows of the active theme.
     *
     * @param name theme name
     * @param version cache-busting version
     * @param logo logo file inside the theme
     * @param districtName the district's name
     * @param tagline a subtitle
     */
    public record ThemeInfo(String name, long version, String logo, String districtName, String tagline) {
    }

    /** Registers a screen part to refresh on changes. */
    public void addListener(ShellListener listener) {
        listeners.add(listener);
    }

    /** Unregisters a screen part. */
    public void removeListener(ShellListener listener) {
        listeners.remove(listener);
    }

    void fireChanged() {
        for (ShellListener listener : listeners) {
            listener.platformChanged();
        }
    }

    /** The platform of the Vaadin service a UI belongs to. */
    public static Platform of(UI ui) {
        return ((CongSoVaadinService) ui.getSession().getService()).platform();
    }

    /** The platform of the current Vaadin service. */
    public static Platform current() {
        return ((CongSoVaadinService) com.vaadin.flow.server.VaadinService.getCurrent()).platform();
    }
}
