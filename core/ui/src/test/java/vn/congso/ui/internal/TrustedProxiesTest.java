package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxy = TrustedProxies.parse("10.0.0.5, ::1");

    @Test
    void withNoProxyConfiguredEveryForwardingHeaderIsIgnored() {
        TrustedProxies.Client client = TrustedProxies.NONE.resolve("127.0.0.1", false,
                List.of("for=198.51.100.7;proto=https"), List.of("198.51.100.7"), List.of("https"));

        assertEquals(new TrustedProxies.Client("127.0.0.1", false), client);
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddressOrHttps() {
        TrustedProxies.Client client = proxy.resolve("203.0.113.9", false, List.of(),
                List.of("198.51.100.7"), List.of("https"));

        assertEquals(new TrustedProxies.Client("203.0.113.9", false), client);
    }

    @Test
    void behindTheTrustedProxyTheRightMostUntrustedAddressIsTheClient() {
        // The client wrote "1.2.3.4" itself; the proxy appended the address it really saw.
        TrustedProxies.Client client = proxy.resolve("10.0.0.5", false, List.of(),
                List.of("1.2.3.4, 198.51.100.7"), List.of("https"));

        assertEquals(new TrustedProxies.Client("198.51.100.7", true), client);
    }

    @Test
    void trustedHopsAreSkippedAcrossHeaderLines() {
        TrustedProxies.Client client = proxy.resolve("10.0.0.5", false, List.of(),
                List.of("1.2.3.4", "198.51.100.7, 10.0.0.5"), List.of("http"));

        assertEquals(new TrustedProxies.Client("198.51.100.7", false), client);
    }

    @Test
    void theStandardForwardedHeaderWinsAndCarriesTheScheme() {
        TrustedProxies.Client client = proxy.resolve("0:0:0:0:0:0:0:1", false,
                List.of("for=1.2.3.4;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https"),
                List.of("9.9.9.9"), List.of());

        assertEquals(new TrustedProxies.Client("2001:db8:cafe:0:0:0:0:17", true), client);
    }

    @Test
    void garbageWhereTheClientShouldBeLeavesTheProxyAsTheClient() {
        TrustedProxies.Client client = proxy.resolve("10.0.0.5", false, List.of(),
                List.of("198.51.100.7, unknown"), List.of());

        assertEquals("10.0.0.5", client.address());
        assertFalse(client.secure());
    }

    @Test
    void aTlsConnectionStaysSecure() {
        assertTrue(TrustedProxies.NONE.resolve("127.0.0.1", true, List.of(), List.of(), List.of()).secure());
    }

    @Test
    void onlyIpAddressesAreAccepted() {
        assertEquals(List.of("10.0.0.5", "0:0:0:0:0:0:0:1"), List.copyOf(proxy.addresses()));
        assertTrue(proxy.isTrusted("::1"));
        assertFalse(proxy.isTrusted("10.0.0.6"));
        assertFalse(proxy.isTrusted(null));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("10.0.0.5, proxy.example"));
        assertEquals("trustedProxies must list IP addresses, was 'proxy.example'", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.256"));
        assertTrue(TrustedProxies.parse(" ").addresses().isEmpty());
    }
}
