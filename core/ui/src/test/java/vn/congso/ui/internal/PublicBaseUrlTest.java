package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public base URL of links that leave the server: configured, or from a request believed only as far as it may be. */
class PublicBaseUrlTest {

    private static final String FALLBACK = "http://127.0.0.1:8181";
    private static final TrustedProxies PROXY = TrustedProxies.parse("10.0.0.5");

    @Test
    void aConfiguredBaseIsUsedAsItIsWithoutATrailingSlash() {
        assertEquals("https://congso.trande.gov.vn", PublicBaseUrl.configured(" https://congso.trande.gov.vn/ "));
        assertEquals("https://congso.trande.gov.vn:8443/cong", PublicBaseUrl.configured("HTTPS://CongSo.Trande.gov.vn:8443/cong/"));
        assertEquals("", PublicBaseUrl.configured(""));
        assertEquals("", PublicBaseUrl.configured(null));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("publicBaseUrl", "https://congso.trande.gov.vn/");
        assertEquals("https://congso.trande.gov.vn", UiConfig.from(properties, Map.of()).publicBaseUrl());
        assertEquals("", UiConfig.from(new Hashtable<>(), Map.of()).publicBaseUrl(), "the default: from the request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"congso.trande.gov.vn", "ftp://congso.trande.gov.vn", "javascript:alert(1)",
        "https://congso.trande.gov.vn/?a=1", "https://congso.trande.gov.vn/#top", "https://user:pw@congso.trande.gov.vn",
        "https:///path", "https://exa mple.vn", "/relative"})
    void aBadConfiguredBaseIsRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.configured(value));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("publicBaseUrl", value);
        assertThrows(IllegalArgumentException.class, () -> UiConfig.from(properties, Map.of()));
    }

    @Test
    void withoutAConfiguredBaseTheBrowsersHostIsUsed() {
        assertEquals("http://192.168.1.20:8181", PublicBaseUrl.fromRequest(TrustedProxies.NONE, "192.168.1.30", false,
                "192.168.1.20:8181", List.of(), List.of(), FALLBACK));
        assertEquals(FALLBACK, PublicBaseUrl.fromRequest(TrustedProxies.NONE, "192.168.1.30", false, null, List.of(),
                List.of(), FALLBACK));
        assertEquals(FALLBACK, PublicBaseUrl.fromRequest(TrustedProxies.NONE, "192.168.1.30", false,
                "evil.example/phish?x=", List.of(), List.of(), FALLBACK), "a Host that is not a host name");
    }

    @Test
    void anUntrustedPeerCannotChangeTheLinkWithForwardingHeaders() {
        assertEquals("http://192.168.1.20:8181", PublicBaseUrl.fromRequest(TrustedProxies.NONE, "192.168.1.30", false,
                "192.168.1.20:8181", List.of("host=evil.example;proto=https"), List.of("evil.example"), FALLBACK));
        assertEquals("http://192.168.1.20:8181", PublicBaseUrl.fromRequest(PROXY, "192.168.1.30", false,
                "192.168.1.20:8181", List.of(), List.of("evil.example"), FALLBACK), "a proxy, but not this peer");
    }

    @Test
    void theTrustedProxysHostIsBelieved() {
        assertEquals("https://congso.trande.gov.vn", PublicBaseUrl.fromRequest(PROXY, "10.0.0.5", true,
                "127.0.0.1:8181", List.of(), List.of("congso.trande.gov.vn"), FALLBACK));
        assertEquals("https://congso.trande.gov.vn", PublicBaseUrl.fromRequest(PROXY, "10.0.0.5", true,
                "127.0.0.1:8181", List.of("for=203.0.113.7;host=\"congso.trande.gov.vn\";proto=https"), List.of(),
                FALLBACK));
        // the right-most value is the one the trusted proxy wrote
        assertEquals("http://congso.trande.gov.vn", PublicBaseUrl.fromRequest(PROXY, "10.0.0.5", false,
                "127.0.0.1:8181", List.of(), List.of("evil.example, congso.trande.gov.vn"), FALLBACK));
        assertEquals(FALLBACK, PublicBaseUrl.fromRequest(PROXY, "10.0.0.5", false, "127.0.0.1:8181", List.of(),
                List.of("evil.example/x"), FALLBACK));
    }

    @Test
    void linksArePathsOfThePlatformOnly() {
        assertEquals("https://a.vn/training/verify/X", PublicBaseUrl.absolute("https://a.vn", "/training/verify/X"));
        assertEquals("https://a.vn/training", PublicBaseUrl.absolute("https://a.vn", "training"));
        for (String bad : List.of("//evil.example/x", "https://evil.example", "javascript:alert(1)", "/a b", "/a\nb")) {
            assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.absolute("https://a.vn", bad), bad);
        }
    }
}
