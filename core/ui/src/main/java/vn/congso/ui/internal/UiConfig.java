package vn.congso.ui.internal;

import java.util.Dictionary;
import java.util.Map;

/**
 * The shell's configuration, PID {@code vn.congso.ui} ({@code etc/vn.congso.ui.cfg}). The
 * {@code CONGSO_HTTP_PORT} environment variable overrides {@code port}.
 *
 * @param host address Jetty binds to
 * @param port HTTP port
 * @param theme name of the active theme
 * @param heartbeatSeconds Vaadin heartbeat interval
 * @param sessionTimeoutMinutes idle HTTP session lifetime
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For}/{@code Forwarded}/
 *        {@code X-Forwarded-Proto} headers are believed ({@code trustedProxies}: comma-separated
 *        IP addresses; empty, the default, trusts none)
 * @param publicBaseUrl the address people outside reach the platform at, for links that leave
 *        the server (certificate QR codes, e-mails, feeds): an absolute http or https URL
 *        without query or fragment, stored without a trailing slash; empty, the default, takes
 *        it from each request ({@code Host}, and forwarding headers from a trusted proxy)
 */
public record UiConfig(String host, int port, String theme, int heartbeatSeconds, int sessionTimeoutMinutes,
        TrustedProxies trustedProxies, String publicBaseUrl) {

    /** The configuration PID. */
    public static final String PID = "vn.congso.ui";

    /** The defaults: loopback only, port 8181, the default theme. */
    public static final UiConfig DEFAULTS = new UiConfig("127.0.0.1", 8181, "default", 60, 30,
            TrustedProxies.NONE, "");

    /**
     * Reads a configuration dictionary over the defaults, then applies the environment.
     *
     * @param properties ConfigAdmin properties, may be null
     * @param environment the process environment
     * @return the effective configuration
     * @throws IllegalArgumentException when a value is not valid
     */
    public static UiConfig from(Dictionary<String, ?> properties, Map<String, String> environment) {
        String host = DEFAULTS.host();
        int port = DEFAULTS.port();
        String theme = DEFAULTS.theme();
        int heartbeat = DEFAULTS.heartbeatSeconds();
        int sessionTimeout = DEFAULTS.sessionTimeoutMinutes();
        TrustedProxies proxies = DEFAULTS.trustedProxies();
        String publicBaseUrl = DEFAULTS.publicBaseUrl();
        if (properties != null) {
            host = string(properties.get("host"), host);
            port = integer("port", properties.get("port"), port);
            theme = string(properties.get("theme"), theme);
            heartbeat = integer("heartbeatSeconds", properties.get("heartbeatSeconds"), heartbeat);
            sessionTimeout = integer("sessionTimeoutMinutes", properties.get("sessionTimeoutMinutes"), sessionTimeout);
            Object trusted = properties.get("trustedProxies");
            proxies = TrustedProxies.parse(trusted == null ? null : trusted.toString());
            Object base = properties.get("publicBaseUrl");
            publicBaseUrl = PublicBaseUrl.configured(base == null ? null : base.toString());
        }
        String envPort = environment.get("CONGSO_HTTP_PORT");
        if (envPort != null && !envPort.isBlank()) {
            port = integer("CONGSO_HTTP_PORT", envPort, port);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (heartbeat < 10) {
            throw new IllegalArgumentException("heartbeatSeconds must be at least 10, was " + heartbeat);
        }
        if (sessionTimeout < 1) {
            throw new IllegalArgumentException("sessionTimeoutMinutes must be at least 1, was " + sessionTimeout);
        }
        return new UiConfig(host, port, theme, heartbeat, sessionTimeout, proxies, publicBaseUrl);
    }

    private static String string(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static int integer(String name, Object value, int fallback) {
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
