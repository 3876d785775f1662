package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.PermissionContribution;

/**
 * The training plugin in the assembled distribution: its feature boots with the platform, its
 * schema is migrated, it declares its permissions, loads the demo course once, imports a GIFT
 * file from the Karaf console (all or nothing; through {@code bin/client -b}, a refused file
 * fails the command with its line, issue 12 point 7), and keeps its data when the bundle is uninstalled
 * and finds it again, without a second demo, when the bundle is reinstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// The demo counts are asserted first (installs…), the command round (scripts…) imports more afterwards.
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TrainingPluginIT {

    static final String BSN = "congso-plugin-training";
    static final long TIMEOUT_MS = 60_000;
    static final String DEMO_COURSE = "Kỹ năng công nghệ thông tin cơ bản";
    static final Set<String> PERMISSIONS = Set.of("training:course:manage", "training:course:enrol",
            "training:exam:manage", "training:exam:take", "training:report:view", "training:certificate:revoke");

    @Inject
    private BundleContext bundleContext;

    @Inject
    private MigrationStatus migrationStatus;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    @Filter("(osgi.jndi.service.name=congso)")
    private DataSource dataSource;

    static final int SSH_PORT = 18601;
    /** A console account for this test only, so that {@code bin/client -b} can sign in as a script would. */
    static final String CONSOLE_USER = "it-console";
    static final String CONSOLE_PASSWORD = "it-console-only-for-this-test";
    static final String GREENMAIL_PROPERTY = "congso.itests.greenmail";

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(CongSoContainer.options("target/pax-exam-training",
                new CongSoContainer.Ports(18681, SSH_PORT, 11699, 44460)));
        options.add(KarafDistributionOption.editConfigurationFilePut("etc/users.properties", CONSOLE_USER,
                CONSOLE_PASSWORD + ",admin,manager,viewer,systembundles,ssh"));
        // GreenMail's bundle, installed by the notification test inside the container.
        options.add(KarafDistributionOption.editConfigurationFilePut("etc/system.properties", GREENMAIL_PROPERTY,
                greenMailJar()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void installsMigratesDeclaresLoadsDemoImportsAndKeepsDataAcrossReinstall() throws Exception {
        // The distribution boots the feature; the bundle starts at its start level (90), maybe after the probe.
        Bundle training = bundle();
        await(() -> training.getState() == Bundle.ACTIVE ? Boolean.TRUE : null, "active " + BSN);
        MigrationStatus.Migration migration = await(() -> migrationStatus.migration(BSN).orElse(null), "migration");
        assertEquals(migration.toString(), MigrationStatus.State.MIGRATED, migration.state());
        assertEquals(BSN + "/db/changelog.xml", migration.changelog());
        awaitComponentsUp(training);
        assertEquals(PERMISSIONS, permissionsOf(training));

        // Demo data, loaded once by the system actor on first start.
        await(() -> "done".equals(string("SELECT setting_value FROM trn_setting WHERE name = 'demo.loaded'"))
                ? Boolean.TRUE : null, "demo data");
        assertEquals(1, count("SELECT COUNT(*) FROM trn_course WHERE title = ? AND published = ?", DEMO_COURSE, true));
        assertEquals(5, count("SELECT COUNT(*) FROM trn_lesson"));
        assertEquals(54, count("SELECT COUNT(*) FROM trn_question"));
        assertEquals(1, count("SELECT COUNT(*) FROM trn_exam"));
        long drawRules = count("SELECT COUNT(*) FROM trn_exam_draw");
        assertEquals("one draw rule per demo category", 8, drawRules);

        // Console import, as a script runs it (bin/client -b): a refused file fails the command with
        // the reason and its line, printed as written (the GIFT message has braces), and imports
        // nothing; a good one imports all.
        Path bad = Files.writeString(Files.createTempFile("bad", ".gift"),
                "::Một::Câu đúng {T}\n\n::Hai::Câu thiếu dấu đóng {=a ~b\n", StandardCharsets.UTF_8);
        Client refused = client("congso:training-import-gift " + bad + " \"IT/Shell\"");
        assertTrue(refused.output, refused.exitCode != 0);
        assertTrue(refused.output, refused.output.contains("Error executing command: Nothing imported")
                && refused.output.contains("line 3: The answers lack their closing }.")
                && !refused.output.contains("can't parse") && !refused.output.contains("Exception"));
        Path binary = Files.write(Files.createTempFile("binary", ".gift"),
                new byte[] {':', ':', 'A', ':', ':', 'x', '\n', 'P', 'K', 3, 4, 0, (byte) 0xFF, 0});
        Client notText = client("congso:training-import-gift " + binary + " \"IT/Shell\"");
        assertTrue(notText.output, notText.exitCode != 0);
        assertTrue(notText.output, notText.output.contains("line 2: The file is not UTF-8 text"));
        Client missing = client("congso:training-import-moodlexml /no/such/file.xml \"IT/Shell\"");
        assertTrue(missing.output, missing.exitCode != 0 && missing.output.contains("No such file"));
        assertEquals(54, count("SELECT COUNT(*) FROM trn_question"));
        Path good = Files.writeString(Files.createTempFile("good", ".gift"),
                "::Một::Câu đúng {T}\n\n::Hai::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng}\n", StandardCharsets.UTF_8);
        Client imported = client("congso:training-import-gift " + good + " \"IT/Shell\"");
        assertEquals(imported.output, 0, imported.exitCode);
        assertTrue(imported.output, imported.output.contains("Imported 2 question(s)"));
        assertEquals(56, count("SELECT COUNT(*) FROM trn_question"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.question.import'"
                + " AND outcome = 'SUCCESS' AND actor LIKE 'console:%'"));
        // The in-process shell sees the same refusal as an exception, not as printed text.
        try {
            execute("congso:training-import-gift " + bad + " \"IT/Shell\"");
            throw new AssertionError("a refused import must fail the command");
        } catch (Exception e) {
            assertTrue(String.valueOf(e.getMessage()), String.valueOf(e.getMessage()).contains("line 3"));
        }
        // congso:migrations succeeds while every migration is fine.
        Client migrations = client("congso:migrations");
        assertEquals(migrations.output, 0, migrations.exitCode);
        assertTrue(migrations.output, migrations.output.contains(BSN));

        // Uninstall keeps the data; reinstall finds it and loads no second demo.
        String location = training.getLocation();
        training.uninstall();
        assertEquals(1, count("SELECT COUNT(*) FROM trn_course WHERE title = ?", DEMO_COURSE));
        assertEquals(56, count("SELECT COUNT(*) FROM trn_question"));
        Bundle again = bundleContext.installBundle(location);
        again.start();
        awaitComponentsUp(again);
        assertEquals(PERMISSIONS, permissionsOf(again));
        Thread.sleep(1_000); // the demo loader has run by now if it were going to
        assertEquals(1, count("SELECT COUNT(*) FROM trn_course"));
        assertEquals(56, count("SELECT COUNT(*) FROM trn_question"));
        assertEquals(MigrationStatus.State.MIGRATED, migrationStatus.migration(BSN).orElseThrow().state());
    }

    /** Changes the notification service's configuration as {@code config:property-set} would. */
    private void notifySettings(Map<String, String> settings) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("vn.congso.notify", null);
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>()
                : configuration.getProperties();
        settings.forEach(properties::put);
        configuration.update(properties);
    }

    /** The body of {@code GET /health}, from loopback, whatever its status. */
    private static String health() throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:18681/health")
                .openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(10_000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    /** GreenMail's jar in the build's local repository, found on the test's own class path. */
    private static String greenMailJar() {
        java.net.URL found = TrainingPluginIT.class.getClassLoader().getResource("com/icegreen/greenmail/util/GreenMail.class");
        if (found == null || !"jar".equals(found.getProtocol())) {
            throw new IllegalStateException("GreenMail is not on the test class path: " + found);
        }
        String jar = found.getPath(); // file:/…/greenmail-2.1.8.jar!/com/icegreen/…
        return java.nio.file.Path.of(java.net.URI.create(jar.substring(0, jar.indexOf("!/")))).toString();
    }

    /**
     * The core notification service in the container (issue 15 point 3): with the shipped
     * configuration (no SMTP host) a message is held in the outbox; {@code congso:notify-test}
     * and {@code congso:notify-outbox} through {@code bin/client -b} succeed or fail as a script
     * expects; once pointed at an SMTP server on 127.0.0.1 (GreenMail, started here) the test
     * message and an invitation with its {@code .ics} file arrive, built by Jakarta Mail and
     * Angus inside OSGi; the health report and the outbox screen are there.
     */
    @Test
    public void notificationsReachTheSmtpServerOrStayInTheOutbox() throws Exception {
        CongSoContainer.awaitService(bundleContext, NotificationService.class.getName(), TIMEOUT_MS);
        Client held = succeeded("congso:notify-test nguoi.nhan@tran-de.example");
        long heldId = Long.parseLong(held.output.strip().lines().findFirst().orElseThrow().strip());
        assertTrue(held.output, held.output.contains("Queued message " + heldId + " to nguoi.nhan@tran-de.example (HELD)"));
        assertEquals("HELD", string("SELECT state FROM ntf_message WHERE id = " + heldId));
        Client outbox = succeeded("congso:notify-outbox --state HELD");
        assertTrue(outbox.output, outbox.output.contains("No SMTP server configured")
                && outbox.output.contains("nguoi.nhan@tran-de.example") && outbox.output.contains("No mail server is configured"));
        refused("congso:notify-test khong-phai-dia-chi", "Not queued: Not a valid e-mail address: 'khong-phai-dia-chi'");
        refused("congso:notify-test \"ong.at@tran-de.example, ba.tu@tran-de.example\"", "Not a valid e-mail address");
        refused("congso:notify-outbox --state LOST", "Unknown state 'LOST'");
        assertEquals(1, count("SELECT COUNT(*) FROM ntf_message"));

        Bundle greenMail = bundleContext.installBundle("file:" + System.getProperty(GREENMAIL_PROPERTY));
        greenMail.start();
        try (SmtpSink smtp = new SmtpSink(greenMail)) {
            notifySettings(Map.of("security", "none", "smtpPort", String.valueOf(smtp.port()), "smtpHost", "127.0.0.1"));
            await(() -> health().contains("\"smtpConfigured\":true") ? Boolean.TRUE : null, "the new SMTP settings");
            Client outboxNow = succeeded("congso:notify-outbox");
            assertTrue(outboxNow.output, outboxNow.output.contains("SMTP server: 127.0.0.1:" + smtp.port()));
            Client test = succeeded("congso:notify-test ong.at@tran-de.example");
            long testId = Long.parseLong(test.output.strip().lines().findFirst().orElseThrow().strip());
            MimeMessage received = smtp.await(1, TIMEOUT_MS).get(0);
            assertEquals("Cổng Số: thư thử nghiệm / test message", received.getSubject());
            assertEquals("ong.at@tran-de.example", received.getAllRecipients()[0].toString());
            await(() -> "SENT".equals(string("SELECT state FROM ntf_message WHERE id = " + testId)) ? Boolean.TRUE : null,
                    "message " + testId + " sent");

            // A plugin's invitation with its calendar file: multipart/mixed built by Angus inside OSGi.
            String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CongSo//IT//VI\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                    + "UID:giao-ban@congso\r\nDTSTART:20261210T010000Z\r\nSUMMARY:Họp giao ban\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
            ServiceReference<NotificationService> ref = bundleContext.getServiceReference(NotificationService.class);
            NotificationService notifications = bundleContext.getService(ref);
            long invitationId = notifications.send(new OutgoingMessage("ong.at@tran-de.example", "Giấy mời họp giao ban",
                    "Kính mời ông dự họp giao ban lúc 8 giờ ngày 10/12/2026.", List.of(new OutgoingMessage.Attachment(
                            "giao-ban.ics", "text/calendar; method=REQUEST; charset=UTF-8",
                            ics.getBytes(StandardCharsets.UTF_8))), "conference.invitation"));
            bundleContext.ungetService(ref);
            MimeMessage invitation = smtp.await(2, TIMEOUT_MS).get(1);
            assertEquals("Giấy mời họp giao ban", invitation.getSubject());
            assertTrue(invitation.getContentType(), invitation.getContentType().startsWith("multipart/mixed"));
            // Parsed from its data source: reading needs no content handler of the probe's class loader.
            MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(invitation.getRawInputStream(),
                    invitation.getContentType()));
            assertEquals(2, parts.getCount());
            assertTrue(parts.getBodyPart(0).getContentType(), parts.getBodyPart(0).isMimeType("text/plain"));
            assertEquals("Kính mời ông dự họp giao ban lúc 8 giờ ngày 10/12/2026.",
                    new String(parts.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            assertTrue(parts.getBodyPart(1).getContentType(), parts.getBodyPart(1).isMimeType("text/calendar")
                    && parts.getBodyPart(1).getContentType().contains("method=REQUEST"));
            assertEquals("giao-ban.ics", parts.getBodyPart(1).getFileName());
            assertEquals(ics, new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            await(() -> notifications.state(invitationId).orElseThrow() == NotificationService.DeliveryState.SENT
                    ? Boolean.TRUE : null, "invitation sent");
            // The held message stays held until an administrator sends it again.
            assertEquals("HELD", string("SELECT state FROM ntf_message WHERE id = " + heldId));

            // The health report says a server is configured (no host name) and counts the outbox.
            String health = health();
            assertTrue(health, health.contains("\"notify\":{") && health.contains("\"smtpConfigured\":true")
                    && health.contains("\"held\":1") && !health.contains("127.0.0.1:" + smtp.port()));
        } finally {
            notifySettings(Map.of("smtpHost", ""));
            greenMail.uninstall();
        }
        // The outbox screen is registered for its permission, which the core declares.
        assertEquals(1, bundleContext.getServiceReferences(vn.congso.api.ui.ScreenProvider.class, null).stream()
                .flatMap(r -> bundleContext.getService(r).screens().stream())
                .filter(screen -> "admin/outbox".equals(screen.route())
                        && screen.permission().equals(java.util.Optional.of("platform:notify:manage"))).count());
        Client meta = succeeded("config:meta vn.congso.notify");
        assertTrue(meta.output, meta.output.contains("smtpHost") && meta.output.contains("retryBackoffSeconds")
                && !meta.output.contains("%notify."));
    }

    /**
     * Every {@code congso:*} command as a script runs it ({@code bin/client -b}): a refusal exits
     * non-zero with Karaf's "Error executing command: …" and the reason, a success exits 0
     * (issue 13 point 5). Also what {@code config:meta} shows of the metatype (point 4).
     */
    @Test
    public void scriptsSeeEveryCongsoCommandSucceedOrFail() throws Exception {
        Path notAPlugin = Files.writeString(Files.createTempFile("not-a-plugin", ".jar"), "not a jar");
        Path notACertificate = Files.writeString(Files.createTempFile("not-a-certificate", ".txt"), "x");
        Path brokenGift = Files.writeString(Files.createTempFile("broken", ".gift"), "::Q::Câu {=a ~b\n",
                StandardCharsets.UTF_8);
        Path brokenXml = Files.writeString(Files.createTempFile("broken", ".xml"), "<quiz><question", StandardCharsets.UTF_8);
        refused("congso:plugin-install " + notAPlugin, "REFUSED");
        refused("congso:plugin-install --dry-run " + notAPlugin, "REFUSED");
        refused("congso:plugin-install congso-no-such-feature", "[plugin.refused.no-such-feature]: No configured repository offers");
        refused("congso:plugin-upgrade /no/such/plugin.jar", "REFUSED: /no/such/plugin.jar is not a readable .jar file");
        refused("congso:plugin-stop congso-plugin-nothing", "[plugin.refused.not-installed]: congso-plugin-nothing is not installed");
        refused("congso:plugin-start congso-plugin-nothing", "[plugin.refused.not-installed]: congso-plugin-nothing is not installed");
        refused("congso:plugin-rollback congso-plugin-nothing", "REFUSED");
        refused("congso:plugin-uninstall congso-plugin-nothing", "REFUSED congso-plugin-nothing: no such plugin");
        refused("congso:trust-add " + notACertificate, "REFUSED: " + notACertificate + " is not a .pem");
        refused("congso:trust-remove 0123456789abcdef0123", "[plugin.refused.trust-unknown]");
        refused("congso:training-import-gift " + brokenGift + " \"IT/Script\"", "Nothing imported: 1 error(s)");
        refused("congso:training-import-moodlexml " + brokenXml + " \"IT/Script\"", "Nothing imported");
        refused("congso:training-import-gift /no/such/file.gift \"IT/Script\"", "No such file");
        Path unknownUnit = Files.writeString(Files.createTempFile("units", ".csv"),
                "effective,2025-07-01,IT\nmerge,xa-tai-van;xa-khong-co,xa-moi,Xã Mới,commune,\n", StandardCharsets.UTF_8);
        refused("congso:units-reorganise " + unknownUnit + " --apply",
                "Nothing changed: 1 problem(s)");
        refused("congso:units-reorganise " + unknownUnit, "line 2: No unit has the code xa-khong-co.");
        refused("congso:units-reorganise /no/such/units.csv", "Nothing changed: no such file");
        assertEquals(12, count("SELECT COUNT(*) FROM org_unit"));

        Client plugins = succeeded("congso:plugin-list");
        Client signers = succeeded("congso:trust-list");
        assertTrue(signers.output, signers.output.contains("no trusted plugin signer"));
        Client backup = succeeded("congso:backup");
        String folder = Path.of(backup.output.strip().lines().reduce((a, b) -> b).orElseThrow()).getFileName().toString();
        Client backups = succeeded("congso:backups");
        assertTrue(backups.output + " lists " + folder, backups.output.contains(folder));
        assertTrue(succeeded("congso:migrations").output.contains(BSN));
        Path gift = Files.writeString(Files.createTempFile("good", ".gift"), "::Q::Câu đúng {T}\n", StandardCharsets.UTF_8);
        assertTrue(succeeded("congso:training-import-gift " + gift + " \"IT/Script\"").output
                .contains("Imported 1 question(s)"));
        assertFalse(plugins.output, plugins.output.contains("Error"));
        // The shipped sample of the 2025 reform: previewed (nothing changes), applied, and refused a second time.
        String sample = Path.of(System.getProperty("karaf.home"), "etc/units/tran-de-2025-sample.csv").toString();
        Client preview = succeeded("congso:units-reorganise " + sample);
        assertTrue(preview.output, preview.output.contains("line 14: Merge tt-tran-de, xa-dai-an-2, xa-trung-binh "
                + "into the new unit ") && preview.output.contains("(xa-tran-de-2025)") && preview.output.contains("Preview"));
        assertEquals(0, count("SELECT COUNT(*) FROM org_reorganisation"));
        Client applied = succeeded("congso:units-reorganise --apply " + sample);
        assertTrue(applied.output, applied.output.contains("Applied: ") && applied.output.contains("6 new unit(s), 12 ended"));
        assertEquals(18, count("SELECT COUNT(*) FROM org_unit"));
        assertEquals(0, count("SELECT COUNT(*) FROM sec_user WHERE unit_id IN (SELECT id FROM org_unit WHERE valid_to IS NOT NULL)"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'units.reorganise' AND outcome = 'SUCCESS'"
                + " AND actor = ?", "console:" + CONSOLE_USER));
        refused("congso:units-reorganise " + sample + " --apply", "[units.error.exists]");
        assertEquals(1, count("SELECT COUNT(*) FROM org_reorganisation"));
        // The administration screen that does the same is registered.
        assertEquals(1, bundleContext.getServiceReferences(vn.congso.api.ui.ScreenProvider.class, null).stream()
                .flatMap(r -> bundleContext.getService(r).screens().stream())
                .filter(screen -> "admin/units".equals(screen.route())).count());

        // Metatype: every key of the shell's hand-read PID is described, in the console's language.
        Client meta = succeeded("config:meta vn.congso.ui");
        assertTrue(meta.output, meta.output.contains("trustedProxies") && meta.output.contains("sessionTimeoutMinutes")
                && (meta.output.contains("Listen address") || meta.output.contains("lắng nghe"))
                && !meta.output.contains("%ui."));
        Client security = succeeded("config:meta vn.congso.security");
        assertTrue(security.output, security.output.contains("addressMaxFailures") && !security.output.contains("%security."));
    }

    /** Runs a command that must fail, and checks how: exit code, Karaf's error line and the reason. */
    private void refused(String command, String reason) throws Exception {
        Client client = client(command);
        assertTrue(command + " must fail: " + client.output, client.exitCode != 0);
        assertTrue(command + ": " + client.output, client.output.contains("Error executing command: ")
                && client.output.contains(reason));
    }

    /** Runs a command that must succeed. */
    private Client succeeded(String command) throws Exception {
        Client client = client(command);
        assertEquals(command + ": " + client.output, 0, client.exitCode);
        assertFalse(command + ": " + client.output, client.output.contains("Error executing command"));
        return client;
    }

    private Bundle bundle() {
        for (Bundle b : bundleContext.getBundles()) {
            if (BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(BSN + " is not installed");
    }

    /** Every component of the bundle satisfied or active: none waits for a missing service. */
    private void awaitComponentsUp(Bundle bundle) throws InterruptedException {
        await(() -> {
            List<String> down = new ArrayList<>();
            int components = 0;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                components++;
                var configurations = scr.getComponentConfigurationDTOs(description);
                if (configurations.isEmpty()) {
                    down.add(description.name + " (no configuration)");
                }
                for (ComponentConfigurationDTO configuration : configurations) {
                    if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        down.add(description.name + " state " + configuration.state);
                    }
                }
            }
            return components >= 8 && down.isEmpty() ? Boolean.TRUE : null;
        }, "components of " + bundle.getSymbolicName());
    }

    private Set<String> permissionsOf(Bundle bundle) throws Exception {
        Set<String> permissions = new TreeSet<>();
        for (ServiceReference<PermissionContribution> ref
                : bundleContext.getServiceReferences(PermissionContribution.class, null)) {
            if (ref.getBundle().getBundleId() == bundle.getBundleId()) {
                PermissionContribution contribution = bundleContext.getService(ref);
                contribution.permissions().forEach(p -> {
                    assertFalse(p.descriptionKey().isBlank());
                    permissions.add(p.permission());
                });
                bundleContext.ungetService(ref);
            }
        }
        return permissions;
    }

    /** What {@code bin/client -b} printed and how it exited. */
    private record Client(int exitCode, String output) {
    }

    /** Runs one command through Karaf's own client in batch mode, as a script would. */
    private Client client(String command) throws Exception {
        Path home = Path.of(System.getProperty("karaf.home"));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin/client").toString(), "-a",
                String.valueOf(SSH_PORT), "-h", "127.0.0.1", "-u", CONSOLE_USER, "-p", CONSOLE_PASSWORD, "-r", "3", "-b")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // Karaf colours the error; the colour codes are not part of the message.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .replaceAll("\u001B\\[[;\\d]*m", "");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/client did not finish: " + output);
        }
        return new Client(process.exitValue(), output);
    }

    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    private String string(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(Probe<T> probe, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        Exception last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + TIMEOUT_MS + " ms" + (last == null ? "" : ": " + last));
    }
}
