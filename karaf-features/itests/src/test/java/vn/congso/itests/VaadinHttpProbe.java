package vn.congso.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks just enough of Vaadin Flow's HTTP protocol to ask the shell which view a route shows,
 * as a browser would: {@code GET /} (session cookie), {@code GET /?v-r=init} (csrf token), then
 * one {@code ui-navigate} UIDL request. Uses {@link HttpURLConnection} with manual cookie
 * handling so it also runs inside the OSGi container (Pax Exam probe), where only
 * {@code java.*} and framework packages are certain to be visible.
 */
public final class VaadinHttpProbe {

    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final int TIMEOUT_MS = 5000;

    private final String baseUrl;

    /** @param baseUrl e.g. {@code http://127.0.0.1:18181} (no trailing slash) */
    public VaadinHttpProbe(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The HTTP status of {@code GET /}, or -1 when nothing answers. */
    public int rootStatus() {
        try {
            HttpURLConnection c = open("/", null);
            int status = c.getResponseCode();
            drain(c);
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Polls {@code GET /} until it answers 200; false when {@code timeoutMillis} passed first. */
    public boolean awaitRoot200(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (rootStatus() == 200) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Opens a fresh session, navigates its UI to {@code route} and returns the UIDL reply
     * (starting with {@code for(;;);}).
     */
    public String navigate(String route) throws IOException {
        HttpURLConnection root = open("/", null);
        if (root.getResponseCode() != 200) {
            throw new IOException("GET / answered " + root.getResponseCode());
        }
        String cookie = sessionCookie(root.getHeaderFields());
        drain(root);
        if (cookie == null) {
            throw new IOException("GET / set no JSESSIONID cookie");
        }

        HttpURLConnection init = open("/?v-r=init&location=" + route + "&query=", cookie);
        String initBody = drain(init);
        if (init.getResponseCode() != 200) {
            throw new IOException("init answered " + init.getResponseCode() + ": " + initBody);
        }
        Matcher m = CSRF.matcher(initBody);
        if (!m.find()) {
            throw new IOException("no Vaadin-Security-Key in init reply: " + abbreviate(initBody));
        }
        String csrf = m.group(1);

        String payload = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                + "\"syncId\":0,\"clientId\":0}";
        HttpURLConnection uidl = open("/?v-r=uidl&v-uiId=0", cookie);
        uidl.setRequestMethod("POST");
        uidl.setDoOutput(true);
        uidl.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
        try (OutputStream out = uidl.getOutputStream()) {
            out.write(payload.getBytes(StandardCharsets.UTF_8));
        }
        String reply = drain(uidl);
        if (uidl.getResponseCode() != 200) {
            throw new IOException("uidl answered " + uidl.getResponseCode() + ": " + abbreviate(reply));
        }
        return reply;
    }

    /**
     * Polls {@link #navigate(String)} until the reply contains {@code expected}; returns the last
     * reply (which may not contain it when {@code timeoutMillis} passed first).
     */
    public String awaitNavigateContains(String route, String expected, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String last = "";
        do {
            try {
                last = navigate(route);
                if (last.contains(expected)) {
                    return last;
                }
            } catch (IOException e) {
                last = "IOException: " + e.getMessage();
            }
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        return last;
    }

    private HttpURLConnection open(String pathAndQuery, String cookie) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(baseUrl + pathAndQuery).openConnection();
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        return c;
    }

    private static String sessionCookie(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase("Set-Cookie")) {
                for (String value : e.getValue()) {
                    String pair = value.split(";", 2)[0].trim();
                    if (pair.startsWith("JSESSIONID=")) {
                        return pair;
                    }
                }
            }
        }
        return null;
    }

    private static String drain(HttpURLConnection c) throws IOException {
        InputStream in;
        try {
            in = c.getInputStream();
        } catch (IOException e) {
            in = c.getErrorStream();
        }
        if (in == null) {
            return "";
        }
        try (InputStream stream = in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            stream.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
