package vn.congso.ui.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.congso.api.health.HealthCheck;

/**
 * {@code GET /health} for monitoring: the {@link HealthReport} of every registered
 * {@link HealthCheck}, HTTP 200 when healthy and 503 otherwise. Only a caller on this machine
 * that did not come through a proxy is answered; anyone else gets 404, as if there were no
 * such page.
 */
final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** How long all checks together may take: a slow check must not hang monitoring. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Headers a reverse proxy adds: a request carrying them came from elsewhere, through the proxy. */
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");
    /** An IPv4 or IPv6 literal, so that parsing it never asks DNS. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final transient Supplier<List<HealthCheck>> checks;
    private final transient TrustedProxies proxies;
    private final transient ExecutorService pool;

    HealthServlet(Supplier<List<HealthCheck>> checks, TrustedProxies proxies) {
        this.checks = checks;
        this.proxies = proxies;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "congso-health-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Every method, not only GET, answers 404 to a caller not admitted: nothing tells it the page exists. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!admits(request, proxies)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = HealthReport.run(checks.get(), pool, TIMEOUT, Clock.systemUTC());
        response.setStatus(report.httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(report.json());
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
        super.destroy();
    }

    /**
     * Whether this caller may see the health report: the direct peer (the connection's, not an
     * address a trusted proxy forwarded) is a loopback address or a configured trusted proxy,
     * and the request carries no proxy header. A request the proxy forwards for someone else
     * always carries one, so only the proxy host's own monitoring gets in, never the internet
     * through it.
     *
     * @param request the request
     * @param proxies the configured trusted proxies
     * @return {@code true} to answer
     */
    static boolean admits(HttpServletRequest request, TrustedProxies proxies) {
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        Object direct = request.getAttribute(TrustedProxies.DIRECT_PEER_ATTRIBUTE);
        String peer = direct instanceof String address ? address : request.getRemoteAddr();
        return isLoopback(peer) || peer != null && proxies.isTrusted(peer);
    }

    /**
     * Whether an address literal is a loopback address ({@code 127.0.0.0/8}, {@code ::1}, or
     * IPv4-mapped loopback); anything that is not a literal is not.
     *
     * @param address the peer's address as the servlet container gives it
     * @return {@code true} for loopback
     */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (!ADDRESS_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
