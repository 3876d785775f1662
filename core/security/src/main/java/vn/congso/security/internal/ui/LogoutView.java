package vn.congso.security.internal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import vn.congso.security.internal.SecurityService;

/** Signs out and goes back to the home page. */
public class LogoutView extends Div implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private final transient SecurityService security;

    /** Creates the view. */
    public LogoutView(SecurityService security) {
        this.security = security;
        setId("logout-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        security.logout();
        event.getUI().getPage().setLocation("./");
    }
}
