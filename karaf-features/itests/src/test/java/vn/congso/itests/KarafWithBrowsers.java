package vn.congso.itests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The Karaf instance of one browser test class and the browsers open on it, registered with
 * {@code @RegisterExtension static final}. Before all: skips the class unless Chromium is installed,
 * then starts the assembled distribution with {@code bin/karaf run} in {@code target/<name>-karaf}
 * on ports of its own. When a test fails: a screenshot of every open browser and Karaf's ERROR
 * lines. After all: closes the browsers, then stops Karaf.
 */
final class KarafWithBrowsers implements BeforeAllCallback, TestWatcher, AfterAllCallback {

    private final CongSoContainer.Ports ports;
    private final long startMillis;
    private final Path home;
    private final Path out;
    private final List<Browser> browsers = new ArrayList<>();
    private Process karaf;

    /**
     * @param name names the Karaf home {@code target/<name>-karaf} and its console output file
     * @param ports the instance's ports
     * @param startMillis how long Karaf may take to answer HTTP 200
     */
    KarafWithBrowsers(String name, CongSoContainer.Ports ports, long startMillis) {
        this.ports = ports;
        this.startMillis = startMillis;
        Path target = Path.of("target").toAbsolutePath();
        this.home = target.resolve(name + "-karaf");
        this.out = target.resolve(name + "-karaf.out");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Browser.assumeAvailable();
        Path zip = Path.of(CongSoContainer.requiredFile("congso.distribution.zip"));
        karaf = KarafProcess.start(zip, home, out, ports, startMillis);
        awaitBootFinished();
    }

    /**
     * Waits until Karaf has installed every boot feature (the platform's health check stops saying
     * {@code "starting": true}): with every first-party plugin in the distribution, the shell
     * answers well before the last plugin has declared its roles and screens, and a test that
     * signs in at once would race them.
     */
    private void awaitBootFinished() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/health")).timeout(java.time.Duration.ofSeconds(10)).build();
        java.util.regex.Pattern finished = java.util.regex.Pattern.compile("\"starting\"\\s*:\\s*false");
        long deadline = System.currentTimeMillis() + startMillis;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            try {
                last = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                if (finished.matcher(last).find()) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Karaf did not finish installing its boot features within "
                + startMillis / 1000 + " s; /health said: " + last);
    }

    /** The Karaf home. */
    Path home() {
        return home;
    }

    /** A new browser with a profile of its own (another person); closed after all. */
    Browser browser(String name) throws IOException {
        return opened(new Browser(base(), name));
    }

    /**
     * A new {@link TrainingBrowser} with a profile of its own; closed after all.
     *
     * @param bankResource the GIFT file on the test class path the exams draw from
     */
    TrainingBrowser trainingBrowser(String name, String bankResource) throws IOException {
        return opened(new TrainingBrowser(base(), name, bankResource));
    }

    private <B extends Browser> B opened(B browser) {
        browsers.add(browser);
        return browser;
    }

    private String base() {
        return "http://127.0.0.1:" + ports.http();
    }

    /**
     * Kills the Karaf JVM with SIGKILL; see {@link KarafProcess#kill}.
     *
     * @return the pid of the JVM that was killed
     */
    long kill() throws Exception {
        return KarafProcess.kill(home, karaf);
    }

    /**
     * Starts the same Karaf home again (after {@link #kill()}) and waits, as at the first start,
     * until every boot feature is installed: HTTP 200 alone comes before the plugins' routes.
     */
    void launchAgain() throws Exception {
        karaf = KarafProcess.launch(home, out, ports.http(), startMillis);
        awaitBootFinished();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (Browser browser : browsers) {
            browser.screenshot(context.getRequiredTestMethod().getName());
        }
        KarafProcess.reportErrorsLogged(home, context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            for (Browser browser : browsers) {
                browser.close();
            }
            browsers.clear();
        } finally {
            KarafProcess.stop(home, karaf);
            karaf = null;
        }
    }
}
