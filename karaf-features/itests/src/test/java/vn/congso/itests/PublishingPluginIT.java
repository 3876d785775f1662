package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * The publishing plugin on the assembled distribution (one Karaf, {@code bin/karaf run}): an
 * editor writes an article with a cover image and submits it, a reviewer comments, approves and
 * publishes it; an anonymous reader finds it on the portal (on a 390 px phone), the article
 * URL's first HTML response carries its Open Graph tags and text, search without tone marks finds
 * it, the RSS and Atom feeds list it, its leaflet is a PDF, the console rebuilds the index, and
 * uninstalling the bundle keeps the articles that a reinstall finds (no second demo).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishingPluginIT {

    static final int HTTP_PORT = 18981;
    static final int SSH_PORT = 18901;
    static final String TITLE = "Phổ biến pháp luật về thanh toán không dùng tiền mặt";
    static final String SLUG = "pho-bien-phap-luat-ve-thanh-toan-khong-dung-tien-mat";
    static final String SUMMARY = "Người dân nộp phí, lệ phí thủ tục hành chính qua ngân hàng và ví điện tử.";
    static final String CONSOLE_USER = "itconsole";
    static final String CONSOLE_PASSWORD = "publishing-it-console";

    @RegisterExtension
    static final KarafWithBrowsers KARAF = new KarafWithBrowsers("publishing",
            new CongSoContainer.Ports(HTTP_PORT, SSH_PORT, 11999, 44490), 120_000);

    private static Browser browser;
    private static String editorPath;
    private static int published;
    private static final String IMPORTED_TITLE = "Bài nhập từ tệp Markdown";
    private static final String IMPORTED_SLUG = "bai-nhap-tu-tep-markdown";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static String scheduledPath;
    private static LocalDateTime appearsAt;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = KARAF.browser("PublishingPluginIT");
    }

    @Test
    @Order(1)
    void anEditorWritesWithACoverAndSubmits() throws Exception {
        browser.firstAdminSignIn(KARAF.home(), "Tran De 2026 quản trị");
        String editorOneTime = browser.createUser("bientap.lan", "Trần Thị Lan", "Biên tập", "Biên tập viên");
        String reviewerOneTime = browser.createUser("duyet.minh", "Lê Văn Minh", "Người duyệt", "Người duyệt");
        browser.signOut();
        Files.writeString(KARAF.home().resolve("it-reviewer.txt"), reviewerOneTime);

        browser.firstSignIn("bientap.lan", editorOneTime, "Viết bài mới 2026");
        browser.get("/publishing/edit");
        browser.wait(30).until(d -> browser.displayedOrNull(By.id("publishing-editor")) != null);
        browser.typeAndTab("publishing-title", TITLE);
        browser.typeAndTab("publishing-summary", SUMMARY);
        browser.typeAndTab("publishing-body", "## Lợi ích\n\nKhông phải đến **bộ phận một cửa**.\n\n"
                + "<script>alert('xss')</script>[bấm](javascript:alert(1))\n\nNộp hồ sơ và thanh toán trực tuyến.");
        // The live preview shows the safe HTML the portal will show.
        browser.wait(15).until(d -> browser.text("publishing-preview").contains("Không phải đến bộ phận một cửa."));
        assertEquals(0L, browser.js().executeScript(
                "return document.querySelectorAll('#publishing-preview script, #publishing-preview a[href^=javascript]').length;"));
        browser.click("publishing-save");
        browser.wait(20).until(d -> browser.path().matches("/publishing/edit/[0-9]+"));
        editorPath = browser.path();
        state("Bản nháp", 15);

        Path cover = Path.of("target", "publishing-cover.png").toAbsolutePath();
        BufferedImage image = new BufferedImage(1400, 700, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(100, 100, 400, 300);
        ImageIO.write(image, "png", cover.toFile());
        browser.upload("publishing-cover-upload", cover);
        browser.wait(30).until(d -> browser.displayedOrNull(By.id("publishing-cover")) != null);

        browser.click("publishing-step-submit");
        state("Chờ duyệt", 15);
        assertFalse(browser.present("publishing-step-approve"), "an editor cannot approve");

        // Importing articles from files: a problem is named by file and line and nothing is imported.
        browser.get("/publishing/articles");
        browser.wait(30).until(d -> browser.displayedOrNull(By.id("publishing-articles")) != null);
        browser.click("publishing-import-open");
        Path bad = Path.of("target", "nhap-loi.md").toAbsolutePath();
        Files.writeString(bad, "---\ntitle: Bài nhập lỗi\ncategory: Không có chuyên mục này\n---\nx\n");
        browser.upload("publishing-import-upload", bad);
        browser.wait(30).until(d -> browser.present("publishing-import-problems"));
        assertTrue(browser.text("publishing-import-problems").contains("nhap-loi.md, dòng 3: Không có chuyên mục"),
                browser.text("publishing-import-problems"));
        assertEquals("true", String.valueOf(browser.js().executeScript(
                "return document.getElementById('publishing-import-commit').hasAttribute('disabled');")));
        Path good = Path.of("target", "nhap-tot.md").toAbsolutePath();
        Files.writeString(good, "---\ncategory: Tuyên truyền\n---\n# " + IMPORTED_TITLE + "\n\nNội dung nhập.\n");
        browser.get("/publishing/articles");
        browser.wait(30).until(d -> browser.displayedOrNull(By.id("publishing-articles")) != null);
        browser.click("publishing-import-open");
        browser.upload("publishing-import-upload", good);
        browser.wait(30).until(d -> !browser.present("publishing-import-problems") && browser.present("publishing-import-items"));
        browser.click("publishing-import-commit");
        browser.wait(20).until(d -> browser.gridTexts("publishing-articles-grid").contains(IMPORTED_TITLE));

        // The imported draft is to appear a minute or two from now and leave two minutes later, by itself.
        openFromGrid(IMPORTED_TITLE);
        scheduledPath = browser.path();
        appearsAt = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        typeDateTime("publishing-publish-at", appearsAt);
        typeDateTime("publishing-unpublish-at", appearsAt.plusMinutes(2));
        browser.click("publishing-save");
        browser.wait(15).until(d -> browser.notificationText().contains("Đã lưu"));
        browser.click("publishing-step-submit");
        state("Chờ duyệt", 15);
        browser.signOut();
    }

    @Test
    @Order(2)
    void aReviewerCommentsApprovesAndPublishes() throws Exception {
        String oneTime = Files.readString(KARAF.home().resolve("it-reviewer.txt"));
        browser.firstSignIn("duyet.minh", oneTime, "Kiểm tra nội dung 2026");
        browser.get(editorPath);
        state("Chờ duyệt", 30);
        browser.typeAndTab("publishing-comment", "Đã kiểm tra số liệu, đồng ý đăng.");
        browser.click("publishing-comment-add");
        browser.wait(15).until(d -> String.valueOf(browser.js().executeScript(
                "return document.getElementById('publishing-comments').textContent;")).contains("Đã kiểm tra số liệu"));
        browser.click("publishing-step-approve");
        state("Đã duyệt", 15);
        browser.click("publishing-step-publish");
        state("Đã xuất bản", 15);
        browser.wait(10).until(d -> browser.present("publishing-public-link"));

        browser.get(scheduledPath);
        state("Chờ duyệt", 30);
        browser.click("publishing-step-approve");
        state("Đã duyệt", 15);
        browser.click("publishing-step-publish");
        if (LocalDateTime.now(ZONE).isBefore(appearsAt.minusSeconds(20))) {
            state("Hẹn giờ xuất bản", 15);
            assertFalse(firstHtml(IMPORTED_SLUG).contains("og:title"), "the scheduled article is public before its time");
        }
        browser.signOut();
    }

    @Test
    @Order(3)
    void anAnonymousReaderFindsAndReadsItOnAPhone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.get("/portal");
        browser.wait(30).until(d -> browser.displayedOrNull(By.id("portal-home")) != null);
        browser.wait(10).until(d -> browser.displayedOrNull(By.linkText(TITLE)) != null);
        browser.get("/portal/article/" + SLUG);
        browser.waitForText("portal-article-title", TITLE, 30);
        String body = browser.text("portal-article");
        assertTrue(body.contains("Không phải đến bộ phận một cửa."), body);
        assertEquals(0L, browser.js().executeScript(
                "return document.querySelectorAll('#portal-article script, #portal-article a[href^=javascript]').length;"));
        assertTrue(browser.attribute("portal-article-cover", "srcset").contains("1200w"));
        assertEquals(Boolean.TRUE, browser.js().executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                "the article page scrolls sideways on a 390 px phone");

        browser.get("/portal/search?q=phap+luat+khong+dung+tien+mat");
        browser.wait(30).until(d -> browser.displayedOrNull(By.cssSelector("#portal-search-results a")) != null);
        // The demo articles on cashless payment match too; this one is among the hits.
        browser.wait(10).until(d -> browser.displayedOrNull(By.linkText(TITLE)) != null);
        assertTrue((Long) browser.js().executeScript(
                "return document.querySelectorAll('#portal-search-results mark').length;") > 0, "no highlight");
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(4)
    void theReviewerSeesTheAudienceOfTheArticle() {
        browser.signIn("duyet.minh", "Kiểm tra nội dung 2026");
        browser.get("/publishing/audience");
        browser.wait(30).until(d -> browser.displayedOrNull(By.id("publishing-audience")) != null);
        // The demo's history plus the anonymous reader's visits, in Vietnamese numbers.
        assertTrue(browser.text("publishing-audience-visits")
                .matches("Tổng [0-9.]+ lượt truy cập, trung bình [0-9.]+ lượt mỗi ngày trong 30 ngày\\."),
                browser.text("publishing-audience-visits"));
        assertTrue(browser.gridTexts("publishing-audience-articles").contains(TITLE),
                "the article read by the anonymous reader is among the read ones");
        browser.wait(15).until(d -> Boolean.TRUE.equals(browser.js().executeScript(
                "const i = document.getElementById('publishing-audience-visits-chart');"
                        + " return i.complete && i.naturalWidth > 0;")));
        browser.signOut();
    }

    @Test
    @Order(5)
    void theFirstHtmlFeedsAndLeafletServeCrawlersAndChatApps() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + HTTP_PORT;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/portal/article/" + SLUG)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<meta property=\"og:title\" content=\"" + TITLE + "\">"), html);
        assertTrue(html.contains("<meta property=\"og:description\" content=\"" + SUMMARY + "\">"), html);
        assertTrue(html.matches("(?s).*<meta property=\"og:image\" content=\"http://[^\"]+/pub/publishing/cover/[0-9]+/1200\\.jpg\">.*"),
                html);
        assertTrue(html.contains("Nộp hồ sơ và thanh toán trực tuyến."), "the article text for crawlers");
        assertFalse(html.contains("alert('xss')"), html);

        String rss = http.send(HttpRequest.newBuilder(URI.create(base + "/pub/publishing/feed/rss.xml")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertTrue(rss.contains("<rss") && rss.contains("<title>" + TITLE + "</title>"), rss);
        assertTrue(rss.contains("/portal/article/" + SLUG + "</link>"), rss);
        HttpResponse<String> atom = http.send(HttpRequest.newBuilder(
                URI.create(base + "/pub/publishing/feed/tin-tuc/atom.xml")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(atom.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        assertTrue(atom.body().contains("<feed") && atom.body().contains(TITLE), atom.body());
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(
                URI.create(base + "/pub/publishing/leaflet/" + SLUG + ".pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        int traversal = http.send(HttpRequest.newBuilder(URI.create(base + "/pub/publishing/cover/..%2F..%2Fx/1.jpg"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(traversal == 400 || traversal == 404, "a path outside the allow-list answered " + traversal);
    }

    @Test
    @Order(7)
    void theConsoleRebuildsTheIndex() throws Exception {
        Files.writeString(KARAF.home().resolve("etc/users.properties"), "\n" + CONSOLE_USER + " = " + CONSOLE_PASSWORD
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                java.nio.file.StandardOpenOption.APPEND);
        String out = client("congso:publishing-reindex");
        // The article of this test and the demo articles loaded on first start.
        java.util.regex.Matcher rebuilt = java.util.regex.Pattern.compile("Search index rebuilt: ([0-9]+) published").matcher(out);
        assertTrue(rebuilt.find(), out);
        published = Integer.parseInt(rebuilt.group(1));
        assertTrue(published >= 13, out);
    }

    @Test
    @Order(8)
    void theConsoleImportsAFolderOfArticlesAllOrNothing() throws Exception {
        Path folder = Files.createTempDirectory("congso-import");
        Files.writeString(folder.resolve("a.md"), "---\ntitle: Nhập từ thư mục\ncategory: Tin tức\n---\nNội dung.\n");
        Files.writeString(folder.resolve("b.md"), "---\ntitle: Bài lỗi\ncategry: tin-tuc\n---\nx\n");
        BatchResult refused = clientResult("congso:publishing-import " + folder);
        assertTrue(refused.exitCode() != 0, "a refused import fails the batch command: " + refused.output());
        assertTrue(refused.output().contains("Nothing imported") && refused.output().contains("b.md:3"), refused.output());

        Files.writeString(folder.resolve("b.md"), "---\ntitle: Bài đã sửa\ncategory: tuyen-truyen\n---\nx\n");
        String dry = client("congso:publishing-import " + folder);
        assertTrue(dry.contains("2 article(s) would be imported"), dry);
        String done = client("congso:publishing-import --commit " + folder);
        assertTrue(done.contains("Imported 2 article(s) as drafts"), done);
    }

    @Test
    @Order(6)
    void theScheduledArticleAppearsAtItsTimeAndLeavesAtItsTakeDownWithNobodySignedIn() {
        // The scheduler runs every 15 s as a system actor; nobody is signed in meanwhile.
        assertTrue(LocalDateTime.now(ZONE).isBefore(appearsAt.plusMinutes(2).minusSeconds(20)),
                "the machine is too slow for this test: the article's time on the portal is nearly over");
        // Polled on the page's first HTML (its Open Graph title is there only while it is public),
        // then looked at in the browser.
        browser.wait(240).pollingEvery(Duration.ofSeconds(2)).until(d -> firstHtml(IMPORTED_SLUG).contains("og:title"));
        assertFalse(LocalDateTime.now(ZONE).isBefore(appearsAt), "shown before its publication time");
        browser.get("/portal/article/" + IMPORTED_SLUG);
        browser.waitForText("portal-article-title", IMPORTED_TITLE, 30);
        browser.wait(240).pollingEvery(Duration.ofSeconds(2)).until(d -> !firstHtml(IMPORTED_SLUG).contains("og:title"));
        browser.get("/portal/article/" + IMPORTED_SLUG);
        browser.wait(30).until(d -> browser.present("portal-article-missing"));
        assertFalse(LocalDateTime.now(ZONE).isBefore(appearsAt.plusMinutes(2)), "taken down before its time");
    }

    @Test
    @Order(9)
    void uninstallKeepsTheArticlesAndReinstallFindsThem() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI feed = URI.create("http://127.0.0.1:" + HTTP_PORT + "/pub/publishing/feed/rss.xml");
        client("bundle:uninstall congso-plugin-publishing");
        assertEquals(404, http.send(HttpRequest.newBuilder(feed).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/portal/article/" + SLUG))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertFalse(page.contains("og:title"), "no preview without the plugin");

        client("bundle:install -s -l 90 mvn:vn.congso/congso-plugin-publishing/0.1.0-SNAPSHOT");
        long until = System.currentTimeMillis() + 60_000;
        HttpResponse<String> again;
        do {
            Thread.sleep(500);
            again = http.send(HttpRequest.newBuilder(feed).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } while (again.statusCode() != 200 && System.currentTimeMillis() < until);
        assertTrue(again.body().contains("<title>" + TITLE + "</title>"), again.body());
        // The demo is not loaded a second time: the same articles as before the uninstall.
        String out = client("congso:publishing-reindex");
        assertTrue(out.contains("Search index rebuilt: " + published + " published article(s)."), out);
    }

    /** Opens the editor of an article of the editorial list by its title. */
    private static void openFromGrid(String title) {
        browser.wait(15).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
            for (org.openqa.selenium.WebElement cell : d.findElements(
                    By.cssSelector("#publishing-articles-grid vaadin-grid-cell-content"))) {
                if (title.equals(cell.getText().strip())) {
                    cell.click();
                    return true;
                }
            }
            return false;
        });
        browser.wait(20).until(d -> browser.path().matches("/publishing/edit/[0-9]+"));
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("publishing-editor")) != null);
    }

    private static void typeDateTime(String id, LocalDateTime value) {
        org.openqa.selenium.WebElement date = browser.wait(10).until(d -> browser.displayedOrNull(
                By.cssSelector("#" + id + " vaadin-date-picker input")));
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                Keys.ENTER);
        org.openqa.selenium.WebElement time = browser.wait(10).until(d -> browser.displayedOrNull(
                By.cssSelector("#" + id + " vaadin-time-picker input")));
        time.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value.format(DateTimeFormatter.ofPattern("HH:mm")),
                Keys.ENTER);
        browser.wait(5).until(d -> d.findElements(
                By.cssSelector("vaadin-date-picker-overlay[opened], vaadin-time-picker-overlay[opened]")).isEmpty());
    }

    /** The raw first HTML of an article's public page. */
    private static String firstHtml(String slug) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT
                    + "/portal/article/" + slug)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the article's state, read from the page (the label may be scrolled out of view). */
    private static void state(String expected, int seconds) {
        try {
            browser.wait(seconds).until(d -> expected.equals(browser.js().executeScript(
                    "const e = document.getElementById('publishing-state'); return e ? e.textContent : null;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the article's state is not \"" + expected + "\": "
                    + browser.js().executeScript("const e = document.getElementById('publishing-state');"
                            + " return e ? e.textContent : 'no state on ' + location.pathname;"), e);
        }
    }

    private static String client(String command) throws Exception {
        BatchResult result = clientResult(command);
        assertEquals(0, result.exitCode(), command + ": " + result.output());
        return result.output();
    }

    private record BatchResult(int exitCode, String output) {
    }

    private static BatchResult clientResult(String command) throws Exception {
        Path home = KARAF.home();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/client").toString(), "-a",
                String.valueOf(SSH_PORT), "-h", "127.0.0.1", "-u", CONSOLE_USER, "-p", CONSOLE_PASSWORD, "-r", "5", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[;\\d]*m", "");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/client did not finish: " + output);
        }
        return new BatchResult(process.exitValue(), output);
    }
}
