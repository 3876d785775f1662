package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import vn.congso.admin.internal.DryRun.Kind;

/**
 * A plugin must not take over core or another plugin: each way of trying it, as a real jar
 * signed by a trusted key, is refused by the dry run with its own reason.
 */
class CoreTakeoverTest {

    private static final BundleRef API = new BundleRef("congso-core-api", "0.1.0");
    private static final BundleRef SHIRO = new BundleRef("org.apache.shiro.core", "2.0.6");
    private static final BundleRef OTHER_PLUGIN = new BundleRef("com.example.other", "1.0.0");

    @TempDir
    Path work;
    private TestJars.Signer trusted;

    @BeforeEach
    void trustOneSigner() throws Exception {
        trusted = TestJars.selfSigned("Trusted publisher");
        trusted.trustIn(work.resolve("trust"));
    }

    private static Capability pkg(String name, String version, BundleRef provider) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("osgi.wiring.package", name);
        attributes.put("version", Version.parseVersion(version));
        return new Capability("osgi.wiring.package", attributes, provider);
    }

    private static Capability capability(String namespace, String value, BundleRef provider) {
        return new Capability(namespace, Map.of(namespace, value), provider);
    }

    /** The core API and a third-party library (not installed through the service), and another uploaded plugin. */
    private static List<InstalledBundle> installed() {
        return List.of(
                new InstalledBundle(API, false, List.of(pkg("vn.congso.api", "1.3.0", API),
                        capability("osgi.extender", "osgi.component", API)), Set.of()),
                new InstalledBundle(SHIRO, false, List.of(pkg("org.apache.shiro.subject", "2.0.6", SHIRO)), Set.of()),
                new InstalledBundle(OTHER_PLUGIN, true, List.of(pkg("com.example.other.api", "1.0.0", OTHER_PLUGIN),
                        capability("congso.theme", "dark", OTHER_PLUGIN)), Set.of()));
    }

    private DryRun plan(Kind kind, String bsn, String version, String... headers) throws Exception {
        byte[] jar = TestJars.sign(TestJars.bundle(TestJars.headers(bsn, version, headers)), trusted, work);
        UploadChecker checker = new UploadChecker(work.resolve("staging"), 1024 * 1024,
                new SignatureVerifier(new TrustStore(work.resolve("trust")), false), CoreTakeoverTest::installed,
                ArchiveLimits.defaults(), CorePolicy.standard());
        try (Staged staged = checker.check(kind, bsn + ".jar", new ByteArrayInputStream(jar))) {
            return staged.dryRun();
        }
    }

    private static void assertRefused(DryRun plan, String key, Object... args) {
        assertTrue(!plan.acceptable(), "must be refused");
        assertEquals(key, plan.refusals().get(0).key(), plan.refusals().toString());
        if (args.length > 0) {
            assertEquals(List.of(args), plan.refusals().get(0).args());
        }
    }

    @Test
    void aCleanPluginPasses() throws Exception {
        DryRun plan = plan(Kind.INSTALL, "com.example.clean", "1.0.0", "Import-Package", "vn.congso.api;version=\"[1.3,2)\"",
                "Export-Package", "com.example.clean.api;version=1.0.0");
        assertTrue(plan.acceptable(), plan.refusals().toString());
    }

    @Test
    void refusesBecomingTheExporterOfThePluginApi() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Export-Package", "vn.congso.api;version=99.0.0"),
                "plugin.refused.package-of-core", "com.example.evil", "vn.congso.api", API.toString());
    }

    @Test
    void refusesSubstitutingACorePackage() throws Exception {
        // Export and import the same package, the way bnd makes a substitutable export.
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Export-Package",
                "org.apache.shiro.subject;version=2.0.6", "Import-Package", "org.apache.shiro.subject;version=\"[2,3)\""),
                "plugin.refused.package-of-core", "com.example.evil", "org.apache.shiro.subject", SHIRO.toString());
    }

    @Test
    void refusesExportingAnotherPluginsPackage() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Export-Package", "com.example.other.api;version=2.0.0"),
                "plugin.refused.package-of-plugin", "com.example.evil", "com.example.other.api", OTHER_PLUGIN.toString());
    }

    @Test
    void refusesAFragmentOfCoreOrOfAnotherPlugin() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Fragment-Host", "congso-core-api"),
                "plugin.refused.fragment-of-core", "com.example.evil", API.toString());
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Fragment-Host", "org.apache.shiro.core"),
                "plugin.refused.fragment-of-core", "com.example.evil", SHIRO.toString());
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Fragment-Host", "com.example.other"),
                "plugin.refused.fragment-of-plugin", "com.example.evil", OTHER_PLUGIN.toString());
    }

    @Test
    void refusesASymbolicNameOfCore() throws Exception {
        assertRefused(plan(Kind.INSTALL, "congso-core-api", "99.0.0"), "plugin.refused.core-name");
        assertRefused(plan(Kind.UPGRADE, "org.apache.shiro.core", "9.0.0"), "plugin.refused.core-name",
                "org.apache.shiro.core", SHIRO.toString());
    }

    @Test
    void refusesABundleMarkedAsCoreWhateverItsName() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.lookalike", "1.0.0", "CongSo-Core", "true"),
                "plugin.refused.core-bundle", "com.example.lookalike", "CongSo-Core");
    }

    @Test
    void refusesAPluginThatImportsACoreOnlyPackage() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.nosy", "1.0.0", "Import-Package",
                "vn.congso.core.spi;resolution:=optional"), "plugin.refused.core-package", "com.example.nosy",
                "vn.congso.core.spi");
    }

    @Test
    void anotherPluginsNameIsNotAnInstallOnlyItsOwnUpgrade() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.other", "2.0.0"), "plugin.refused.installed-other-version");
        DryRun upgrade = plan(Kind.UPGRADE, "com.example.other", "2.0.0", "Export-Package", "com.example.other.api;version=2.0.0");
        assertTrue(upgrade.acceptable(), "a real upgrade keeps its own packages: " + upgrade.refusals());
    }

    @Test
    void refusesProvidingOrBorrowingACapabilityOnlyCoreProvides() throws Exception {
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Provide-Capability",
                "osgi.extender;osgi.extender=osgi.component;version:Version=\"9.0\""),
                "plugin.refused.reserved-capability", "com.example.evil", "osgi.extender");
        assertRefused(plan(Kind.INSTALL, "com.example.evil", "1.0.0", "Require-Capability",
                "congso.theme;filter:=\"(congso.theme=dark)\""),
                "plugin.refused.reserved-capability", "com.example.evil", "congso.theme");
    }
}
