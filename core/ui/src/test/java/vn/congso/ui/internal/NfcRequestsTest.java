package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NfcRequestsTest {

    /** "hồ sơ" typed with combining marks: o, circumflex, grave; then s, o, horn. */
    private static final String DECOMPOSED = "ho\u0302\u0300 so\u031b";
    private static final String COMPOSED = "hồ sơ";

    @Test
    void textTypedWithCombiningMarksReachesTheViewsPrecomposed() throws Exception {
        String json = "{\"csrfToken\":\"x\",\"rpc\":[{\"type\":\"mSync\",\"node\":7,\"property\":\"value\",\"value\":\""
                + DECOMPOSED + "\"}]}";
        HttpServletRequest request = request("POST", "v-r=uidl&v-uiId=0", json);

        HttpServletRequest seen = NfcRequests.normalised(request).orElseThrow();

        String body = seen.getReader().lines().collect(Collectors.joining("\n"));
        assertTrue(body.contains("\"value\":\"" + COMPOSED + "\""), body);
        assertEquals(body.getBytes(StandardCharsets.UTF_8).length, seen.getContentLength());
    }

    @Test
    void otherRequestsAreLeftAsTheyAre() throws Exception {
        HttpServletRequest upload = request("POST", "v-r=upload&v-uiId=0", DECOMPOSED);
        assertSame(upload, NfcRequests.normalised(upload).orElseThrow(), "an upload's bytes must not change");
        HttpServletRequest page = request("GET", "v-r=uidl", "");
        assertSame(page, NfcRequests.normalised(page).orElseThrow());
    }

    @Test
    void aBodyLongerThanTheLimitIsRefusedWithoutBeingKept() throws Exception {
        String huge = "x".repeat(NfcRequests.MAX_BODY_BYTES + 1);
        assertEquals(Optional.empty(), NfcRequests.normalised(request("POST", "v-r=uidl", huge)));
    }

    private static HttpServletRequest request(String method, String query, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(NfcRequestsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> query;
                    case "getInputStream" -> stream;
                    case "getContentLength" -> bytes.length;
                    default -> null;
                });
    }
}
