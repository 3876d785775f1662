package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.congso.api.CurrentUser;
import vn.congso.api.TranslationService;
import vn.congso.ui.internal.LanguageChoice;
import vn.congso.ui.internal.NavigationModel;
import vn.congso.ui.internal.Platform;

/**
 * The one main layout: a header with the district's name and logo from the active theme and
 * the language switch, and a side navigation built from the views present now. It listens
 * to the platform, so a plugin coming or going changes every open tab at once; a tab that
 * shows a view whose plugin went away is moved to the home page with a notice.
 *
 * <p>Every page it shows has the same landmarks (the header in {@code <header>}, the navigation
 * in {@code <nav>}, the page itself in {@code <main id="main-content">}) and a browser-tab title
 * naming the page and the district ({@link #getPageTitle()}), whichever bundle the view comes from.
 */
public class MainLayout extends AppLayout implements Platform.ShellListener, HasDynamicTitle, AfterNavigationObserver {

    private static final long serialVersionUID = 1L;

    private final transient Platform platform;
    private final VerticalLayout navigation = new VerticalLayout();
    private final HorizontalLayout account = new HorizontalLayout();
    /** The page's own content, inside the {@code <main>} landmark. */
    private final Main main = new Main();
    private HasElement shown;
    private transient Class<?> contentClass;
    private String contentTitle;
    /** The listed navigation items by route, to highlight the one a child page belongs to. */
    private final Map<String, SideNavItem> navItems = new LinkedHashMap<>();
    private String currentPath;

    /** Creates the layout for the current UI. */
    public MainLayout() {
        this.platform = Platform.current();
        setPrimarySection(Section.DRAWER);
        setId("main-layout");
        Header banner = new Header(createHeader());
        banner.setId("app-banner");
        banner.setWidthFull();
        addToNavbar(true, banner);
        navigation.setId("side-navigation");
        navigation.setPadding(false);
        navigation.setSpacing(true);
        Nav nav = new Nav(navigation);
        nav.setId("app-navigation");
        nav.getElement().setAttribute("aria-label", t("congso.header.menu"));
        addToDrawer(nav);
        main.setId("main-content");
        main.setSizeFull();
        setContent(main);
        buildNavigation();
    }

    private Component createHeader() {
        Locale locale = locale();
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        toggle.setAriaLabel(t("congso.header.menu"));

        HorizontalLayout header = new HorizontalLayout();
        header.setId("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.add(toggle);
        platform.theme(locale).ifPresent(theme -> {
            Image logo = new Image("themes/" + theme.name() + "/" + theme.logo(), t("congso.header.logo"));
            logo.setId("app-logo");
            logo.setHeight("40px");
            header.add(logo);
        });
        Div titles = new Div();
        titles.addClassName("app-titles");
        Span title = new Span(districtName());
        title.setId("app-title");
        // A phone shows at most two lines of the name (shell.css); the whole name stays at hand.
        title.getElement().setAttribute("title", districtName());
        titles.add(title);
        platform.theme(locale).map(Platform.ThemeInfo::tagline).filter(s -> !s.isBlank()).ifPresent(tagline -> {
            Span sub = new Span(tagline);
            sub.setId("app-tagline");
            titles.add(new Div(), sub);
        });
        header.add(titles);
        header.setFlexGrow(1, titles);

        Select<Locale> language = new Select<>();
        language.setId("language-switch");
        language.setAriaLabel(t("congso.header.language"));
        language.setItems(platform.translations().supportedLocales());
        language.setItemLabelGenerator(l -> t("congso.language." + l.getLanguage()));
        language.setValue(supported(locale));
        language.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                LanguageChoice.choose(UI.getCurrent().getSession(), event.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        header.add(language);
        header.add(account);
        buildAccount();
        return header;
    }

    private String districtName() {
        return platform.theme(locale()).map(Platform.ThemeInfo::districtName)
                .filter(name -> !name.isBlank()).orElse(t("congso.app.title"));
    }

    /** Who is signed in, with sign-out; or the sign-in link when a security bundle offers one. */
    private void buildAccount() {
        account.removeAll();
        account.setId("account");
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        CurrentUser user = platform.currentUser();
        if (user.isAuthenticated()) {
            Span name = new Span(user.displayName().isBlank() ? user.id() : user.displayName());
            name.setId("account-name");
            account.add(name);
            // A server-side action (Vaadin's CSRF token), not a link: a GET never signs anyone out.
            Button logout = new Button(t("congso.header.logout"), event -> {
                platform.signOut();
                event.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
            });
            logout.setId("account-logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            account.add(logout);
        } else if (platform.hasRoute("login")) {
            Anchor login = new Anchor("login", t("congso.header.login"));
            login.setId("account-login");
            account.add(login);
        }
    }

    private Locale supported(Locale locale) {
        return platform.translations().supportedLocales().stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(TranslationService.VIETNAMESE);
    }

    private void buildNavigation() {
        navigation.removeAll();
        navItems.clear();
        SideNav home = new SideNav();
        home.setId("nav-home-group");
        // Every navigation landmark is named, so a screen reader tells them apart (axe landmark-unique).
        home.getElement().setAttribute("aria-label", t("congso.nav.home"));
        SideNavItem homeItem = new SideNavItem(t("congso.nav.home"), "", new Icon("vaadin", "home"));
        homeItem.setId("nav-home");
        home.addItem(homeItem);
        navigation.add(home);
        for (NavigationModel.Section section : platform.navigation()) {
            SideNav nav = new SideNav();
            nav.setId("nav-group-" + section.group().id());
            nav.setLabel(t(section.group().titleKey()));
            nav.setCollapsible(true);
            for (NavigationModel.Entry entry : section.entries()) {
                SideNavItem item = new SideNavItem(t(entry.titleKey()), entry.route(), icon(entry.icon()));
                item.setId("nav-" + idOf(entry.route()));
                nav.addItem(item);
                navItems.put(entry.route(), item);
            }
            navigation.add(nav);
        }
        highlight();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        currentPath = event.getLocation().getPath();
        highlight();
    }

    /**
     * Highlights the entry a child page belongs to (the catalogue on {@code notices/notice/3}):
     * the side navigation itself only highlights an exact match.
     */
    private void highlight() {
        navItems.values().forEach(item -> item.setPathAliases(Set.of()));
        if (currentPath == null) {
            return;
        }
        NavigationModel.highlighted(currentPath, List.copyOf(navItems.keySet()))
                .filter(route -> !route.equals(currentPath))
                .ifPresent(route -> navItems.get(route).setPathAliases(Set.of(currentPath)));
    }

    /** A DOM id made from a route path. */
    static String idOf(String route) {
        return route.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static Icon icon(String name) {
        String[] parts = name == null ? new String[0] : name.split(":", 2);
        return parts.length == 2 ? new Icon(parts[0], parts[1]) : new Icon("vaadin", "file-o");
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
        shown = content;
        contentClass = content == null ? null : content.getClass();
        // Signing in or out, or a password change, changes who is named and what is offered.
        buildAccount();
        buildNavigation();
        // The title is translated now: when the view's bundle goes, its translations go with it.
        contentTitle = contentClass == null ? null
                : platform.titleKeyOf(contentClass).map(key -> t(key)).orElse(null);
    }

    /**
     * The browser tab's title: the page's name, then the district's ("Người dùng – UBND huyện
     * Trần Đề"). A view that is a {@link vn.congso.api.ui.NamedPage} gives the page's name itself.
     */
    @Override
    public String getPageTitle() {
        String page = contentTitle;
        if (shown instanceof vn.congso.api.ui.NamedPage named) {
            String name = named.pageName();
            if (name != null && !name.isBlank()) {
                page = name;
            }
        }
        if (page == null && shown instanceof ShellPage shellPage) {
            page = t(shellPage.pageTitleKey());
        }
        String district = districtName();
        return page == null || page.isBlank() ? district : page + " – " + district;
    }

    /** A view of the shell itself (home, not found, access denied), which names its page by a key. */
    interface ShellPage {
        /** @return the translation key of the page's name */
        String pageTitleKey();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        platform.addListener(this);
        // A contribution may have come or gone between construction and attach.
        buildNavigation();
        buildAccount();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        platform.removeListener(this);
        super.onDetach(detachEvent);
    }

    @Override
    public void platformChanged() {
        getUI().ifPresent(ui -> ui.access(() -> {
            if (contentTitle != null && contentClass != null && !platform.isActiveView(contentClass)) {
                String title = contentTitle;
                contentTitle = null;
                contentClass = null;
                ui.navigate("");
                Notification notice = new Notification(t("congso.notice.service-updating", title), 8000,
                        Notification.Position.TOP_CENTER);
                notice.setId("service-updating-notice");
                notice.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                notice.open();
            }
            buildNavigation();
            buildAccount();
            if (shown instanceof HomeView homeView) {
                homeView.refresh();
            }
        }));
    }

    private Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null ? ui.getLocale() : TranslationService.VIETNAMESE;
    }

    private String t(String key, Object... params) {
        return platform.t(key, locale(), params);
    }

}
