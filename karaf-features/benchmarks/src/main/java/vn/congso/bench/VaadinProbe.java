package vn.congso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks Vaadin's own protocol like a browser would: open the page, initialise a UI, ask it
 * to navigate to a route, and read back which component ids the server rendered.
 *
 * <p>{@link Browser} and {@link Tab} go further, for load tests: a browser keeps its cookies;
 * a tab is one UI that keeps the server's node tree (elements, attributes, properties, text,
 * DOM listeners) up to date from every reply, finds components by id, sends value changes
 * ({@code mSync} + the synchronising DOM event) and clicks, polls, heartbeats, holds a
 * long-polling push connection as the browser's Atmosphere client does, and closes with the
 * unload beacon. Every reply is checked: Vaadin answers HTTP 200 even for errors, which are
 * only in {@code meta} ({@code appError}, {@code sessionExpired}).
 */
final class VaadinProbe {

    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Node features of Flow's state tree (com.vaadin.flow.internal.nodefeature.NodeFeatures). */
    private static final int ELEMENT_DATA = 0;
    private static final int ELEMENT_PROPERTIES = 1;
    private static final int ELEMENT_CHILDREN = 2;
    private static final int ELEMENT_ATTRIBUTES = 3;
    private static final int ELEMENT_LISTENERS = 4;
    private static final int TEXT_NODE = 7;
    private static final int POLL_CONFIGURATION = 8;
    /** The UI's push configuration map (feature id of Flow's {@code NodeFeatures.UI_PUSHCONFIGURATION}). */
    private static final int UI_PUSHCONFIGURATION = 5;

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
        String body = "{\"csrfToken\":\"" + csrf.group(1) + "\",\"rpc\":[" + navigateRpc(route) + "],\"syncId\":0,"
                + "\"clientId\":0}";
        return client.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId.group(1)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String navigateRpc(String route) {
        return "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}";
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

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(shell/[^\"]+\\.css)\"");

    /** The shell's stylesheet named in a page's first HTML: a static file, the baseline's request. */
    static String stylesheet(HttpClient http, String page) throws Exception {
        String html = http.send(HttpRequest.newBuilder(URI.create(page)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher m = STYLESHEET.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No shell stylesheet in " + page);
        }
        return m.group(1);
    }

    /** A shared HTTP/1.1 client for many simulated browsers (each keeps its own cookies). */
    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A protocol failure: an HTTP status other than 200, appError, sessionExpired, a missing UI. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String kind;

        ProtocolException(String kind, String message) {
            super(kind + ": " + message);
            this.kind = kind;
        }

        /** @return a short classification for error counts, e.g. {@code http-500}, {@code appError} */
        String kind() {
            return kind;
        }
    }

    /** One simulated browser: a cookie jar over a shared HTTP client. */
    final class Browser {
        private final HttpClient http;
        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        Browser(HttpClient http) {
            this.http = http;
        }

        /** Loads a page and initialises its UI (as the browser's bootstrap does), then navigates it to the route. */
        Tab open(String route) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + route)).GET());
            lastOpen[0] = System.nanoTime() - t0;
            if (page.statusCode() != 200) {
                throw new ProtocolException("http-" + page.statusCode(), "GET " + route);
            }
            long t1 = System.nanoTime();
            HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location="
                    + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=")).GET());
            lastOpen[1] = System.nanoTime() - t1;
            if (init.statusCode() != 200) {
                throw new ProtocolException("http-" + init.statusCode(), "init " + route);
            }
            JsonNode config = JSON.readTree(init.body()).path("appConfig");
            if (config.isMissingNode() || !config.has("v-uiId")) {
                throw new ProtocolException("no-ui", "init " + route + ": " + abbreviate(init.body()));
            }
            Tab tab = new Tab(this, config);
            long t2 = System.nanoTime();
            tab.navigate(route);
            lastOpen[2] = System.nanoTime() - t2;
            return tab;
        }

        /** The last {@link #open}'s round trips in nanoseconds: the page, the UI's init, the navigation. */
        final long[] lastOpen = new long[3];

        /**
         * Whether a page of the route renders a component with this id; the page is then closed
         * with the unload beacon, as a browser does when it leaves it, so that the server keeps
         * no UI of it.
         */
        boolean shows(String route, String componentId) {
            try {
                Tab tab = open(route);
                boolean shown = tab.find(componentId) != null;
                tab.unload();
                return shown;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(withCookies(request).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            keepCookies(response);
            return response;
        }

        HttpRequest.Builder withCookies(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                        .append(value));
                request.header("Cookie", header.toString());
            }
            return request;
        }

        void keepCookies(HttpResponse<?> response) {
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }

        HttpClient http() {
            return http;
        }
    }

    /** One element or text node of a UI's state tree. */
    static final class Node {
        final int id;
        String tag;
        String text;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, JsonNode> attributes = new HashMap<>();
        final Map<String, String> listeners = new HashMap<>();
        final List<Integer> children = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }

        /** @return an attribute or property as text, null when absent */
        String get(String name) {
            JsonNode value = attributes.containsKey(name) ? attributes.get(name) : properties.get(name);
            return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
        }
    }

    /** One UI (a browser tab) with its state tree. Requests of one tab go one at a time, as in the browser. */
    final class Tab {
        private final Browser browser;
        private final int uiId;
        private final String csrf;
        private final String pushId;
        private final Map<Integer, Node> nodes = new HashMap<>();
        private final Map<String, JsonNode> constants = new HashMap<>();
        private final AtomicBoolean pushing = new AtomicBoolean();
        private final AtomicLong pushMessages = new AtomicLong();
        private int syncId = -1;
        private int clientId;
        private volatile String pushUuid = "0";
        private String lastExecute = "";
        private volatile boolean closed;

        Tab(Browser browser, JsonNode config) throws IOException {
            this.browser = browser;
            this.uiId = config.path("v-uiId").asInt();
            this.csrf = config.path("uidl").path("Vaadin-Security-Key").asText(null);
            this.pushId = config.path("uidl").path("Vaadin-Push-ID").asText(null);
            if (csrf == null) {
                throw new ProtocolException("no-csrf", "init");
            }
            apply(config.path("uidl"));
        }

        int uiId() {
            return uiId;
        }

        /** Fires the router's navigation event, as the client-side bootstrap does after init. */
        synchronized JsonNode navigate(String route) throws IOException, InterruptedException {
            return send(List.of(JSON.readTree(navigateRpc(route))));
        }

        /** Clicks a component by id, with the event data the server asked for (mouse position 0, no modifiers). */
        synchronized JsonNode click(String componentId) throws IOException, InterruptedException {
            Node node = require(componentId);
            return send(List.of(event(node.id, "click", clickData(node))));
        }

        /** The click event's data the server asked for (mouse position 0, no modifiers, one click). */
        private ObjectNode clickData(Node node) {
            ObjectNode data = NODES.objectNode();
            String constant = node.listeners.get("click");
            if (constant != null && constants.containsKey(constant)) {
                for (Iterator<String> it = constants.get(constant).fieldNames(); it.hasNext();) {
                    String expression = it.next();
                    if (expression.startsWith("event.")) {
                        if (expression.endsWith("Key")) {
                            data.put(expression, false);
                        } else {
                            data.put(expression, expression.equals("event.detail") ? 1 : 0);
                        }
                    }
                }
            }
            return data;
        }

        /**
         * A double click that reaches the server: the same click event twice in one message, as a
         * browser sends it when the second click comes before the first one's reply.
         */
        synchronized JsonNode clickTwice(String componentId) throws IOException, InterruptedException {
            Node node = require(componentId);
            return send(List.of(event(node.id, "click", clickData(node)), event(node.id, "click", clickData(node))));
        }

        /**
         * Sends a file to an upload component as {@code vaadin-upload} does: a multipart POST
         * (form field {@code file}) to the target the server gave the component.
         *
         * @return the HTTP status of the upload request
         */
        int upload(String componentId, String fileName, String contentType, byte[] content)
                throws IOException, InterruptedException {
            String target;
            synchronized (this) {
                target = require(componentId).get("target");
            }
            if (target != null && target.startsWith("{")) {
                // A stream resource's target arrives as {"uri": "VAADIN/dynamic/resource/…"}.
                target = JSON.readTree(target).path("uri").asText(null);
            }
            if (target == null || target.isEmpty()) {
                throw new ProtocolException("no-upload-target", componentId);
            }
            String boundary = "----congso" + Long.toHexString(System.nanoTime());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + target))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            return response.statusCode();
        }

        /**
         * Sets a component's value as the web component would: {@code mSync} of the property,
         * then the DOM event the server listens to for it (the listener whose data asks to
         * synchronise {@code }value}).
         */
        synchronized JsonNode setValue(String componentId, JsonNode value) throws IOException, InterruptedException {
            Node node = require(componentId);
            ObjectNode sync = NODES.objectNode();
            sync.put("type", "mSync");
            sync.put("node", node.id);
            sync.put("feature", ELEMENT_PROPERTIES);
            sync.put("property", "value");
            sync.set("value", value);
            // The web component holds the new value already; the server does not echo a synced property back.
            node.properties.put("value", value);
            List<JsonNode> rpc = new ArrayList<>();
            rpc.add(sync);
            for (Map.Entry<String, String> listener : node.listeners.entrySet()) {
                JsonNode expressions = constants.get(listener.getValue());
                if (expressions != null && expressions.has("}value")) {
                    rpc.add(event(node.id, listener.getKey(), NODES.objectNode()));
                }
            }
            return send(rpc);
        }

        /** The poll the server configured with {@code UI.setPollInterval}. */
        synchronized JsonNode poll() throws IOException, InterruptedException {
            return send(List.of(event(1, "ui-poll", null)));
        }

        /** The poll interval the server set, in ms; -1 when none. */
        synchronized int pollInterval() {
            Node root = nodes.get(1);
            JsonNode value = root == null ? null : root.properties.get("pollInterval");
            return value == null || value.isNull() ? -1 : value.asInt();
        }

        /**
         * Whether the server wants this UI to hold a push connection, as the browser's client
         * decides: the application's push unless the UI's push mode was set to DISABLED.
         */
        synchronized boolean pushEnabled() {
            Node root = nodes.get(1);
            JsonNode value = root == null ? null : root.properties.get("pushMode");
            return value == null || value.isNull() || !"DISABLED".equals(value.asText());
        }

        /** Vaadin's heartbeat (POST without body), which keeps the UI alive. */
        void heartbeat() throws IOException, InterruptedException {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base
                    + "?v-r=heartbeat&v-uiId=" + uiId)).header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (response.statusCode() != 200) {
                throw new ProtocolException("heartbeat-" + response.statusCode(), "UI " + uiId);
            }
        }

        /** The beacon the browser sends when a page is left or closed; the server closes the UI. */
        void unload() throws IOException, InterruptedException {
            closed = true;
            pushing.set(false);
            ObjectNode message = NODES.objectNode();
            message.put("csrfToken", csrf);
            message.set("rpc", NODES.arrayNode());
            message.put("UNLOAD", true);
            browser.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString())));
        }

        /**
         * Opens the long-polling push connection the way vaadinPush.js (Atmosphere) does: a
         * handshake GET that returns the tracking id, then one GET at a time that the server
         * holds until it has something to push (or its heartbeat); each reply's UIDL messages
         * are applied to the tree.
         */
        void startPush() {
            if (pushId == null || !pushing.compareAndSet(false, true)) {
                return;
            }
            longPoll();
        }

        long pushMessages() {
            return pushMessages.get();
        }

        /** Whether the push handshake gave this tab a tracking id (its long poll is being held). */
        boolean pushConnected() {
            return !"0".equals(pushUuid);
        }

        private void longPoll() {
            if (!pushing.get() || closed) {
                return;
            }
            String url = base + "?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id="
                    + pushUuid + "&X-Atmosphere-Framework=4.0.1-javascript&X-Atmosphere-Transport=long-polling"
                    + "&X-Atmosphere-TrackMessageSize=true&Content-Type="
                    + URLEncoder.encode("application/json; charset=UTF-8", StandardCharsets.UTF_8)
                    + "&X-atmo-protocol=true&_=" + System.currentTimeMillis();
            HttpRequest request = browser.withCookies(HttpRequest.newBuilder(URI.create(url)).GET()).build();
            browser.http().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 200) {
                            if (pushing.get() && !closed) {
                                // The browser's Atmosphere client reconnects after a pause.
                                delayed(this::longPoll, 5_000);
                            }
                            return;
                        }
                        browser.keepCookies(response);
                        pushed(response.body());
                        longPoll();
                    });
        }

        /** Handles a long-poll reply: the handshake ({@code len|uuid|heartbeat|padding|}) or pushed messages. */
        private void pushed(String body) {
            String text = body.trim();
            if (text.isEmpty()) {
                return;
            }
            if ("0".equals(pushUuid)) {
                String[] parts = text.split("\\|");
                if (parts.length >= 2) {
                    pushUuid = parts[1].trim();
                }
                return;
            }
            // Track-message-size framing: <length>|<message>, possibly several; heartbeats are the padding.
            int at = 0;
            while (at < text.length()) {
                int bar = text.indexOf('|', at);
                if (bar < 0) {
                    break;
                }
                int length;
                try {
                    length = Integer.parseInt(text.substring(at, bar).trim());
                } catch (NumberFormatException e) {
                    break;
                }
                String message = text.substring(bar + 1, Math.min(text.length(), bar + 1 + length));
                at = bar + 1 + length;
                if (message.startsWith("for(;;);") || message.startsWith("{")) {
                    pushMessages.incrementAndGet();
                    try {
                        JsonNode reply = parse(message);
                        synchronized (this) {
                            apply(reply);
                        }
                    } catch (IOException e) {
                        // a message we cannot read is counted by the next UIDL round trip's resynchronisation
                    }
                }
            }
        }

        /** Sends rpcs and applies the reply; throws {@link ProtocolException} on any error reported. */
        private JsonNode send(List<JsonNode> rpc) throws IOException, InterruptedException {
            ObjectNode message = NODES.objectNode();
            message.put("csrfToken", csrf);
            ArrayNode calls = message.putArray("rpc");
            rpc.forEach(calls::add);
            message.put("syncId", syncId);
            message.put("clientId", clientId);
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base
                    + "?v-r=uidl&v-uiId=" + uiId)).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString())));
            if (response.statusCode() != 200) {
                throw new ProtocolException("http-" + response.statusCode(), abbreviate(response.body()));
            }
            JsonNode reply = parse(response.body());
            apply(reply);
            return reply;
        }

        private JsonNode parse(String body) throws IOException {
            String json = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
            JsonNode reply = JSON.readTree(json);
            return reply.isArray() ? reply.get(0) : reply;
        }

        private void apply(JsonNode reply) throws ProtocolException {
            JsonNode meta = reply.path("meta");
            if (meta.has("appError")) {
                throw new ProtocolException("appError", meta.get("appError").toString());
            }
            if (meta.path("sessionExpired").asBoolean(false)) {
                throw new ProtocolException("sessionExpired", "UI " + uiId);
            }
            if (reply.has("syncId")) {
                syncId = reply.get("syncId").asInt();
            }
            if (reply.has("clientId")) {
                clientId = reply.get("clientId").asInt();
            }
            reply.path("constants").fields().forEachRemaining(e -> constants.put(e.getKey(), e.getValue()));
            for (JsonNode change : reply.path("changes")) {
                applyChange(change);
            }
            JsonNode execute = reply.path("execute");
            if (execute.isArray() && !execute.isEmpty()) {
                lastExecute = execute.toString();
            }
        }

        private void applyChange(JsonNode change) {
            int id = change.path("node").asInt();
            String type = change.path("type").asText();
            if ("detach".equals(type)) {
                nodes.remove(id);
                return;
            }
            Node node = nodes.computeIfAbsent(id, Node::new);
            int feature = change.path("feat").asInt(-1);
            String key = change.path("key").asText(null);
            switch (type) {
                case "put" -> {
                    JsonNode value = change.has("nodeValue") ? change.get("nodeValue") : change.get("value");
                    switch (feature) {
                        case ELEMENT_DATA -> {
                            if ("tag".equals(key)) {
                                node.tag = value.asText();
                            }
                        }
                        case ELEMENT_PROPERTIES, POLL_CONFIGURATION, UI_PUSHCONFIGURATION ->
                                node.properties.put(key, value);
                        case ELEMENT_ATTRIBUTES -> node.attributes.put(key, value);
                        case ELEMENT_LISTENERS -> node.listeners.put(key, value.asText());
                        case TEXT_NODE -> node.text = value.asText();
                        default -> {
                        }
                    }
                }
                case "remove" -> {
                    node.properties.remove(key);
                    node.attributes.remove(key);
                    if (feature == ELEMENT_LISTENERS) {
                        node.listeners.remove(key);
                    }
                }
                case "splice" -> {
                    if (feature == ELEMENT_CHILDREN) {
                        int index = change.path("index").asInt();
                        int remove = change.path("remove").asInt(0);
                        for (int i = 0; i < remove && index < node.children.size(); i++) {
                            node.children.remove(index);
                        }
                        List<Integer> added = new ArrayList<>();
                        change.path("addNodes").forEach(n -> added.add(n.asInt()));
                        node.children.addAll(Math.min(index, node.children.size()), added);
                    }
                }
                case "clear" -> {
                    if (feature == ELEMENT_CHILDREN) {
                        node.children.clear();
                    }
                }
                default -> {
                }
            }
        }

        private ObjectNode event(int node, String name, ObjectNode data) {
            ObjectNode event = NODES.objectNode();
            event.put("type", "event");
            event.put("node", node);
            event.put("event", name);
            if (data != null) {
                event.set("data", data);
            }
            return event;
        }

        /** The node of the component with this id, or null. */
        synchronized Node find(String componentId) {
            for (Node node : nodes.values()) {
                if (componentId.equals(node.get("id"))) {
                    return node;
                }
            }
            return null;
        }

        private Node require(String componentId) throws ProtocolException {
            Node node = find(componentId);
            if (node == null) {
                throw new ProtocolException("missing-" + componentId, "UI " + uiId);
            }
            return node;
        }

        /** The text content of a node (its text-node descendants in order). */
        synchronized String text(Node node) {
            if (node == null) {
                return null;
            }
            if (node.text != null) {
                return node.text;
            }
            StringBuilder out = new StringBuilder();
            for (int child : node.children) {
                String part = text(nodes.get(child));
                if (part != null) {
                    out.append(part);
                }
            }
            return out.toString();
        }

        /** The element descendants of a node with this tag. */
        synchronized List<Node> descendants(Node node, String tag) {
            List<Node> found = new ArrayList<>();
            for (int child : node.children) {
                Node c = nodes.get(child);
                if (c == null) {
                    continue;
                }
                if (tag.equals(c.tag)) {
                    found.add(c);
                }
                found.addAll(descendants(c, tag));
            }
            return found;
        }

        /** The JSON of the last reply's {@code execute} (for instance a location change), or "". */
        synchronized String lastExecute() {
            return lastExecute;
        }

        synchronized int nodeCount() {
            return nodes.size();
        }
    }

    private static void delayed(Runnable task, long millis) {
        java.util.concurrent.CompletableFuture.delayedExecutor(millis, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(task);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
