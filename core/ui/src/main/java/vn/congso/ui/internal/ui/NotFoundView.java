package vn.congso.ui.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    /** Creates the page. */
    public NotFoundView() {
        setId("not-found-view");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        Platform platform = Platform.current();
        Locale locale = event.getUI().getLocale();
        removeAll();
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
}
