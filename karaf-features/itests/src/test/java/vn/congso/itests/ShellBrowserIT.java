package vn.congso.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * Boots the assembled distribution with {@code bin/karaf run} and drives the shell with headless
 * Chromium: language switch, a plugin appearing by server push when its jar lands in
 * {@code deploy/}, its view, and the tab moved home with a notice when the jar goes away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellBrowserIT {

    static final int SSH_PORT = 18102;
    static final String PLUGIN_JAR_NAME = "congso-itests-test-plugin.jar";

    static final String VI_HOME_TITLE = "Chào mừng đến với Cổng Số";
    static final String EN_HOME_TITLE = "Welcome to CongSo";
    static final String VI_APP_TITLE = "UBND huyện Trần Đề";
    static final String EN_APP_TITLE = "Tran De District People's Committee";
    static final String ADMIN_PASSWORD = "Tran De 2026 mới";
    static final String VI_GREETING = "Xin chào từ plugin thử nghiệm.";

    @RegisterExtension
    static final KarafWithBrowsers KARAF = new KarafWithBrowsers("browser",
            new CongSoContainer.Ports(18182, ShellBrowserIT.SSH_PORT, 11098, 44446), 90_000);

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
        // A visitor sees what is installed: certificate verification, and what signing in opens
        // (the training courses), never "no public services" while training is there.
        browser.wait(60).until(d -> browser.displayedOrNull(By.id("service-training-verify")) != null);
        browser.wait(10).until(d -> browser.displayedOrNull(By.id("sign-in-service-training")) != null);
        assertTrue(browser.displayedOrNull(By.id("home-no-services")) == null, "'no public services' while training is installed");

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
        // Any other page says that the password comes first, with the way to it, not "access denied".
        browser.get("/admin/users");
        browser.waitForText("password-first-title", "Hãy đổi mật khẩu trước", 20);
        assertTrue(browser.displayedOrNull(By.id("access-denied-title")) == null, "a pending change is not a refusal");
        browser.click("password-first-link");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("change-password-view")) != null);

        browser.type("password-current", oneTime);
        browser.type("password-new", ADMIN_PASSWORD);
        browser.type("password-repeat", "Tran De 2026 khác");
        browser.click("password-save");
        browser.wait(15).until(d -> Boolean.TRUE.equals(browser.js().executeScript(
                "var f = document.getElementById('password-repeat'); return f && f.hasAttribute('invalid');")));

        // The rule against the user name also refuses its obvious parts.
        browser.type("password-new", "Admin-2026 mới");
        browser.type("password-repeat", "Admin-2026 mới");
        browser.click("password-save");
        browser.wait(15).until(d -> Boolean.TRUE.equals(browser.js().executeScript(
                "var f = document.getElementById('password-new'); return f && f.hasAttribute('invalid')"
                        + " && f.errorMessage.includes('tên đăng nhập');")));

        browser.type("password-new", ADMIN_PASSWORD);
        browser.type("password-repeat", ADMIN_PASSWORD);
        browser.click("password-save");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("home-view")) != null);
        // The change ends with its success message, still on screen on the home page.
        browser.wait(10).until(d -> browser.notificationText().contains("Đã đổi mật khẩu"));
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
        // Signed in as admin by the previous test. The administrator adds a role of the district's own
        // (core seeds no plugin's role); a blank name is refused on its field and nothing is added.
        browser.get("/admin/roles");
        browser.wait(20).until(d -> browser.displayedOrNull(By.id("roles-add"))).click();
        browser.click("roles-add-save");
        browser.wait(10).until(d -> "Nhập tên vai trò.".equals(browser.js().executeScript(
                "return document.getElementById('roles-add-name-vi').errorMessage;")));
        browser.typeAndTab("roles-add-name-vi", "Kiểm tra nội bộ");
        browser.typeAndTab("roles-add-name-en", "Internal audit");
        browser.click("roles-add-save");
        browser.wait(10).until(d -> browser.notificationText().contains("Đã thêm vai trò Kiểm tra nội bộ"));
        WebElement grant = browser.wait(20).until(d -> browser.displayedOrNull(
                By.id("perm-custom-kiem-tra-noi-bo-platform_audit_view")));
        assertTrue(grant.getAttribute("checked") == null, "a new role holds no permission");
        // The matrix is grouped with a heading per domain, and the administrator's column says "all".
        assertTrue(browser.displayedOrNull(By.id("roles-group-platform")) != null, "the core's permissions have a heading");
        assertEquals("Tất cả", browser.driver().findElement(By.id("perm-administrator-platform_audit_view")).getText());
        browser.click("perm-custom-kiem-tra-noi-bo-platform_audit_view");
        browser.wait(10).until(d -> browser.notificationText().contains("Đã cập nhật quyền của vai trò Kiểm tra nội bộ"));

        String oneTime = browser.createUser("bientap.taivan", "Lê Thị Biên Tập <b>đậm</b>", "Kiểm tra", "Kiểm tra nội bộ");
        // The name is shown as text, never interpreted as HTML.
        browser.wait(10).until(d -> Boolean.TRUE.equals(browser.js().executeScript("return Array.from(document.querySelectorAll("
                + "'#users-grid vaadin-grid-cell-content')).some(c => c.textContent.includes('<b>đậm</b>'));")));
        browser.signOut();

        browser.firstSignIn("bientap.taivan", oneTime, "Biên tập Tài Văn 2026");
        // Exactly what the new role permits: the home page, the audit log, their account, and the
        // public pages everyone sees (indicators, the portal, the services catalogue and look-up).
        browser.wait(15).until(d -> browser.displayedOrNull(By.id("nav-admin-audit")) != null);
        Object ids = browser.js().executeScript("return Array.from(document.querySelectorAll('vaadin-side-nav-item'))"
                + ".map(e => e.id).filter(id => id).sort();");
        assertEquals(List.of("nav-account-password", "nav-account-profile", "nav-admin-audit", "nav-home",
                "nav-indicators", "nav-portal", "nav-portal-search", "nav-services", "nav-services-lookup"), ids,
                "the public pages every plugin offers (indicators, the portal, the services catalogue and"
                        + " look-up) and nothing else a plain account may not open");

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

        // A fresh installation trusts no signer and says so; the administrator adds the test
        // key's certificate (test scope only: its private key is public) on the screen.
        assertTrue(admin.text("plugins-no-trust-warning").contains("Chưa có nhà phát hành tin cậy"),
                admin.text("plugins-no-trust-warning"));
        admin.upload("plugins-trust-upload",
                Path.of(CongSoContainer.requiredFile("congso.signing.certificate")));
        admin.wait(15).until(d -> String.join(" ", admin.gridTexts("plugins-trust-grid"))
                .contains("CongSo TEST plugin signer"));
        admin.wait(5).until(d -> !shown(admin, "plugins-no-trust-warning"));
        assertTrue(admin.text("plugins-public-key-warning").contains("THỬ NGHIỆM"),
                "the screen says the trusted test key is public");

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

        // Stop trusting the test key: the warning is back.
        admin.click("plugins-trust-remove-c652bb76960ff51d");
        admin.wait(10).until(d -> admin.displayedOrNull(By.id("plugins-trust-remove-dialog-confirm"))).click();
        // The warning sits at the top of the screen, scrolled out of the view's scroller by now
        // (Selenium calls that "not displayed"): look at the element itself.
        admin.wait(30).until(d -> shown(admin, "plugins-no-trust-warning"));
        assertTrue(admin.gridTexts("plugins-trust-grid").stream().noneMatch(t -> t.contains("CongSo TEST")));
    }

    @Test
    @Order(7)
    void everyResponseCarriesTheSecurityHeadersAndVaadinRunsUnderThePolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + 18182;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertSecurityHeaders("page", page);
        // Vaadin's bootstrap scripts carry this response's nonce; nothing else inline may run.
        String nonce = page.headers().firstValue("Content-Security-Policy").orElseThrow()
                .replaceAll(".*'nonce-([^']+)'.*", "$1");
        Matcher scripts = Pattern.compile("<script[^>]*>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group().contains("nonce=\"" + nonce + "\""), "a script without the nonce: " + scripts.group());
        }
        assertTrue(count > 0, "no script on the bootstrap page");

        Matcher bundle = Pattern.compile("VAADIN/build/[A-Za-z0-9_.-]+\\.js").matcher(page.body());
        assertTrue(bundle.find(), "no front-end bundle linked");
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base + "/" + bundle.group())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertSecurityHeaders("static file", script);
        HttpResponse<String> theme = http.send(HttpRequest.newBuilder(URI.create(base + "/themes/default/styles.css"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, theme.statusCode());
        assertSecurityHeaders("theme stylesheet", theme);
        for (String missing : List.of("/themes/default/no-such.css", "/plugin-styles/no.such.bundle/styles.css")) {
            HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(URI.create(base + missing)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, notFound.statusCode(), missing);
            assertSecurityHeaders("404 " + missing, notFound);
        }
        // An unknown route: Vaadin answers with its bootstrap page, which then shows the not-found view.
        assertSecurityHeaders("unknown route", http.send(HttpRequest.newBuilder(URI.create(base + "/no-such-page"))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void assertSecurityHeaders(String what, HttpResponse<?> response) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'self'") && csp.contains("script-src 'self' 'nonce-")
                && !csp.contains("script-src 'self' 'unsafe-inline'"), what + ": " + csp);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElse(""),
                what);
        assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""), what);
        assertTrue(response.headers().firstValue("Server").isEmpty(), what + " names the server");
    }

    @Test
    @Order(8)
    void signingOutTakesAButtonNotALinkChangesTheSessionIdAndTellsTheOtherTab() throws Exception {
        Browser owner = KARAF.browser("ShellBrowserIT-owner");
        owner.openSignIn(90);
        String sessionBefore = owner.driver().manage().getCookieNamed("JSESSIONID").getValue();
        owner.type("login-username", "admin");
        owner.type("login-password", ADMIN_PASSWORD);
        owner.click("login-submit");
        owner.wait(30).until(d -> owner.displayedOrNull(By.id("home-view")) != null);
        String sessionSignedIn = owner.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertTrue(!sessionSignedIn.equals(sessionBefore), "signing in must change the session id");
        Cookie device = owner.driver().manage().getCookieNamed("congso-device");
        assertTrue(device != null && device.isHttpOnly(), "no known-device cookie after signing in");

        // A link on another site to /logout does not sign anyone out: the page offers a button.
        String tab = owner.driver().getWindowHandle();
        owner.driver().get("data:text/html,<a id='prize' href='http://127.0.0.1:18182/logout'>win</a>");
        owner.driver().findElement(By.id("prize")).click();
        owner.wait(30).until(d -> owner.displayedOrNull(By.id("logout-confirm")) != null);
        owner.get("/");
        owner.wait(30).until(d -> owner.displayedOrNull(By.id("account-name")) != null);
        assertEquals(sessionSignedIn, owner.driver().manage().getCookieNamed("JSESSIONID").getValue());

        // A second tab of the same session, then sign out in the first one.
        owner.driver().switchTo().newWindow(WindowType.TAB);
        String second = owner.driver().getWindowHandle();
        owner.get("/account/profile");
        owner.wait(30).until(d -> owner.displayedOrNull(By.id("account-name")) != null);
        owner.driver().switchTo().window(tab);
        owner.click("account-logout");
        owner.wait(15).until(d -> owner.displayedOrNull(By.id("account-login")) != null);
        String sessionAfter = owner.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertTrue(!sessionAfter.equals(sessionSignedIn), "signing out must change the session id");

        owner.driver().switchTo().window(second);
        owner.wait(20).until(d -> owner.displayedOrNull(By.id("login-view")) != null);
        assertTrue(owner.notificationText().contains("đăng xuất ở một thẻ khác"),
                "the other tab is not told: " + owner.notificationText());
        assertTrue(owner.displayedOrNull(By.id("account-name")) == null, "the other tab still names the user");
        owner.driver().close();
        owner.driver().switchTo().window(tab);

        // A stranger (another browser) locks the name for strangers, even with the right password...
        Browser stranger = browser;
        stranger.signOut();
        stranger.openSignIn(30);
        stranger.type("login-username", "admin");
        for (int attempt = 1; attempt <= 5; attempt++) {
            stranger.type("login-password", "doan-mo-" + attempt);
            stranger.click("login-submit");
            stranger.wait(15).until(d -> "".equals(stranger.js().executeScript(
                    "return document.querySelector('#login-password input').value;")));
        }
        stranger.wait(15).until(d -> stranger.text("login-error").contains("tạm bị khóa"));
        stranger.type("login-password", ADMIN_PASSWORD);
        stranger.click("login-submit");
        stranger.wait(15).until(d -> "".equals(stranger.js().executeScript(
                "return document.querySelector('#login-password input').value;")));
        assertTrue(stranger.text("login-error").contains("tạm bị khóa"), stranger.text("login-error"));

        // ...but the owner's known device still signs in.
        owner.signIn("admin", ADMIN_PASSWORD);
        assertTrue(owner.displayedOrNull(By.id("account-name")) != null, "the owner was locked out by a stranger");

        // Vaadin works under the Content-Security-Policy: no violation while navigating and opening dialogs.
        owner.js().executeScript("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        owner.click("nav-admin-users");
        owner.wait(20).until(d -> owner.displayedOrNull(By.id("users-grid")) != null);
        owner.click("nav-admin-audit");
        owner.wait(20).until(d -> owner.displayedOrNull(By.id("audit-view")) != null);
        owner.click("nav-home");
        owner.wait(20).until(d -> owner.displayedOrNull(By.id("home-view")) != null);
        assertEquals(List.of(), owner.js().executeScript("return window.__csp;"), "Content-Security-Policy violations");
    }

    @Test
    @Order(9)
    void afterSigningInOnlyARouteOfThePlatformIsFollowed() throws Exception {
        // The sign-in page's redirect comes from a link anyone can send: a script or another site
        // must never be where a victim lands after a normal sign-in (it ran script before).
        Browser victim = KARAF.browser("ShellBrowserIT-redirect");
        for (String hostile : List.of("javascript:window.__pwned%3D1", "JaVaScRiPt:window.__pwned%3D1",
                "%2F%2Fevil.example%2F", "https:evil.example", "%2F%5Cevil.example")) {
            victim.get("/login?redirect=" + hostile);
            victim.wait(30).until(d -> victim.displayedOrNull(By.id("login-view")) != null);
            victim.type("login-username", "bientap.taivan");
            victim.type("login-password", "Biên tập Tài Văn 2026");
            victim.click("login-submit");
            victim.wait(30).until(d -> victim.displayedOrNull(By.id("home-view")) != null);
            assertEquals("/", victim.path(), hostile);
            assertEquals("127.0.0.1", java.net.URI.create(victim.driver().getCurrentUrl()).getHost(), hostile);
            assertEquals(null, victim.js().executeScript("return window.__pwned;"), hostile + " ran script");
            victim.signOut();
        }
        // A route of the platform is followed.
        victim.get("/login?redirect=admin%2Faudit");
        victim.wait(30).until(d -> victim.displayedOrNull(By.id("login-view")) != null);
        victim.type("login-username", "bientap.taivan");
        victim.type("login-password", "Biên tập Tài Văn 2026");
        victim.click("login-submit");
        victim.wait(30).until(d -> victim.displayedOrNull(By.id("audit-view")) != null);
    }

    @Test
    @Order(5)
    void everyRouteInBothLanguagesHasItsTitleLanguageLandmarksAndNoRawKeyOrVaadinEnglish() throws Exception {
        List<String> routes = RouteWalker.registeredRoutes(KARAF.home());
        // Core (sign-in, account, administration) and training register at least this many.
        assertTrue(routes.size() >= 20, "the shell's log names too few routes: " + routes);
        List<String> paths = new java.util.ArrayList<>(List.of("/"));
        routes.forEach(route -> paths.add("/" + route));
        // Pages with a parameter, with the demo data's own (the first course, its first lesson,
        // its exam) and with an unknown certificate code.
        paths.addAll(List.of("/training/course/1", "/training/manage/course/1", "/training/lesson/1/1",
                "/training/exam/1", "/training/verify/KHONG-CO-MA"));
        List<String> problems = new java.util.ArrayList<>();
        List<String> visited = new java.util.ArrayList<>();

        // A visitor: the home page, the sign-in page and every public page the home page offers.
        Browser visitor = KARAF.browser("ShellBrowserIT-walker-visitor");
        RouteWalker anonymous = new RouteWalker(visitor, KARAF.home());
        Dimension wide = visitor.driver().manage().window().getSize();
        for (String language : List.of("vi", "en")) {
            // Vietnamese (the longer words) on a phone's 390 px, English on the desktop: every
            // page is checked at both widths, nothing in it wider than its box.
            visitor.driver().manage().window().setSize(language.equals("vi") ? PHONE : wide);
            if (language.equals("en")) {
                visitor.get("/");
                visitor.chooseInSelect("language-switch", "English");
                visitor.waitForText("home-title", EN_HOME_TITLE, 15);
            }
            RouteWalker.Walk walk = anonymous.walk(List.of("/", "/login", "/training/verify"), language,
                    language.equals("vi") ? VI_APP_TITLE : EN_APP_TITLE, 15);
            problems.addAll(walk.problems());
            visited.addAll(walk.visited());
            walk.problems().forEach(problem -> System.out.println("ShellBrowserIT walker: " + problem));
        }

        // The administrator: every registered route and the pages linked from them.
        // Before the lockout tests (which lock the administrator's name for unknown browsers).
        Browser admin = KARAF.browser("ShellBrowserIT-walker-admin");
        admin.signIn("admin", ADMIN_PASSWORD);
        // A course and a lesson named by one long Vietnamese word (no space to break at): every
        // card, heading and table that shows them must still fit a phone.
        paths.addAll(0, courseWithALongName(admin));
        RouteWalker walker = new RouteWalker(admin, KARAF.home());
        Dimension desktopSize = admin.driver().manage().window().getSize();
        for (String language : List.of("vi", "en")) {
            admin.driver().manage().window().setSize(language.equals("vi") ? PHONE : desktopSize);
            if (language.equals("en")) {
                admin.get("/");
                admin.chooseInSelect("language-switch", "English");
                admin.waitForText("home-title", EN_HOME_TITLE, 15);
            }
            RouteWalker.Walk walk = walker.walk(paths, language, language.equals("vi") ? VI_APP_TITLE : EN_APP_TITLE, 60);
            problems.addAll(walk.problems());
            visited.addAll(walk.visited());
            walk.problems().forEach(problem -> System.out.println("ShellBrowserIT walker: " + problem));
        }
        System.out.println("ShellBrowserIT walked " + visited.size() + " pages: " + visited);
        assertTrue(visited.stream().anyMatch(p -> p.startsWith("/training/course/") && !p.endsWith("/1")),
                "the long-named course's page was walked: " + visited);
        assertEquals(List.of(), problems, "problems a reader would notice");

        // On a phone, the English district name (the longer one) stays within two lines.
        Dimension desktop = admin.driver().manage().window().getSize();
        admin.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            admin.get("/");
            admin.wait(10).until(d -> Boolean.TRUE.equals(admin.js().executeScript(
                    "const t = document.getElementById('app-title'); if (!t) return false;"
                            + " const line = parseFloat(getComputedStyle(t).lineHeight);"
                            + " return t.getBoundingClientRect().height > 0 && t.getBoundingClientRect().height <= 2 * line + 1;")));
        } finally {
            admin.driver().manage().window().setSize(desktop);
        }

        // A child page highlights the entry it belongs to: a course page, the catalogue.
        admin.get("/training/course/1");
        admin.wait(15).until(d -> Boolean.TRUE.equals(admin.js().executeScript(
                "const e = document.getElementById('nav-training'); return !!e && e.hasAttribute('current');")));
    }

    /** One Vietnamese word of 70 letters: a title with nowhere to break but inside the word. */
    static final String LONG_WORD = "Kỹnăngsửdụngmáytínhvàphầnmềmvănphòngdànhchocánbộcôngchứccấpxãphường";

    /** A phone's viewport. */
    static final Dimension PHONE = new Dimension(390, 844);

    /**
     * The administrator (who may manage courses) creates and publishes a course and a lesson named
     * by {@link #LONG_WORD}.
     *
     * @return the course's pages: the learner's page and the editor
     */
    private static List<String> courseWithALongName(Browser admin) {
        admin.get("/training/manage/courses");
        admin.wait(20).until(d -> admin.displayedOrNull(By.id("courses-admin-view")) != null);
        admin.click("courses-new");
        admin.type("course-new-title", LONG_WORD);
        admin.click("course-new-save");
        admin.wait(20).until(d -> admin.displayedOrNull(By.id("course-editor-view")) != null);
        admin.click("lesson-add");
        admin.type("lesson-title-field", "Bài" + LONG_WORD);
        admin.type("lesson-markdown-field", LONG_WORD + " " + LONG_WORD);
        admin.click("lesson-save");
        admin.wait(15).until(d -> admin.gridTexts("course-lessons-grid").stream().anyMatch(t -> t.contains(LONG_WORD)));
        admin.click("course-publish");
        admin.wait(15).until(d -> !d.findElements(By.cssSelector("#course-state [data-published='true']")).isEmpty());
        String editor = admin.path();
        assertTrue(editor.matches("/training/manage/course/\\d+"), editor);
        return List.of(editor.replace("/manage", ""), editor);
    }

    /**
     * Issue 13 point 9, the newcomer's walkthrough as README's "Writing a plugin" tells it: generate a
     * plugin from congso-plugin-archetype, build it (its own key signs it), trust that key and install
     * the jar with the console commands (through {@code bin/client -b}, as a script runs them), then
     * find the plugin's group in the navigation, open its screen and record an entry through its form,
     * the amount typed and shown the Vietnamese way. Maven runs offline on the build's local repository.
     * It runs before the sign-in lockout test, which locks "admin" for new browsers.
     */
    @Test
    @Order(6)
    void aPluginGeneratedFromTheArchetypeIsBuiltInstalledFromTheConsoleAndShown() throws Exception {
        Path work = Path.of("target/archetype-walkthrough").toAbsolutePath();
        KarafProcess.deleteTree(work);
        Files.createDirectories(work);
        long started = System.nanoTime();
        maven(work, "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("congso.archetype.plugin.version")
                + ":generate", "-DarchetypeGroupId=vn.congso", "-DarchetypeArtifactId=congso-plugin-archetype",
                "-DarchetypeVersion=" + System.getProperty("congso.version"), "-DgroupId=vn.example.walkthrough",
                "-DartifactId=sotay", "-Dpackage=vn.example.walkthrough.sotay", "-DpluginName=sotay");
        long generated = System.nanoTime();
        Path project = work.resolve("sotay");
        // verify rather than the README's install: the test leaves nothing in the shared local repository.
        maven(project, "verify");
        long built = System.nanoTime();
        Path jar = project.resolve("target/sotay-1.0.0-SNAPSHOT.jar");
        Path certificate = project.resolve("signing/plugin-signer.pem");
        assertTrue(Files.isRegularFile(jar) && Files.isRegularFile(certificate), "the build made the jar and the signer");
        assertTrue(Files.readString(project.resolve("target/feature/feature.xml"))
                .contains("<bundle start-level=\"90\">mvn:vn.example.walkthrough/sotay/1.0.0-SNAPSHOT</bundle>"),
                "the plugin's feature names its bundle");

        // The console, as the README tells the newcomer to use it (a fresh installation has no
        // console account: ./run.sh makes one; this test adds its own).
        Files.writeString(KARAF.home().resolve("etc/users.properties"), "\n" + CONSOLE_USER + " = " + CONSOLE_PASSWORD
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                java.nio.file.StandardOpenOption.APPEND);
        // Both commands in one batch, as the README's step 3 pipes them.
        String trusted = client("congso:trust-add " + certificate + "\ncongso:plugin-install " + jar);
        assertTrue(trusted.contains("sotay development signer") && trusted.contains("DONE sotay/"), trusted);
        long installedAt = System.nanoTime();

        Browser admin = KARAF.browser("ShellBrowserIT-walkthrough");
        admin.signIn("admin", ADMIN_PASSWORD);
        admin.wait(20).until(d -> admin.displayedOrNull(By.id("nav-sotay")));
        admin.click("nav-sotay");
        admin.waitForText("sotay-title", "Sổ ghi chép", 15);
        long shownAt = System.nanoTime();
        List<String> empty = admin.gridTexts("sotay-grid");
        assertTrue(empty.containsAll(List.of("Nội dung", "Số lượng", "Người ghi")) && !empty.contains("admin"),
                "translated headers, no entry yet: " + empty);

        // The form: a wrong number is refused in the page's language, a Vietnamese "1.250" is 1250.
        admin.typeAndTab("sotay-entry-title", "Tập huấn chữ ký số");
        admin.typeAndTab("sotay-entry-amount", "abc");
        admin.click("sotay-save");
        admin.wait(10).until(d -> String.valueOf(admin.attribute("sotay-entry-amount", "errorMessage"))
                .contains("phải là một số nguyên"));
        admin.typeAndTab("sotay-entry-amount", "1.250");
        admin.click("sotay-save");
        admin.wait(15).until(d -> admin.notificationText().contains("Đã lưu “Tập huấn chữ ký số”"));
        admin.wait(10).until(d -> admin.gridTexts("sotay-grid").containsAll(List.of("Tập huấn chữ ký số", "1.250", "admin")));
        // The plugins screen names it as its own jar translates it (Bundle-Name in its Bundle-Localization).
        admin.get("/admin/plugins");
        admin.wait(30).until(d -> admin.gridTexts("plugins-grid").stream().anyMatch(t -> t.contains("Sổ ghi chép (sotay)")));

        System.out.printf("Archetype walkthrough: generate %.1f s, build %.1f s, trust+install %.1f s, screen shown %.1f s,"
                + " total %.1f s%n", (generated - started) / 1e9, (built - generated) / 1e9, (installedAt - built) / 1e9,
                (shownAt - installedAt) / 1e9, (shownAt - started) / 1e9);

        String removed = client("congso:plugin-uninstall sotay");
        assertTrue(removed.contains("DONE sotay/"), removed);
        Matcher fingerprint = Pattern.compile("SHA-256 ([0-9A-F:]{23})").matcher(trusted);
        assertTrue(fingerprint.find(), trusted);
        String untrusted = client("congso:trust-remove " + fingerprint.group(1));
        assertTrue(untrusted.contains("no longer trusted"), untrusted);
    }

    static final String CONSOLE_USER = "it-walkthrough";
    static final String CONSOLE_PASSWORD = "it-walkthrough-only-for-this-test";

    /** Runs Maven offline, batch mode, on the build's own local repository; fails with its output. */
    private static void maven(Path directory, String... arguments) throws Exception {
        String mavenHome = System.getProperty("maven.home", "");
        String mvn = mavenHome.isBlank() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        List<String> command = new java.util.ArrayList<>(List.of(mvn, "-o", "-B", "-q",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish: " + output);
        }
        assertEquals(0, process.exitValue(), "mvn " + String.join(" ", arguments) + ":\n" + output);
    }

    /** One console command through Karaf's own client in batch mode; a refused command fails the test. */
    private static String client(String command) throws Exception {
        Path home = KARAF.home();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/client").toString(), "-a", String.valueOf(SSH_PORT),
                "-h", "127.0.0.1", "-u", CONSOLE_USER, "-p", CONSOLE_PASSWORD, "-r", "3", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((command + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[;\\d]*m", "");
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/client did not finish: " + output);
        }
        assertEquals(0, process.exitValue(), command + ": " + output);
        return output;
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

    /** Whether an element is on the page and not hidden, wherever it is scrolled. */
    private static boolean shown(Browser browser, String id) {
        return Boolean.TRUE.equals(browser.js().executeScript("const e = document.getElementById(arguments[0]);"
                + " return !!e && !e.hidden && e.getClientRects().length > 0;", id));
    }
}
