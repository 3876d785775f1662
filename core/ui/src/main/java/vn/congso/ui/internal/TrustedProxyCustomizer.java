package vn.congso.ui.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Makes the client worked out by {@link TrustedProxies} the request's remote address and
 * scheme, so that {@code getRemoteAddr()}, {@code isSecure()}, Vaadin's browser details and
 * the session cookie's {@code Secure} flag all follow it. Unlike Jetty's
 * {@code ForwardedRequestCustomizer}, which believes the headers of any peer and takes the
 * left-most (client-written) address, forwarding headers count here only from a trusted
 * proxy. The direct peer is kept in {@link TrustedProxies#DIRECT_PEER_ATTRIBUTE}.
 */
final class TrustedProxyCustomizer implements HttpConfiguration.Customizer {

    private final TrustedProxies proxies;

    TrustedProxyCustomizer(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetSocketAddress socket = remote instanceof InetSocketAddress inet ? inet : null;
        String peer = socket == null || socket.getAddress() == null ? "" : socket.getAddress().getHostAddress();
        request.setAttribute(TrustedProxies.DIRECT_PEER_ATTRIBUTE, peer);
        if (!proxies.isTrusted(peer)) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        TrustedProxies.Client client = proxies.resolve(peer, request.isSecure(),
                headers.getValuesList(HttpHeader.FORWARDED), headers.getValuesList(HttpHeader.X_FORWARDED_FOR),
                headers.getValuesList(HttpHeader.X_FORWARDED_PROTO));
        InetSocketAddress clientSocket;
        try {
            // An IP literal already checked by TrustedProxies: no name look-up happens here.
            clientSocket = new InetSocketAddress(InetAddress.getByName(client.address()), socket.getPort());
        } catch (UnknownHostException e) {
            return request;
        }
        boolean secure = client.secure();
        HttpURI uri = secure && !request.isSecure()
                ? HttpURI.build(request.getHttpURI()).scheme("https").asImmutable() : request.getHttpURI();
        ConnectionMetaData metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return clientSocket;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metaData;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public HttpURI getHttpURI() {
                return uri;
            }
        };
    }
}
