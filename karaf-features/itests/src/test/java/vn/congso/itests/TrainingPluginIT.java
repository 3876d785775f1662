package vn.congso.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
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
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import vn.congso.api.data.MigrationStatus;
import vn.congso.api.security.PermissionContribution;

/**
 * The training plugin in the assembled distribution: its feature boots with the platform, its
 * schema is migrated, it declares its permissions, loads the demo course once, imports a GIFT
 * file from the Karaf shell (all or nothing), and keeps its data when the bundle is uninstalled
 * and finds it again, without a second demo, when the bundle is reinstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
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
    @Filter("(osgi.jndi.service.name=congso)")
    private DataSource dataSource;

    @Configuration
    public Option[] config() {
        return CongSoContainer.options("target/pax-exam-training", new CongSoContainer.Ports(18681, 18601, 11699, 44460))
                .toArray(new Option[0]);
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

        // Shell import: a bad file names its line and imports nothing; a good one imports all.
        Path bad = Files.writeString(Files.createTempFile("bad", ".gift"),
                "::Một::Câu đúng {T}\n\n::Hai::Câu thiếu dấu đóng {=a ~b\n", StandardCharsets.UTF_8);
        String refused = execute("congso:training-import-gift " + bad + " \"IT/Shell\"");
        assertTrue(refused, refused.contains("Nothing imported") && refused.contains("line 3"));
        assertEquals(54, count("SELECT COUNT(*) FROM trn_question"));
        Path good = Files.writeString(Files.createTempFile("good", ".gift"),
                "::Một::Câu đúng {T}\n\n::Hai::Thủ đô của Việt Nam? {=Hà Nội ~Huế ~Đà Nẵng}\n", StandardCharsets.UTF_8);
        String imported = execute("congso:training-import-gift " + good + " \"IT/Shell\"");
        assertTrue(imported, imported.contains("Imported 2 question(s)"));
        assertEquals(56, count("SELECT COUNT(*) FROM trn_question"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.question.import'"
                + " AND outcome = 'SUCCESS' AND actor LIKE 'console:%'"));

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
