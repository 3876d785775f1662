package vn.congso.ui.internal;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import vn.congso.api.web.PublicLinks;

/**
 * The platform's {@link PublicLinks}: the configured {@code publicBaseUrl}, or else the address
 * of the request being served (forwarding headers only from a trusted proxy), or else the
 * address the server listens on.
 */
final class RequestPublicLinks implements PublicLinks {

    private volatile UiConfig config = UiConfig.DEFAULTS;

    /** Takes a new configuration. */
    void configure(UiConfig changed) {
        this.config = changed;
    }

    @Override
    public String base() {
        UiConfig current = config;
        if (!current.publicBaseUrl().isEmpty()) {
            return current.publicBaseUrl();
        }
        String fallback = "http://" + (current.host().contains(":") ? "[" + current.host() + "]" : current.host())
                + ":" + current.port();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (!(request instanceof VaadinServletRequest servlet)) {
            return fallback;
        }
        return of(servlet.getHttpServletRequest(), current.trustedProxies(), fallback);
    }

    /** The base for one servlet request. */
    static String of(HttpServletRequest request, TrustedProxies proxies, String fallback) {
        Object peer = request.getAttribute(TrustedProxies.DIRECT_PEER_ATTRIBUTE);
        return PublicBaseUrl.fromRequest(proxies, peer == null ? request.getRemoteAddr() : peer.toString(),
                request.isSecure(), request.getHeader("Host"), lines(request, "Forwarded"),
                lines(request, "X-Forwarded-Host"), fallback);
    }

    private static List<String> lines(HttpServletRequest request, String name) {
        return request.getHeaders(name) == null ? List.of() : Collections.list(request.getHeaders(name));
    }

    @Override
    public String absolute(String path) {
        return PublicBaseUrl.absolute(base(), path);
    }
}
