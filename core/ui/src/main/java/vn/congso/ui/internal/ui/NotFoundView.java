package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import vn.congso.ui.internal.Platform;

/** A friendly page for an address that leads nowhere, with the way back home. */
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout
        implements HasErrorParameter<NotFoundException>, MainLayout.ShellPage {

    private static final long serialVersionUID = 1L;

    private static final int RELOAD_MILLIS = 3000;

    private String titleKey = "congso.notfound.title";

    /** Creates the page. */
    public NotFoundView() {
        setId("not-found-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        Platform platform = Platform.current();
        Locale locale = event.getUI().getLocale();
        removeAll();
        setId("not-found-view");
        if (platform.isStarting()) {
            titleKey = "congso.starting.title";
            return starting(event, platform, locale);
        }
        titleKey = "congso.notfound.title";
        H1 title = new H1(platform.t("congso.notfound.title", locale));
        title.setId("not-found-title");
        // The path is shown as text, never as HTML.
        Paragraph message = new Paragraph(platform.t("congso.notfound.message", locale,
                "/" + event.getLocation().getPath()));
        message.setId("not-found-message");
        Anchor home = new Anchor("", platform.t("congso.notfound.home", locale));
        home.setId("not-found-home");
        add(title, message, home);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String pageTitleKey() {
        return titleKey;
    }

    /**
     * While the platform starts (after a restart, say), an address whose view is not there yet
     * says so and reloads itself, instead of claiming the page does not exist.
     */
    private int starting(BeforeEnterEvent event, Platform platform, Locale locale) {
        setId("starting-view");
        H1 title = new H1(platform.t("congso.starting.title", locale));
        title.setId("starting-title");
        Paragraph message = new Paragraph(platform.t("congso.starting.message", locale,
                "/" + event.getLocation().getPath()));
        message.setId("starting-message");
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setWidth("min(24rem, 100%)");
        add(title, message, bar);
        // Reload only if this page still shows the notice: the shell may meanwhile have shown the
        // view in place (live navigation), and a reload then would wipe what the person typed.
        event.getUI().getPage().executeJs("setTimeout(function () {"
                + " if (document.getElementById('starting-view')) { window.location.reload(); } }, $0)",
                RELOAD_MILLIS);
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
