package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.Locale;
import vn.congso.ui.internal.Platform;

/** Says that the signed-in user may not open the page they asked for, and leads home. */
public class AccessDeniedView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    /** Creates the page. */
    public AccessDeniedView() {
        setId("access-denied-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Platform platform = Platform.current();
        Locale locale = event.getUI().getLocale();
        removeAll();
        H1 title = new H1(platform.t("congso.denied.title", locale));
        title.setId("access-denied-title");
        Paragraph message = new Paragraph(platform.t("congso.denied.message", locale));
        Anchor home = new Anchor("", platform.t("congso.notfound.home", locale));
        home.setId("access-denied-home");
        add(title, message, home);
    }
}
