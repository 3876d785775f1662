package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import vn.congso.ui.internal.NavigationModel;
import vn.congso.ui.internal.Platform;

/**
 * The home page: a welcome, what the signed-in user may open ("for you", from their navigation
 * beyond account settings), and the public services installed right now.
 */
public class HomeView extends VerticalLayout implements MainLayout.ShellPage {

    private static final long serialVersionUID = 1L;

    private final transient Platform platform;
    private final H2 mineTitle = new H2();
    private final Div mine = new Div();
    private final H2 servicesTitle = new H2();
    private final Div services = new Div();
    private final H2 signInTitle = new H2();
    private final Paragraph signInIntro = new Paragraph();
    private final Div signIn = new Div();

    /** Creates the home page. */
    public HomeView() {
        this.platform = Platform.current();
        setId("home-view");
        H1 title = new H1(t("congso.home.title"));
        title.setId("home-title");
        Paragraph intro = new Paragraph(t("congso.home.intro"));
        intro.setId("home-intro");
        mineTitle.setText(t("congso.home.for-you"));
        mineTitle.setId("home-for-you-title");
        mine.setId("home-for-you");
        mine.addClassName("service-list");
        servicesTitle.setText(t("congso.home.services"));
        services.setId("home-services");
        services.addClassName("service-list");
        signInTitle.setText(t("congso.home.sign-in-services"));
        signInTitle.setId("home-sign-in-title");
        signInIntro.setText(t("congso.home.sign-in-intro"));
        signInIntro.setId("home-sign-in-intro");
        signIn.setId("home-sign-in-services");
        signIn.addClassName("service-list");
        add(title, intro, mineTitle, mine, servicesTitle, services, signInTitle, signInIntro, signIn);
        refresh();
    }

    /** Rebuilds the cards: the user's own, then the public services. */
    void refresh() {
        List<NavigationModel.Entry> personal = platform.forYou();
        mine.removeAll();
        personal.forEach(entry -> mine.add(card("home-open-", entry)));
        mineTitle.setVisible(!personal.isEmpty());
        mine.setVisible(!personal.isEmpty());

        services.removeAll();
        List<NavigationModel.Entry> entries = new java.util.ArrayList<>(platform.publicServices());
        // Public pages outside the navigation (a certificate verification) are services too.
        entries.addAll(platform.publicPages());
        // A visitor also sees what signing in opens, so the page never claims that nothing is
        // installed while a plugin with public pages is.
        boolean anonymous = !platform.currentUser().isAuthenticated();
        List<NavigationModel.Entry> afterSignIn = anonymous ? platform.afterSignIn() : List.of();
        signIn.removeAll();
        afterSignIn.forEach(entry -> signIn.add(card("sign-in-service-", entry)));
        signInTitle.setVisible(!afterSignIn.isEmpty());
        signInIntro.setVisible(!afterSignIn.isEmpty());
        signIn.setVisible(!afterSignIn.isEmpty());

        // "No public services yet" helps a visitor; under a signed-in user's own cards it is noise.
        boolean showServices = !entries.isEmpty() || (personal.isEmpty() && afterSignIn.isEmpty());
        servicesTitle.setVisible(showServices);
        services.setVisible(showServices);
        if (entries.isEmpty()) {
            Paragraph none = new Paragraph(t("congso.home.no-services"));
            none.setId("home-no-services");
            services.add(none);
            return;
        }
        entries.forEach(entry -> services.add(card("service-", entry)));
    }

    private Anchor card(String idPrefix, NavigationModel.Entry entry) {
        Anchor card = new Anchor(entry.route());
        card.setId(idPrefix + MainLayout.idOf(entry.route()));
        card.addClassName("service-card");
        String[] icon = entry.icon().split(":", 2);
        if (icon.length == 2) {
            card.add(new Icon(icon[0], icon[1]));
        }
        Span cardTitle = new Span(t(entry.titleKey()));
        cardTitle.addClassName("service-card-title");
        card.add(cardTitle);
        entry.descriptionKey().ifPresent(key -> {
            Span description = new Span(t(key));
            description.addClassName("service-card-description");
            card.add(description);
        });
        return card;
    }

    @Override
    public String pageTitleKey() {
        return "congso.nav.home";
    }

    private String t(String key) {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? null : ui.getLocale();
        return platform.t(key, locale);
    }
}
