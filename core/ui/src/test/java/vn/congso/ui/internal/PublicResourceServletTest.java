package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.congso.api.web.PublicResource;

class PublicResourceServletTest {

    @Test
    void onlyWellFormedNamesAndPathsReachAPlugin() {
        assertArrayEquals(new String[] {"publishing", "feed/rss.xml"},
                PublicResourceServlet.split("/publishing/feed/rss.xml").orElseThrow());
        assertArrayEquals(new String[] {"publishing", "cover/12/800.jpg"},
                PublicResourceServlet.split("/publishing/cover/12/800.jpg").orElseThrow());
        for (String bad : new String[] {null, "", "/", "/publishing", "/publishing/", "/publishing/../etc/passwd",
                "/publishing/a/../../x", "/publishing/a//b", "/Publishing/x", "/publishing/a\\b", "/publishing/%2e%2e/x",
                "/publishing/a b", "/publishing/./x", "/../publishing/x"}) {
            assertTrue(PublicResourceServlet.split(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void pluginsServeOnlyMediaTypesThatRunNoScript() {
        assertThrows(IllegalArgumentException.class, () -> new PublicResource("text/html", new byte[0], "", 0));
        assertThrows(IllegalArgumentException.class, () -> new PublicResource("image/svg+xml", new byte[0], "", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PublicResource("application/pdf", new byte[0], "a\"; x=y.pdf", 0));
        new PublicResource("application/pdf", new byte[0], "to-roi-phap-luat.pdf", 60);
    }
}
