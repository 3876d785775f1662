package vn.congso.ui.internal;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlRequestListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

/** Writes the visitor's chosen language into {@code <html lang>} of every page the server sends. */
final class LanguageAttribute implements IndexHtmlRequestListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void modifyIndexHtmlResponse(IndexHtmlResponse response) {
        response.getDocument().selectFirst("html").attr("lang", LanguageChoice.of(VaadinSession.getCurrent()).getLanguage());
    }
}
