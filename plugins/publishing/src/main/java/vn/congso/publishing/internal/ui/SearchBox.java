package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import vn.congso.publishing.internal.web.PortalRoutes;

/** The portal's search field, leading to the search page. */
final class SearchBox {

    private SearchBox() {
    }

    static Div box(Ui ui, String value) {
        TextField q = new TextField();
        q.setId("portal-search-text");
        q.setAriaLabel(ui.t("publishing.ui.portal.search"));
        q.setPlaceholder(ui.t("publishing.ui.portal.search-placeholder"));
        q.setValue(value == null ? "" : value);
        q.setMaxLength(200);
        Button go = new Button(ui.t("publishing.ui.portal.search"), e -> e.getSource().getUI().ifPresent(u ->
                u.navigate(PortalRoutes.SEARCH, QueryParameters.simple(Map.of("q", q.getValue())))));
        go.setId("portal-search-go");
        go.addClickShortcut(Key.ENTER);
        Div box = new Div(q, go);
        box.addClassName("publishing-search");
        return box;
    }
}
