package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web server's headers and client resolution on a real Jetty on loopback, wired as
 * {@link WebServer} wires it (its HTTP configuration, {@link SecurityHeaders} in front).
 */
class SecurityHeadersTest {

    private Server server;
    private final HttpClient client = HttpClient.newHttpClient();

    /** Creates a session (so the cookie is sent) and echoes who the client is. */
    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getPathInfo() != null && request.getPathInfo().startsWith("/missing")) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (request.getPathInfo() != null && request.getPathInfo().startsWith("/link")) {
                response.setContentType("text/plain");
                response.getWriter().print(PublicBaseUrl.absolute(RequestPublicLinks.of(request, proxies,
                        "http://fallback.invalid"), "/training/verify/X"));
                return;
            }
            request.getSession(true);
            response.setContentType("text/plain");
            response.getWriter().print(request.getRemoteAddr() + " " + request.isSecure() + " "
                    + request.getAttribute(TrustedProxies.DIRECT_PEER_ATTRIBUTE));
        }
    }

    /** The trusted proxies of the running server, for the links the echo servlet makes. */
    private static volatile TrustedProxies proxies = TrustedProxies.NONE;

    private URI start(String trustedProxies) throws Exception {
        proxies = TrustedProxies.parse(trustedProxies);
        server = new Server();
        ServerConnector connector = new ServerConnector(server,
                new HttpConnectionFactory(WebServer.httpConfiguration(TrustedProxies.parse(trustedProxies))));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.getSessionHandler().setHttpOnly(true);
        context.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.LAX);
        context.addServlet(new ServletHolder(new EchoServlet()), "/*");
        server.setHandler(new SecurityHeaders(context));
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoServerName() throws Exception {
        URI base = start("");
        for (HttpResponse<String> response : new HttpResponse[] {get(base.resolve("page")),
                get(base.resolve("missing/file.css"))}) {
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'self'"), csp);
            assertTrue(csp.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'unsafe-eval';.*"), csp);
            assertFalse(csp.contains("script-src 'self' 'unsafe-inline'"), csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(response.headers().firstValue("Server").isEmpty(), "no Server header");
            assertTrue(response.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By header");
        }
        assertEquals(404, get(base.resolve("missing/file.css")).statusCode());
    }

    @Test
    void eachResponseHasItsOwnNonce() throws Exception {
        URI base = start("");
        String first = get(base.resolve("page")).headers().firstValue("Content-Security-Policy").orElseThrow();
        String second = get(base.resolve("page")).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertFalse(first.equals(second));
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerChangeNothing() throws Exception {
        URI base = start("10.1.2.3");
        HttpResponse<String> response = get(base.resolve("page"), "X-Forwarded-For", "198.51.100.7",
                "X-Forwarded-Proto", "https", "Forwarded", "for=198.51.100.8;proto=https");

        assertEquals("127.0.0.1 false 127.0.0.1", response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void behindATrustedProxyTheClientAndHttpsComeFromItsHeaders() throws Exception {
        URI base = start("127.0.0.1");
        HttpResponse<String> response = get(base.resolve("page"), "X-Forwarded-For", "1.2.3.4, 198.51.100.7",
                "X-Forwarded-Proto", "https");

        assertEquals("198.51.100.7 true 127.0.0.1", response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);

        HttpResponse<String> plain = get(base.resolve("page"), "Forwarded", "for=198.51.100.9");
        assertEquals("198.51.100.9 false 127.0.0.1", plain.body());
        assertFalse(plain.headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"));
    }

    @Test
    void anUntrustedPeerCannotChangeALinkThatLeavesTheServer() throws Exception {
        URI base = start("10.1.2.3");
        HttpResponse<String> response = get(base.resolve("link"), "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example;proto=https");
        assertEquals("http://127.0.0.1:" + base.getPort() + "/training/verify/X", response.body());
    }

    @Test
    void behindATrustedProxyALinkUsesTheHostPeopleAskedFor() throws Exception {
        URI base = start("127.0.0.1");
        HttpResponse<String> response = get(base.resolve("link"), "X-Forwarded-Host", "congso.trande.gov.vn",
                "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.7");
        assertEquals("https://congso.trande.gov.vn/training/verify/X", response.body());
    }
}
