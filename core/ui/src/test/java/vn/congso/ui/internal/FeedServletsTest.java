package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plugin endpoints under /feeds/: found only by an allowed name, given the rest of the path. */
class FeedServletsTest {

    private final List<String> seen = new ArrayList<>();
    private final Servlet calendar = new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            seen.add(request.getServletPath() + " " + request.getPathInfo());
        }
    };
    private final FeedServlets feeds = new FeedServlets(name -> Optional.ofNullable(Map.of("conference", calendar).get(name)));

    @Test
    void aRegisteredNameReceivesTheRestOfThePath() throws Exception {
        assertEquals(0, status("/conference/abc.ics"));
        assertEquals(List.of("/feeds/conference /abc.ics"), seen);
    }

    @Test
    void unknownOrMalformedNamesAreNotFound() throws Exception {
        for (String path : new String[] {null, "/", "/publishing/x", "/Conference/x", "/../conference/x", "/conf%2e/x",
                "/" + "a".repeat(41) + "/x"}) {
            assertEquals(404, status(path), String.valueOf(path));
        }
        assertEquals(List.of(), seen);
    }

    private int status(String pathInfo) throws Exception {
        int[] status = {0};
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPathInfo" -> pathInfo;
                    case "getMethod" -> "GET";
                    case "getServletPath" -> "/feeds";
                    case "getProtocol" -> "HTTP/1.1";
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendError")) {
                        status[0] = (Integer) args[0];
                    }
                    return null;
                });
        feeds.service(request, response);
        return status[0];
    }
}
