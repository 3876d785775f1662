package vn.congso.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks Vaadin's own protocol like a browser would: open the page, initialise a UI, ask it
 * to navigate to a route, and read back which component ids the server rendered.
 */
final class VaadinProbe {

    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    private final String base;

    VaadinProbe(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** Status of a plain GET of the shell, or -1 when nothing answers. */
    int status(String path) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The server's reply to navigating a fresh UI to a route. */
    String navigate(String route) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(2)).build();
        client.send(HttpRequest.newBuilder(URI.create(base + route)).build(), HttpResponse.BodyHandlers.discarding());
        String init = client.send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location=" + route + "&query="))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(init);
        Matcher uiId = UI_ID.matcher(init);
        if (!csrf.find() || !uiId.find()) {
            throw new IOException("No Vaadin UI in the init reply: " + init.substring(0, Math.min(200, init.length())));
        }
        String body = "{\"csrfToken\":\"" + csrf.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        return client.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId.group(1)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Whether navigating to the route renders a component with this id. */
    boolean shows(String route, String componentId) {
        try {
            return navigate(route).contains("\"" + componentId + "\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
