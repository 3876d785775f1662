package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthServletTest {

    /** A request from {@code remoteAddr} carrying {@code headers}; nothing else is needed. */
    private static HttpServletRequest request(String remoteAddr, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HealthServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> remoteAddr;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void loopbackPeersAreAdmitted() {
        for (String address : new String[] {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1",
                "::ffff:127.0.0.1"}) {
            assertTrue(HealthServlet.admits(request(address, Map.of()), TrustedProxies.NONE), address);
        }
    }

    @Test
    void otherPeersAreNot() {
        for (String address : new String[] {"10.0.0.5", "192.168.1.10", "203.0.113.7", "::2", "fe80::1", "0.0.0.0",
                "localhost", "127.0.0.1.evil.example", "", null}) {
            assertFalse(HealthServlet.admits(request(address, Map.of()), TrustedProxies.NONE), String.valueOf(address));
        }
    }

    @Test
    void aRequestForwardedByAProxyOnThisMachineIsNotAdmitted() {
        assertFalse(HealthServlet.admits(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.7")), TrustedProxies.NONE));
        assertFalse(HealthServlet.admits(request("127.0.0.1", Map.of("Forwarded", "for=203.0.113.7")), TrustedProxies.NONE));
        assertFalse(HealthServlet.admits(request("::1", Map.of("X-Real-IP", "203.0.113.7")), TrustedProxies.NONE));
    }

    @Test
    void aTrustedProxyHostsOwnMonitoringIsAdmittedButNotWhatItForwards() {
        TrustedProxies proxy = TrustedProxies.parse("192.0.2.10");
        assertTrue(HealthServlet.admits(request("192.0.2.10", Map.of()), proxy));
        assertFalse(HealthServlet.admits(request("192.0.2.10", Map.of("X-Forwarded-For", "203.0.113.7")), proxy));
        assertFalse(HealthServlet.admits(request("192.0.2.11", Map.of()), proxy));
        assertFalse(HealthServlet.admits(request("192.0.2.10", Map.of()), TrustedProxies.NONE));
    }
}
