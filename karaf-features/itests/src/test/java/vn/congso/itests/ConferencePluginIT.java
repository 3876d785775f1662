package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The conference plugin in the assembled distribution (one Karaf for the whole class), in
 * headless Chromium: its feature's configuration is installed and its demo points and
 * accounts exist; the coordinator (here the administrator) books a meeting for every point; a
 * second booking at the same time is refused with the conflict named; the calendar's
 * subscription link downloads an .ics with the meeting, and stops working once revoked; a point's
 * technician confirms the checklist and the hub's readiness board, open in another browser,
 * turns that point green without a reload (server push); uninstalling the plugin's bundle takes its feed
 * endpoint away and keeps the meetings, which the reinstalled plugin serves again; a saved group of
 * points, offered by the booking form again after a reload, ticks exactly its points; the coordinator
 * attaches a PDF to the meeting (a file that only calls itself a PDF is refused), it downloads as an
 * attachment with nosniff, and the technician of a participating point opens the document's page
 * (the e-mail's link) and gets it; editing the meeting ("this and the following") to a time another
 * meeting holds is refused with every point and date listed and nothing saved, then saved at a free time;
 * an .ics file with a time in a DST gap fails {@code congso:conference-import} in batch mode naming its line, a
 * good one is previewed, imported, and refused the second time, and the import screen shows it as
 * imported before; the participation rate is on the public indicators page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConferencePluginIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String TITLE = "Họp trực tuyến kiểm thử";
    private static final String TECHNICIAN = "kythuat.xa-tai-van";

    @RegisterExtension
    static final KarafWithBrowsers KARAF = new KarafWithBrowsers("conference",
            new CongSoContainer.Ports(19581, 19501, 11599, 44490), 120_000);

    private static Browser hub;
    private static LocalDateTime start;
    private static String occurrenceId;
    private static Browser technician;

    @BeforeAll
    static void openBrowser() throws Exception {
        hub = KARAF.browser("ConferencePluginIT-hub");
        // Soon enough for the technician's checklist (asked from two hours before), clear of the
        // demo's Monday briefings and first-Thursday relays.
        start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(2);
        if (start.getDayOfWeek() == DayOfWeek.MONDAY && start.getHour() >= 6 && start.getHour() <= 9
                || start.getDayOfWeek() == DayOfWeek.THURSDAY && start.getHour() >= 13 && start.getHour() <= 17) {
            start = start.plusHours(5);
        }
    }

    @Test
    @Order(1)
    void theFeatureIsInstalledWithItsConfigurationAndDemo() throws Exception {
        assertTrue(Files.readString(KARAF.home().resolve("etc/vn.congso.conference.cfg")).contains("setupBufferMinutes"));
        hub.firstAdminSignIn(KARAF.home(), "Tran De 2026 quản trị");
        hub.wait(30).until(d -> hub.displayedOrNull(By.id("nav-conference")) != null);
        hub.wait(60).until(d -> {
            try {
                return Browser.demoOneTimePasswords(KARAF.home()).containsKey(TECHNICIAN);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        // An unknown feed is a plain 404 from the plugin's endpoint.
        assertEquals(404, get("/pub/conference/" + "A".repeat(43) + ".ics").statusCode());
        assertEquals(404, get("/pub/nothing/x").statusCode());
    }

    @Test
    @Order(2)
    void theCoordinatorBooksAMeetingForEveryPointAndASecondOneClashes() {
        book(TITLE);
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-calendar-view")) != null);
        showDay(hub);
        WebElement entry = hub.wait(20).until(d -> {
            for (WebElement e : d.findElements(By.cssSelector("[id^='conference-entry-']"))) {
                if (e.isDisplayed() && e.getText().contains(TITLE)) {
                    return e;
                }
            }
            return null;
        });
        occurrenceId = entry.getAttribute("id").substring("conference-entry-".length());

        book("Họp trùng giờ");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-conflict-list")) != null);
        String conflicts = hub.text("conference-conflict-list");
        assertTrue(conflicts.contains("UBND huyện Trần Đề") && conflicts.contains(TITLE), conflicts);
        assertTrue(hub.text("conference-conflicts-intro").startsWith("Không lưu được vì có 12 chỗ trùng lịch"),
                hub.text("conference-conflicts-intro"));
        // The host itself clashes: dropping points cannot save this one.
        assertEquals("true", hub.attribute("conference-drop-points", "disabled"));
    }

    @Test
    @Order(3)
    void theSubscriptionFeedDownloadsWithItsTokenUntilRevoked() throws Exception {
        hub.get("/conference");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-calendar-view")) != null);
        hub.click("conference-calendar-feed");
        String url = hub.wait(10).until(d -> {
            WebElement field = hub.displayedOrNull(By.cssSelector("#conference-feed-url input"));
            return field == null || field.getAttribute("value").isEmpty() ? null : field.getAttribute("value");
        });
        assertTrue(url.matches("http://127\\.0\\.0\\.1:19581/pub/conference/[A-Za-z0-9_-]{43}\\.ics"), url);
        HttpResponse<String> feed = get(URI.create(url).getPath());
        assertEquals(200, feed.statusCode());
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(feed.body().startsWith("BEGIN:VCALENDAR"), feed.body());
        assertTrue(feed.body().contains("SUMMARY:" + TITLE), feed.body());
        assertTrue(feed.body().contains("DTSTART:" + start.atZone(ZONE).withZoneSameInstant(ZoneId.of("UTC"))
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))), feed.body());
        assertFalse(feed.body().contains("Họp trùng giờ"), "the refused booking is nowhere");

        hub.click("conference-feed-revoke");
        // The notice comes with the server's answer, once the tokens are revoked (the dialog's
        // host element may count as hidden before the click has even reached the server).
        hub.wait(10).until(d -> hub.notificationText().contains("Đã thu hồi"));
        hub.wait(10).until(d -> hub.displayedOrNull(By.id("conference-feed-dialog")) == null);
        assertEquals(404, get(URI.create(url).getPath()).statusCode());
    }

    @Test
    @Order(4)
    void aTechnicianConfirmsAndTheBoardTurnsGreenWithoutAReload() throws Exception {
        hub.get("/conference/readiness?occurrence=" + occurrenceId);
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-board-summary")) != null);
        assertTrue(hub.text("conference-board-summary").startsWith("0 trên 12"), hub.text("conference-board-summary"));

        Map<String, String> oneTime = Browser.demoOneTimePasswords(KARAF.home());
        technician = KARAF.browser("ConferencePluginIT-technician");
        technician.firstSignIn(TECHNICIAN, oneTime.get(TECHNICIAN), "Kỹ thuật Tài Văn 2026");
        technician.get("/conference/checklist");
        technician.wait(20).until(d -> technician.displayedOrNull(By.id("conference-checklist-view")) != null);
        WebElement first = technician.wait(20).until(d -> technician.displayedOrNull(
                By.cssSelector("[id^='conference-check-'][id$='-connection']")));
        String prefix = first.getAttribute("id").substring(0, first.getAttribute("id").length() - "connection".length());
        String pointId = prefix.substring("conference-check-".length(), prefix.length() - 1);
        String tile = "conference-board-point-" + pointId;
        assertEquals("AMBER", hub.attribute(tile, "data-readiness"));
        for (String item : List.of("connection", "camera", "microphone", "screen", "room")) {
            technician.click(prefix + item);
        }
        technician.click(prefix + "confirm");
        technician.wait(15).until(d -> technician.text(prefix + "state").equals("Sẵn sàng"));

        // Pushed to the board (its poll is a minute, only for the T−15 alert): no reload.
        hub.wait(20).until(d -> "GREEN".equals(d.findElement(By.id(tile)).getAttribute("data-readiness")));
        assertTrue(hub.text("conference-board-summary").startsWith("1 trên 12"), hub.text("conference-board-summary"));
    }

    @Test
    @Order(5)
    void uninstallingKeepsTheMeetingsAndReinstallingFindsThem() throws Exception {
        hub.get("/conference");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-calendar-view")) != null);
        hub.click("conference-calendar-feed");
        String url = hub.wait(10).until(d -> {
            WebElement field = hub.displayedOrNull(By.cssSelector("#conference-feed-url input"));
            return field == null || field.getAttribute("value").isEmpty() ? null : field.getAttribute("value");
        });
        String path = URI.create(url).getPath();
        assertEquals(200, get(path).statusCode());

        Files.writeString(KARAF.home().resolve("etc/users.properties"), "\n" + CONSOLE_USER + " = " + CONSOLE_PASSWORD
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                java.nio.file.StandardOpenOption.APPEND);
        // The bundle comes from the distribution's congso-plugins feature: uninstalled and installed
        // again by its symbolic name and its Maven address in the distribution's own repository.
        String version;
        try (var versions = Files.list(KARAF.home().resolve("system/vn/congso/congso-plugin-conference"))) {
            version = versions.findFirst().orElseThrow().getFileName().toString();
        }
        client("bundle:uninstall congso-plugin-conference");
        // The plugin's endpoint goes with its bundle.
        hub.wait(30).until(d -> {
            try {
                return get(path).statusCode() == 404;
            } catch (Exception e) {
                return false;
            }
        });
        client("bundle:install -s mvn:vn.congso/congso-plugin-conference/" + version);
        HttpResponse<String> again = hub.wait(60).until(d -> {
            try {
                HttpResponse<String> response = get(path);
                return response.statusCode() == 200 ? response : null;
            } catch (Exception e) {
                return null;
            }
        });
        assertTrue(again.body().contains("SUMMARY:" + TITLE), "the meeting survived the uninstall: " + again.body());
    }

    @Test
    @Order(6)
    void aSavedGroupOfPointsTicksExactlyItsPointsInTheBookingForm() {
        hub.get("/conference/book");
        hub.wait(60).until(d -> hub.displayedOrNull(By.id("conference-book-view")) != null);
        List<WebElement> boxes = hub.wait(10).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#conference-book-points vaadin-checkbox"));
            return found.size() == 12 ? found : null;
        });
        List<String> chosen = List.of(Browser.normalise(boxes.get(2).getText()), Browser.normalise(boxes.get(5).getText()));
        tick(boxes.get(2));
        tick(boxes.get(5));
        hub.type("conference-book-group-name", "Nhóm kiểm thử");
        hub.click("conference-book-group-save");
        hub.wait(10).until(d -> hub.notificationText().contains("Đã lưu nhóm \"Nhóm kiểm thử\" (2 điểm cầu)"));

        hub.get("/conference/book");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-book-view")) != null);
        WebElement select = hub.wait(10).until(d -> hub.displayedOrNull(By.id("conference-book-group")));
        hub.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
        hub.chooseInSelect("conference-book-group", "Nhóm kiểm thử");
        hub.wait(10).until(d -> chosen.equals(d.findElements(By.cssSelector("#conference-book-points vaadin-checkbox[checked]"))
                .stream().map(e -> Browser.normalise(e.getText())).toList()));
        hub.click("conference-book-group-delete");
        hub.wait(10).until(d -> hub.notificationText().contains("Đã xóa nhóm \"Nhóm kiểm thử\""));
    }

    @Test
    @Order(7)
    void theCoordinatorAttachesADocumentThatDownloadsAsAnAttachmentAndTheTechnicianOpensItsLink() throws Exception {
        java.nio.file.Path folder = Files.createTempDirectory("conference-it-docs");
        java.nio.file.Path pdf = folder.resolve("giay-moi.pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.file.Path fake = folder.resolve("gia-mao.pdf");
        Files.writeString(fake, "<html><script>alert(1)</script></html>");
        hub.get("/conference");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-calendar-view")) != null);
        showDay(hub);
        hub.click("conference-entry-" + occurrenceId);
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-documents-none")) != null);

        hub.upload("conference-documents-upload", fake);
        hub.wait(20).until(d -> hub.notificationText().contains("gia-mao.pdf"));
        assertTrue(hub.present("conference-documents-none"), "the fake PDF was not kept");
        hub.upload("conference-documents-upload", pdf);
        WebElement link = hub.wait(30).until(d -> {
            for (WebElement e : d.findElements(By.cssSelector("#conference-documents-list [id^='conference-document-']"))) {
                if (e.isDisplayed() && "a".equalsIgnoreCase(e.getTagName()) && e.getText().contains("giay-moi.pdf")) {
                    return e;
                }
            }
            return null;
        });
        String documentId = link.getAttribute("id").substring("conference-document-".length());
        Object response = hub.js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => done(r.status"
                        + " + '|' + r.headers.get('Content-Disposition') + '|' + r.headers.get('X-Content-Type-Options')"
                        + " + '|' + new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5)))))"
                        + ".catch(e => done('error ' + e));", link.getAttribute("href"));
        String[] parts = String.valueOf(response).split("\\|");
        assertEquals("200", parts[0], String.valueOf(response));
        assertTrue(parts[1].startsWith("attachment") && parts[1].contains("giay-moi.pdf"), String.valueOf(response));
        assertEquals("nosniff", parts[2]);
        assertEquals("%PDF-", parts[3]);

        // The e-mail's link, followed by the technician of a participating point (every point takes part).
        technician.get("/conference/document/" + documentId);
        technician.wait(30).until(d -> technician.displayedOrNull(By.id("conference-document-download")) != null);
        assertTrue(technician.text("conference-document-meeting").contains(TITLE), technician.text("conference-document-meeting"));
        technician.get("/conference/document/999999");
        technician.wait(30).until(d -> technician.displayedOrNull(By.id("conference-document-unavailable")) != null);
    }

    @Test
    @Order(8)
    void editingTheMeetingIntoAnotherOnesTimeIsRefusedWithTheClashesListedThenSavedAtAFreeTime() {
        // Another meeting for every point on the same day, clear of the demo's briefings and relays.
        LocalDateTime other = start.getHour() >= 22 ? start.minusMinutes(90) : start.plusHours(1);
        bookAt("Họp chuyên đề chiều", other, other.plusMinutes(30));
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-calendar-view")) != null);

        hub.get("/conference");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-calendar-view")) != null);
        showDay(hub);
        hub.click("conference-entry-" + occurrenceId);
        hub.click("conference-details-edit");
        hub.wait(10).until(d -> hub.displayedOrNull(By.id("conference-edit-title")) != null);
        hub.type("conference-edit-title", TITLE + " (đã sửa)");
        typeTime("conference-edit-start", other.toLocalTime());
        typeTime("conference-edit-end", other.toLocalTime().plusMinutes(30));
        hub.click("conference-edit-save");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-edit-conflicts-intro")) != null);
        assertEquals("Không lưu được vì có 12 chỗ trùng lịch:", hub.text("conference-edit-conflicts-intro"));
        String conflicts = hub.text("conference-edit-conflicts");
        assertTrue(conflicts.contains("UBND huyện Trần Đề") && conflicts.contains("Họp chuyên đề chiều")
                && conflicts.contains(other.format(DATE)), conflicts);

        typeTime("conference-edit-start", start.toLocalTime());
        typeTime("conference-edit-end", start.toLocalTime().plusMinutes(30));
        hub.click("conference-edit-save");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-edit-title")) == null);
        hub.wait(20).until(d -> {
            WebElement entry = hub.displayedOrNull(By.id("conference-entry-" + occurrenceId));
            return entry != null && entry.getText().contains(TITLE + " (đã sửa)");
        });
    }

    private static void typeTime(String id, java.time.LocalTime value) {
        WebElement time = hub.wait(10).until(d -> hub.displayedOrNull(By.cssSelector("#" + id + " input")));
        time.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value.format(TIME), Keys.ENTER);
        hub.wait(5).until(d -> d.findElements(By.cssSelector("vaadin-time-picker-overlay[opened]")).isEmpty());
    }

    /** Clicks a checkbox of a group (they have no ids), scrolled to the middle, clear of notices. */
    private static void tick(WebElement box) {
        hub.wait(10).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
            hub.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
            return true;
        });
    }

    private static final String CONSOLE_USER = "it-conference";
    private static final String CONSOLE_PASSWORD = "it-conference-only-for-this-test";

    @Test
    @Order(9)
    void anIcsFileIsRefusedByLineThenPreviewedAndImportedOnceFromTheConsoleAndTheScreenSeesIt() throws Exception {
        java.nio.file.Path folder = Files.createTempDirectory("conference-import");
        // 02:30 on 31 March 2030 does not exist in Berlin (the clocks go forward): line 6.
        java.nio.file.Path bad = folder.resolve("sai.ics");
        Files.writeString(bad, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//it//EN", "BEGIN:VEVENT",
                "UID:it-bad@congso", "DTSTART;TZID=Europe/Berlin:20300331T023000", "DURATION:PT1H", "SUMMARY:Sai giờ",
                "END:VEVENT", "END:VCALENDAR", ""));
        java.nio.file.Path good = folder.resolve("lich.ics");
        Files.writeString(good, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//it//EN", "BEGIN:VEVENT",
                "UID:it-import@congso", "SUMMARY:Hội nghị nhập từ tệp", "DTSTART:20300615T140000", "DTEND:20300615T153000",
                "RRULE:FREQ=WEEKLY;COUNT=2", "END:VEVENT", "END:VCALENDAR", ""));
        String command = "congso:conference-import --host district --points all ";

        Console refused = console(command + bad);
        assertTrue(refused.exit() != 0, "a bad file fails the batch: " + refused.output());
        assertTrue(refused.output().contains("Line 6:") && refused.output().contains("does not exist in zone Europe/Berlin"),
                refused.output());
        String dryRun = client(command + good);
        assertTrue(dryRun.contains("Dry run: 1 meeting(s)") && dryRun.contains("2 occurrence(s)"), dryRun);
        String done = client(command + "--commit " + good);
        assertTrue(done.contains("Imported 1 meeting(s)"), done);
        Console again = console(command + "--commit " + good);
        assertTrue(again.exit() != 0 && again.output().contains("1 imported before"), again.output());

        // The screen: the same file is shown as imported before and cannot be imported again; the
        // bad one names its line in Vietnamese.
        hub.get("/conference/import");
        hub.wait(60).until(d -> hub.displayedOrNull(By.id("conference-import-view")) != null);
        hub.upload("conference-import-upload", good);
        hub.wait(20).until(d -> hub.displayedOrNull(By.cssSelector("#conference-import-events .conference-import-already")) != null);
        assertEquals("true", hub.attribute("conference-import-commit", "disabled"),
                "an imported file cannot be imported again");
        hub.upload("conference-import-upload", bad);
        WebElement problem = hub.wait(20).until(d -> hub.displayedOrNull(By.cssSelector("#conference-import-problems li")));
        assertTrue(problem.getText().startsWith("Dòng 6:") && problem.getText().contains("Europe/Berlin"), problem.getText());
        // A new meeting at the time of the imported one: every point's clash, named as a booking names it.
        java.nio.file.Path clash = folder.resolve("trung.ics");
        Files.writeString(clash, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//it//EN",
                "BEGIN:VEVENT", "UID:it-clash@congso", "SUMMARY:Họp trùng giờ", "DTSTART:20300615T150000",
                "DTEND:20300615T160000", "END:VEVENT", "END:VCALENDAR", ""));
        hub.upload("conference-import-upload", clash);
        List<WebElement> clashes = hub.wait(20).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#conference-import-conflicts li"));
            return found.size() == 12 ? found : null;
        });
        assertTrue(clashes.get(0).getText().contains("Hội nghị nhập từ tệp"), clashes.get(0).getText());
        assertEquals("true", hub.attribute("conference-import-commit", "disabled"), "a file that clashes cannot be imported");
        hub.screenshot("conference-import-clash");

        // The participation rate is public and computed on the real database: no attendance recorded yet.
        hub.get("/indicators");
        String card = "indicators-indicator-conference-participation-rate";
        hub.wait(30).until(d -> hub.displayedOrNull(By.id(card)) != null);
        assertEquals("Tỷ lệ tham dự của các điểm cầu", hub.text(card + "-title"));
        assertEquals("no-data", hub.attribute(card, "data-status"));
    }

    /** What a console command printed and how the client exited. */
    private record Console(int exit, String output) {
    }

    /** One console command through Karaf's own client in batch mode; a refused command fails the test. */
    private static String client(String command) throws Exception {
        Console result = console(command);
        assertEquals(0, result.exit(), command + ": " + result.output());
        return result.output();
    }

    /** One console command through Karaf's own client in batch mode. */
    private static Console console(String command) throws Exception {
        java.nio.file.Path home = KARAF.home();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/client").toString(), "-a", "19501",
                "-h", "127.0.0.1", "-u", CONSOLE_USER, "-p", CONSOLE_PASSWORD, "-r", "3", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/client did not finish: " + output);
        }
        return new Console(process.exitValue(), output);
    }

    /** Fills the booking form for every point at {@link #start}, 30 minutes, and saves. */
    private static void book(String title) {
        bookAt(title, start, start.plusMinutes(30));
    }

    /** Fills the booking form for every point from {@code from} to {@code to} and saves. */
    private static void bookAt(String title, LocalDateTime from, LocalDateTime to) {
        hub.get("/conference/book");
        hub.wait(20).until(d -> hub.displayedOrNull(By.id("conference-book-view")) != null);
        hub.type("conference-book-title", title);
        typeDateTime(hub, "conference-book-start", from);
        typeDateTime(hub, "conference-book-end", to);
        hub.click("conference-book-all-points");
        hub.click("conference-book-save");
    }

    private static void typeDateTime(Browser browser, String id, LocalDateTime value) {
        WebElement date = browser.wait(10).until(d -> browser.displayedOrNull(By.cssSelector("#" + id + " vaadin-date-picker input")));
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value.format(DATE), Keys.ENTER);
        WebElement time = browser.wait(10).until(d -> browser.displayedOrNull(By.cssSelector("#" + id + " vaadin-time-picker input")));
        time.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value.format(TIME), Keys.ENTER);
        browser.wait(5).until(d -> d.findElements(By.cssSelector("vaadin-date-picker-overlay[opened], vaadin-time-picker-overlay[opened]")).isEmpty());
    }

    /** Shows the week of {@link #start} on the calendar. */
    private static void showDay(Browser browser) {
        WebElement day = browser.wait(10).until(d -> browser.displayedOrNull(By.cssSelector("#conference-calendar-day input")));
        day.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, start.format(DATE), Keys.ENTER);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:19581" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
