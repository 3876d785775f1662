package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Boots the assembled distribution with {@code bin/karaf run} and drives the shell with headless
 * Chromium: language switch, a plugin appearing by server push when its jar lands in
 * {@code deploy/}, its view, and the tab moved home with a notice when the jar goes away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellBrowserIT {

    static final String PLUGIN_JAR_NAME = "congso-itests-test-plugin.jar";

    static final String VI_HOME_TITLE = "Chào mừng đến với Cổng Số";
    static final String EN_HOME_TITLE = "Welcome to CongSo";
    static final String VI_APP_TITLE = "UBND huyện Trần Đề";
    static final String EN_APP_TITLE = "Tran De District People's Committee";
    static final String ADMIN_PASSWORD = "Tran De 2026 mới";
    static final String VI_GREETING = "Xin chào từ plugin thử nghiệm.";

    @RegisterExtension
    static final KarafWithBrowsers KARAF = new KarafWithBrowsers("browser",
            new CongSoContainer.Ports(18182, 18102, 11098, 44446), 90_000);

    /** The first person's browser: anonymous, then the administrator, then the editor. */
    private static Browser browser;
    private static Path pluginJar;

    @BeforeAll
    static void openBrowser() throws Exception {
        pluginJar = Path.of(CongSoContainer.requiredFile("congso.testplugin.jar"));
        browser = KARAF.browser("ShellBrowserIT");
    }

    @Test
    @Order(1)
    void languageSwitchAndPluginComingAndGoing() throws Exception {
        browser.get("/");
        browser.waitForText("home-title", VI_HOME_TITLE, 30);
        browser.waitForText("app-title", VI_APP_TITLE, 5);

        // The page reloads in the chosen language.
        browser.chooseInSelect("language-switch", "English");
        browser.waitForText("home-title", EN_HOME_TITLE, 15);
        browser.waitForText("app-title", EN_APP_TITLE, 5);

        browser.chooseInSelect("language-switch", "Tiếng Việt");
        browser.waitForText("home-title", VI_HOME_TITLE, 15);
        browser.waitForText("app-title", VI_APP_TITLE, 5);

        // Mark this page so that we can tell whether it reloads.
        browser.js().executeScript("window.__congsoNoReload = 'still-here';");
        Path deployed = KARAF.home().resolve("deploy").resolve(PLUGIN_JAR_NAME);
        Path staging = KARAF.home().resolve(PLUGIN_JAR_NAME + ".tmp");
        Files.copy(pluginJar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);

        // File install may still be waiting for Karaf's boot features to finish deploying.
        browser.wait(40).until(d -> browser.displayedOrNull(By.id("nav-test-plugin")));
        assertEquals("still-here", browser.js().executeScript("return window.__congsoNoReload;"),
                "the page reloaded instead of receiving the new navigation entry by push");

        browser.click("nav-test-plugin");
        browser.waitForText("test-plugin-greeting", VI_GREETING, 10);
        browser.wait(5).until(d -> browser.path().equals("/test-plugin"));

        Files.delete(deployed);
        browser.wait(15).until(d -> browser.displayedOrNull(By.id("home-view")) != null
                && !browser.path().startsWith("/test-plugin"));
        String notice = browser.wait(10).until(d -> {
            String text = browser.notificationText();
            return text.contains("đang được cập nhật") ? text : null;
        });
        assertTrue(Boolean.TRUE.equals(browser.js().executeScript(
                "return !!document.getElementById('service-updating-notice');")),
                "no vaadin-notification with id service-updating-notice");
        browser.wait(5).until(d -> browser.displayedOrNull(By.id("nav-test-plugin")) == null);
        // Printed, not asserted (PluginLifecycleIT asserts a clean log): a push connection (long
        // polling) cut by a page reload makes Atmosphere log "Failed to cancel resource" on Jetty 12.
        assertTrue(Files.isRegularFile(KARAF.home().resolve("data/log/karaf.log")), "no Karaf log");
        KarafProcess.reportErrorsLogged(KARAF.home(), "ShellBrowserIT");

        // The notice names the departed service by its translated title.
        assertTrue(notice.startsWith("Dịch vụ \"Dịch vụ thử nghiệm\" đang được cập nhật"),
                "the notice should name the service by its title: " + notice);
    }

    @Test
    @Order(2)
    void aProtectedPageAsksForSignInAndTheOneTimePasswordMustBeChanged() throws Exception {
        browser.get("/admin/users");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("login-view")) != null);

        browser.type("login-username", "admin");
        browser.type("login-password", "sai-mat-khau-1");
        browser.click("login-submit");
        browser.waitForText("login-error", "Tên đăng nhập hoặc mật khẩu không đúng.", 15);

        // Five failures lock a name, and a name that does not exist is locked the same way,
        // so the message never tells whether an account exists.
        browser.type("login-username", "nguoi-la");
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.type("login-password", "sai-mat-khau-" + attempt);
            browser.click("login-submit");
            // The server empties the password field when it answers: wait for this attempt's answer.
            browser.wait(15).until(d -> "".equals(browser.js().executeScript(
                    "return document.querySelector('#login-password input').value;")));
            browser.waitForText("login-error", "Tên đăng nhập hoặc mật khẩu không đúng.", 15);
        }
        browser.type("login-password", "sai-mat-khau-5");
        browser.click("login-submit");
        browser.wait(15).until(d -> {
            WebElement error = browser.displayedOrNull(By.id("login-error"));
            return error != null && error.getText().contains("tạm bị khóa");
        });
        browser.type("login-username", "admin");

        String oneTime = browser.adminOneTimePassword(KARAF.home());
        browser.type("login-password", oneTime);
        browser.click("login-submit");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("change-password-view")) != null);
        assertTrue(browser.displayedOrNull(By.id("password-must-change")) != null, "no notice about the one-time password");
        assertTrue(browser.displayedOrNull(By.id("nav-admin-users")) == null,
                "administration must stay hidden until the one-time password is changed");

        browser.type("password-current", oneTime);
        browser.type("password-new", ADMIN_PASSWORD);
        browser.type("password-repeat", "Tran De 2026 khác");
        browser.click("password-save");
        browser.wait(15).until(d -> Boolean.TRUE.equals(browser.js().executeScript(
                "var f = document.getElementById('password-repeat'); return f && f.hasAttribute('invalid');")));

        browser.type("password-repeat", ADMIN_PASSWORD);
        browser.click("password-save");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("home-view")) != null);
        browser.wait(15).until(d -> browser.displayedOrNull(By.id("nav-admin-users")) != null);
        assertTrue(browser.displayedOrNull(By.id("account-logout")) != null, "no sign-out link for a signed-in user");
        // The administrator's long navigation fits the drawer's width: no sideways scrolling, no entry under the scroll bar.
        assertEquals("", browser.js().executeScript(
                "const d = document.querySelector('vaadin-app-layout').shadowRoot.querySelector('[part=drawer]');"
                        + "const edge = d.getBoundingClientRect().left + d.clientWidth + 0.5;"
                        + "const out = d.scrollWidth > d.clientWidth ? ['drawer ' + d.scrollWidth + ' > ' + d.clientWidth] : [];"
                        + "document.querySelectorAll('[slot=drawer] vaadin-side-nav-item').forEach(e => {"
                        + "  if (e.getBoundingClientRect().right > edge) out.push(e.id); });"
                        + "return out.join(', ');"),
                "navigation wider than the drawer");

        // On a phone's width the header keeps the language switch and "Sign out" on screen, and no page scrolls sideways.
        Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.wait(10).until(d -> "".equals(browser.js().executeScript(
                    "const w = document.documentElement.clientWidth; const out = [];"
                            + "if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth + ' > ' + w);"
                            + "['language-switch', 'account-logout'].forEach(id => { const r = document.getElementById(id).getBoundingClientRect();"
                            + "  if (r.right > w || r.width === 0) out.push(id + ' ' + r.left + '..' + r.right); });"
                            + "return out.join(', ');")));
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    @Order(3)
    void anAdministratorCreatesAUserWhoSeesExactlyWhatTheirRoleAllows() throws Exception {
        // Signed in as admin by the previous test. Grant editors the audit log in the matrix.
        browser.get("/admin/roles");
        WebElement grant = browser.wait(20).until(d -> browser.displayedOrNull(By.id("perm-editor-platform_audit_view")));
        assertTrue(grant.getAttribute("checked") == null, "editors must not read the audit log by default");
        grant.click();
        browser.wait(10).until(d -> browser.notificationText().contains("Biên tập viên"));

        String oneTime = browser.createUser("bientap.taivan", "Lê Thị Biên Tập <b>đậm</b>", "Biên", "Biên tập viên");
        // The name is shown as text, never interpreted as HTML.
        browser.wait(10).until(d -> Boolean.TRUE.equals(browser.js().executeScript("return Array.from(document.querySelectorAll("
                + "'#users-grid vaadin-grid-cell-content')).some(c => c.textContent.includes('<b>đậm</b>'));")));
        browser.signOut();

        browser.firstSignIn("bientap.taivan", oneTime, "Biên tập Tài Văn 2026");
        // Exactly what the editor role permits now: the home page, the audit log, their account.
        browser.wait(15).until(d -> browser.displayedOrNull(By.id("nav-admin-audit")) != null);
        Object ids = browser.js().executeScript("return Array.from(document.querySelectorAll('vaadin-side-nav-item'))"
                + ".map(e => e.id).filter(id => id).sort();");
        assertEquals(List.of("nav-account-password", "nav-account-profile", "nav-admin-audit", "nav-home"), ids);

        browser.get("/admin/users");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("access-denied-view")) != null);
        // The refusal is logged with who and where (the MDC's user and route, printed by the log pattern).
        Path karafLog = KARAF.home().resolve("data/log/karaf.log");
        browser.wait(10).until(d -> logHasLine(karafLog, "user=bientap.taivan route=/admin/users",
                "Access denied to admin/users"));
        browser.get("/admin/audit");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("audit-view")) != null);
    }

    @Test
    @Order(4)
    void anAdministratorInstallsASignedPluginThatAnotherUsersOpenTabShowsAtOnce() throws Exception {
        // The editor of the previous test keeps a tab open on the home page.
        Browser editor = browser;
        editor.get("/");
        editor.wait(20).until(d -> editor.displayedOrNull(By.id("home-view")) != null);
        assertTrue(editor.displayedOrNull(By.id("nav-test-plugin")) == null, "the test plugin is not installed yet");
        editor.js().executeScript("window.__congsoNoReload = 'editor-tab';");

        Browser admin = KARAF.browser("ShellBrowserIT-admin");
        admin.signIn("admin", ADMIN_PASSWORD);
        admin.get("/admin/plugins");
        admin.upload("plugins-upload", pluginJar);

        admin.waitForText("plugins-dry-run-plugin", "Plugin: congso-itests-test-plugin, phiên bản 0.1.0.SNAPSHOT", 20);
        assertTrue(admin.text("plugins-dry-run-signer").contains("CongSo TEST plugin signer"),
                "the dry run names the signer: " + admin.text("plugins-dry-run-signer"));
        assertTrue(admin.text("plugins-dry-run-install").contains("congso-itests-test-plugin/0.1.0.SNAPSHOT"));
        assertTrue(admin.text("plugins-dry-run-refresh").contains("Không có."), "nothing may be refreshed");
        admin.click("plugins-dry-run-confirm");
        admin.wait(30).until(d -> admin.notificationText().contains("Hoàn tất"));
        admin.waitForText("plugin-state-congso-itests-test-plugin", "Đang chạy", 10);

        // The other person's open tab receives the new entry by push, without a reload.
        editor.wait(15).until(d -> editor.displayedOrNull(By.id("nav-test-plugin")));
        assertEquals("editor-tab", editor.js().executeScript("return window.__congsoNoReload;"));
        editor.click("nav-test-plugin");
        editor.waitForText("test-plugin-greeting", VI_GREETING, 10);

        // The administrator uninstalls it; the editor is moved home and told why.
        admin.click("plugins-uninstall-congso-itests-test-plugin");
        admin.wait(10).until(d -> admin.displayedOrNull(By.id("plugins-uninstall-confirm"))).click();
        admin.wait(30).until(d -> admin.displayedOrNull(By.id("plugin-state-congso-itests-test-plugin")) == null);

        editor.wait(15).until(d -> editor.displayedOrNull(By.id("home-view")) != null
                && !editor.path().startsWith("/test-plugin"));
        editor.wait(10).until(d -> editor.notificationText().contains("đang được cập nhật"));
        editor.wait(5).until(d -> editor.displayedOrNull(By.id("nav-test-plugin")) == null);
    }

    /** Whether one line of the log holds every fragment. */
    private static boolean logHasLine(Path log, String... fragments) {
        try {
            return Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8).stream()
                    .anyMatch(line -> java.util.Arrays.stream(fragments).allMatch(line::contains));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
