package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import vn.congso.api.CurrentUser;
import vn.congso.api.data.Database;
import vn.congso.api.audit.AuditLog;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.MigrationStatus.Migration;
import vn.congso.api.security.RunAs;

/**
 * The whole platform on PostgreSQL: the same distribution with only
 * {@code etc/org.ops4j.datasource-congso.cfg} pointed at a real server (started on 127.0.0.1 by
 * {@code ./test.sh}) and the driver feature added. Every bundle that carries a changelog migrates,
 * the seeds are there, sign-in and the audit log work, and the UI answers. Runs when
 * {@code -Dcongso.postgres.url} names a server (see the {@code postgres} profile).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresMigrationIT {

    static final int HTTP_PORT = 18781;
    static final long TIMEOUT_MS = 60_000;
    static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-congso.cfg";

    @Inject
    private BundleContext bundleContext;

    @Inject
    private MigrationStatus migrationStatus;

    @Inject
    private AuditLog auditLog;

    @Inject
    private RunAs runAs;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=congso)", timeout = TIMEOUT_MS)
    private DataSource dataSource;

    @Configuration
    public Option[] config() {
        List<Option> options = CongSoContainer.options("target/pax-exam-postgres",
                new CongSoContainer.Ports(HTTP_PORT, 18701, 11799, 44465));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "url", required("congso.postgres.url")));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "user", required("congso.postgres.user")));
        options.add(editConfigurationFilePut(DATASOURCE_CFG, "password", required("congso.postgres.password")));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                "congso-postgresql"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void thePlatformMigratesAndRunsOnPostgresql() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }

        List<String> withChangelogs = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getHeaders().get(Database.CHANGELOG_HEADER) != null) {
                withChangelogs.add(bundle.getSymbolicName());
            }
        }
        assertTrue("bundles with changelogs: " + withChangelogs,
                withChangelogs.containsAll(List.of("congso-core-data", "congso-core-security", "congso-core-admin", "congso-core-notify",
                        "congso-plugin-training")));
        TreeMap<String, String> outcomes = new TreeMap<>();
        for (String name : withChangelogs) {
            Migration migration = awaitMigration(name);
            outcomes.put(name, migration.state() + " " + migration.changesetsApplied() + " changesets in "
                    + migration.millis() + " ms" + (migration.message().isEmpty() ? "" : ": " + migration.message()));
            assertEquals(name + ": " + migration.message(), MigrationStatus.State.MIGRATED, migration.state());
        }
        System.out.println("[PostgresMigrationIT] migrations on PostgreSQL: " + outcomes);

        assertEquals("the district and its 11 communes and towns", 12, count("org_unit"));
        Path adminPassword = Path.of(System.getProperty("karaf.data"), "admin-password.txt");
        assertTrue("the first start wrote the administrator's one-time password", Files.isRegularFile(adminPassword));

        // Sign-in (Argon2id hash stored in PostgreSQL) and the audit log's queries.
        String oneTime = Files.readString(adminPassword).trim();
        CurrentUser admin = runAs.authenticate("admin", oneTime.toCharArray(), "127.0.0.1")
                .orElseThrow(() -> new AssertionError("admin could not sign in on PostgreSQL"));
        assertFalse(runAs.authenticate("admin", "wrong-password".toCharArray(), "127.0.0.1").isPresent());
        CurrentUser auditor = runAs.system("itest:postgres");
        runAs.call(admin, () -> {
            auditLog.record("itest.postgres", "Xã Tài Văn", AuditLog.Outcome.SUCCESS, "tiếng Việt có dấu");
            return null;
        });
        List<AuditLog.Entry> entries = runAs.call(auditor, () -> auditLog.find(new AuditLog.Query(
                Optional.of("admin"), Optional.of("itest."), Optional.of(Instant.now().minusSeconds(600)),
                Optional.of(Instant.now().plusSeconds(60)), 10)));
        assertEquals(1, entries.size());
        assertEquals("Xã Tài Văn", entries.get(0).target());
        assertEquals("tiếng Việt có dấu", entries.get(0).detail());
        List<AuditLog.Entry> logins = runAs.call(auditor, () -> auditLog.find(new AuditLog.Query(Optional.of("admin"),
                Optional.of("security.login"), Optional.empty(), Optional.empty(), 10)));
        assertEquals("one success and one failure: " + logins, 2, logins.size());

        // The training plugin's first start loads its demo course, question bank and exam through
        // its own services: their SQL runs on PostgreSQL too.
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (count("trn_exam") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals("the demo course", 1, count("trn_course"));
        assertTrue("the demo question bank", count("trn_question") >= 40);
        assertEquals("the demo exam", 1, count("trn_exam"));
        // The publishing plugin's first start publishes its demo articles through its workflow
        // (revisions, state changes, the search index): that SQL runs on PostgreSQL too.
        while (count("publishing_article") < 12 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertTrue("the publishing demo articles", count("publishing_article") >= 12);
        // The conference plugin's demo (points from the units, a year of meetings) runs its
        // booking SQL, row locks included, on PostgreSQL too. It books the weekly series, then the
        // monthly one, each in its own transaction: wait for both.
        while (count("conf_occurrence") < 64 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals("the hub and the 11 communes/towns", 12, count("conf_point"));
        assertEquals("52 weekly briefings and 12 monthly relays", 64, count("conf_occurrence"));
        // The services plugin's demo: its catalogue, and the demo year's 13,031 settled dossiers
        // (12,949 on time) inserted in bulk with their history, on PostgreSQL too.
        while (count("svc_dossier") < 13_031 && System.currentTimeMillis() < deadline + TIMEOUT_MS) {
            Thread.sleep(250);
        }
        assertEquals("the demo catalogue", 242, count("svc_procedure"));
        assertTrue("the demo dossiers", count("svc_dossier") >= 13_031);
        assertEquals("the demo history", 3 * 13_031, count("svc_dossier_event"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM svc_dossier WHERE on_time = TRUE")) {
            rs.next();
            assertEquals("dossiers settled on time", 12_949, rs.getLong(1));
        }
        // The statistics' figures per day, written in the demo's transaction (and their changeset's fill ran here).
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT SUM(settled_count), SUM(on_time_count) FROM svc_dossier_day"
                        + " WHERE stat_day >= DATE '2025-01-01' AND stat_day < DATE '2026-01-01'")) {
            rs.next();
            assertEquals("settled in 2025 by the day figures", 13_031, rs.getLong(1));
            assertEquals("on time in 2025 by the day figures", 12_949, rs.getLong(2));
        }
        // The fee amounts read from the demo catalogue's texts ("8.000 đồng/bản sao").
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT fee_vnd FROM svc_procedure WHERE code = '2.000635'")) {
            rs.next();
            assertEquals("the fee of 2.000635", 8_000, rs.getLong(1));
        }
        // Core seeds only its administrator role; each plugin declares its own before its demo:
        // training two (trainer, learner), publishing three (editor, reviewer, publisher), the
        // conference plugin two (meeting-coordinator, point-technician), services five
        // (one-stop-officer, services-specialist, services-admin, citizen, services-leader).
        // A plugin's roles are declared by a component of their own, which may come after its demo.
        long rolesDeadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (count("sec_role") < 13 && System.currentTimeMillis() < rolesDeadline) {
            Thread.sleep(250);
        }
        assertEquals("core's one role and the plugins' twelve", 13, count("sec_role"));

        // Files kept in rows (attachments, lessons' files, dossiers' files, articles' files,
        // meetings' documents) are written with setBytes and read with getBytes: on PostgreSQL
        // that is BYTEA (Liquibase's BLOB would be a large-object OID, which those calls refuse).
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, data_type FROM information_schema.columns"
                        + " WHERE column_name = 'content' AND table_name IN ('ntf_attachment', 'trn_lesson_attachment',"
                        + " 'svc_dossier_file', 'publishing_file', 'conf_document') ORDER BY table_name")) {
            TreeMap<String, String> types = new TreeMap<>();
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
            assertEquals(Map.of("conf_document", "bytea", "ntf_attachment", "bytea", "publishing_file", "bytea",
                    "svc_dossier_file", "bytea", "trn_lesson_attachment", "bytea"), types);
        }
        // And the bytes go in and come back as the outbox writes and reads them (rolled back).
        byte[] pdf = "%PDF-1.4 tiếng Việt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long message;
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_message (recipient, subject, body,"
                        + " source, state, attempts, created_at, next_attempt_at)"
                        + " VALUES ('a@example.invalid', 's', 'b', 'itest', 'HELD', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        message = keys.getLong(1);
                    }
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_attachment (message_id, seq_no,"
                        + " file_name, content_type, size_bytes, content) VALUES (?, 1, 'a.pdf', 'application/pdf', ?, ?)")) {
                    ps.setLong(1, message);
                    ps.setLong(2, pdf.length);
                    ps.setBytes(3, pdf);
                    ps.executeUpdate();
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement(
                        "SELECT content FROM ntf_attachment WHERE message_id = ?")) {
                    ps.setLong(1, message);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        org.junit.Assert.assertArrayEquals(pdf, rs.getBytes(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        VaadinHttpProbe probe = new VaadinHttpProbe("http://127.0.0.1:" + HTTP_PORT);
        assertTrue("the UI did not answer on PostgreSQL", probe.awaitRoot200(TIMEOUT_MS));
        String home = probe.navigate("");
        assertTrue(VaadinHttpProbe.abbreviate(home), home.contains("home-title"));
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Migration awaitMigration(String bundle) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<Migration> migration = migrationStatus.migration(bundle);
            if (migration.isPresent()) {
                return migration.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no migration recorded for " + bundle + " within " + TIMEOUT_MS + " ms");
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run ./test.sh, which starts PostgreSQL");
        }
        return value;
    }
}
