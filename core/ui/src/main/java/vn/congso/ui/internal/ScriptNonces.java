package vn.congso.ui.internal;

import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.Element;

/**
 * Marks every script of Vaadin's bootstrap page with the request's CSP nonce (see
 * {@link SecurityHeaders}), so Vaadin's own inline scripts run and nothing else inline does.
 * Vaadin calls index-page listeners after it has added its inline scripts.
 */
final class ScriptNonces implements IndexHtmlRequestListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
        Object nonce = response.getVaadinRequest().getAttribute(SecurityHeaders.NONCE_ATTRIBUTE);
        if (!(nonce instanceof String value)) {
            return;
        }
        for (Element script : response.getDocument().getElementsByTag("script")) {
            script.attr("nonce", value);
        }
    }
}
