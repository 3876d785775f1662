package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import vn.congso.admin.internal.DryRun.Kind;

/** Identity rules and requirement matching of the dry run, against a made-up installed set. */
class DryRunPlannerTest {

    private static final BundleRef SYSTEM = new BundleRef("org.apache.felix.framework", "7.0.5");
    private static final BundleRef VAADIN = new BundleRef("congso-core-ui", "0.1.0");

    private static Capability pkg(String name, String version, BundleRef provider) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("osgi.wiring.package", name);
        attributes.put("version", Version.parseVersion(version));
        return new Capability("osgi.wiring.package", attributes, provider);
    }

    private static List<InstalledBundle> core() {
        Map<String, Object> ee = new HashMap<>();
        ee.put("osgi.ee", "JavaSE");
        ee.put("version", List.of(Version.parseVersion("11"), Version.parseVersion("17")));
        Map<String, Object> scr = new HashMap<>();
        scr.put("osgi.extender", "osgi.component");
        scr.put("version", Version.parseVersion("1.5.0"));
        return List.of(
                new InstalledBundle(SYSTEM, false, List.of(pkg("org.osgi.framework", "1.10.0", SYSTEM),
                        new Capability("osgi.ee", ee, SYSTEM)), Set.of()),
                new InstalledBundle(VAADIN, false, List.of(pkg("com.vaadin.flow.component", "24.9.14", VAADIN),
                        new Capability("osgi.extender", scr, VAADIN)), Set.of()));
    }

    private static BundleCandidate candidate(String bsn, String version, String... headers) throws Refusal {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        TestJars.headers(bsn, version, headers).forEach(manifest.getMainAttributes()::putValue);
        return BundleCandidate.read(Path.of(bsn + ".jar"), manifest);
    }

    private static DryRun plan(Kind kind, BundleCandidate candidate, List<InstalledBundle> installed) {
        return DryRunPlanner.plan(kind, List.of(candidate), Optional.empty(), installed, CorePolicy.standard());
    }

    @Test
    void matchesImportsWithinTheirVersionRangesAndNamesTheProviders() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0",
                "Import-Package", "com.vaadin.flow.component;version=\"[24.9,25)\",org.osgi.framework;version=\"[1.8,2)\"",
                "Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\","
                        + "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))\""),
                core());
        assertTrue(plan.acceptable(), plan.refusals().toString());
        assertEquals(4, plan.providers().size());
        assertEquals(VAADIN, plan.providers().get(0).provider());
        assertEquals(List.of(new BundleRef("p", "1.0.0")), plan.toInstall());
        assertEquals(List.of(), plan.toRefresh());
    }

    @Test
    void refusesAnImportOutsideTheInstalledVersionsAndNamesIt() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0",
                "Import-Package", "com.vaadin.flow.component;version=\"[25,26)\",com.example.missing"), core());
        assertEquals("plugin.refused.unresolved", plan.refusals().get(0).key());
        String missing = plan.refusals().get(0).args().get(1).toString();
        assertTrue(missing.contains("com.vaadin.flow.component [25.0.0,26.0.0)"), missing);
        assertTrue(missing.contains("com.example.missing"), missing);
    }

    @Test
    void refusesAJavaVersionTheRuntimeDoesNotOffer() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0",
                "Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=21))\""), core());
        assertEquals("plugin.refused.unresolved", plan.refusals().get(0).key());
    }

    @Test
    void ignoresOptionalImportsAndRequirementsEffectiveOnlyAtRuntime() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0",
                "Import-Package", "com.example.optional;resolution:=optional",
                "Require-Capability", "osgi.service;filter:=\"(objectClass=com.example.Service)\";effective:=active"), core());
        assertTrue(plan.acceptable(), plan.refusals().toString());
    }

    @Test
    void letsABundleImportWhatItExportsItself() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0",
                "Export-Package", "com.example.api;version=\"1.2\"",
                "Import-Package", "com.example.api;version=\"[1.2,2)\""), core());
        assertTrue(plan.acceptable(), plan.refusals().toString());
        assertEquals(new BundleRef("p", "1.0.0"), plan.providers().get(0).provider());
    }

    @Test
    void requireBundleRespectsItsRange() throws Exception {
        assertTrue(plan(Kind.INSTALL, candidate("p", "1.0.0", "Require-Bundle", "congso-core-ui;bundle-version=\"[0.1,1)\""),
                withBundleCapability()).acceptable());
        assertEquals("plugin.refused.unresolved", plan(Kind.INSTALL,
                candidate("p", "1.0.0", "Require-Bundle", "congso-core-ui;bundle-version=\"[1,2)\""), withBundleCapability())
                .refusals().get(0).key());
    }

    private static List<InstalledBundle> withBundleCapability() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("osgi.wiring.bundle", "congso-core-ui");
        attributes.put("bundle-version", Version.parseVersion("0.1.0"));
        return List.of(new InstalledBundle(VAADIN, false, List.of(new Capability("osgi.wiring.bundle", attributes, VAADIN)),
                Set.of()));
    }

    @Test
    void refusesTheSamePluginTwice() throws Exception {
        List<InstalledBundle> installed = List.of(new InstalledBundle(new BundleRef("p", "1.0.0"), true, List.of(), Set.of()));
        assertEquals("plugin.refused.already-installed", plan(Kind.INSTALL, candidate("p", "1.0.0"), installed).refusals().get(0).key());
        assertEquals("plugin.refused.installed-other-version", plan(Kind.INSTALL, candidate("p", "2.0.0"), installed).refusals().get(0).key());
    }

    @Test
    void refusesADowngradeAttemptedAsAnUpgrade() throws Exception {
        List<InstalledBundle> installed = List.of(new InstalledBundle(new BundleRef("p", "2.0.0"), true, List.of(), Set.of()));
        DryRun plan = plan(Kind.UPGRADE, candidate("p", "1.9.9"), installed);
        assertEquals("plugin.refused.not-newer", plan.refusals().get(0).key());
        assertEquals(List.of("p", "1.9.9", "2.0.0"), plan.refusals().get(0).args());
    }

    @Test
    void anUpgradeUpdatesAndRefreshesOnlyThePlugin() throws Exception {
        BundleRef old = new BundleRef("p", "1.0.0");
        DryRun plan = plan(Kind.UPGRADE, candidate("p", "1.10.0"), List.of(new InstalledBundle(old, true, List.of(), Set.of())));
        assertTrue(plan.acceptable(), plan.refusals().toString());
        assertEquals(List.of(new BundleRef("p", "1.10.0")), plan.toUpdate());
        assertEquals(List.of(new BundleRef("p", "1.10.0")), plan.toRefresh());
        assertEquals(List.of(), plan.toInstall());
    }

    @Test
    void refusesAnUpgradeThatWouldRefreshAnotherBundle() throws Exception {
        BundleRef other = new BundleRef("q", "1.0.0");
        DryRun plan = plan(Kind.UPGRADE, candidate("p", "2.0.0"),
                List.of(new InstalledBundle(new BundleRef("p", "1.0.0"), true, List.of(), Set.of(other))));
        assertEquals("plugin.refused.refreshes-other", plan.refusals().get(0).key());
    }

    @Test
    void refusesABundleThatWouldReplaceOrAttachToACoreBundle() throws Exception {
        assertEquals("plugin.refused.core-name", plan(Kind.INSTALL, candidate("congso-core-ui", "9.0.0"), core())
                .refusals().get(0).key());
        DryRun fragment = plan(Kind.INSTALL, candidate("evil", "1.0.0", "Fragment-Host", "congso-core-ui"), core());
        assertEquals("plugin.refused.fragment-of-core", fragment.refusals().get(0).key());
        assertEquals(List.of("evil", "congso-core-ui/0.1.0"), fragment.refusals().get(0).args());
    }

    @Test
    void anUpgradeOfABundleNotInstalledThroughTheServiceIsRefusedAsCore() throws Exception {
        DryRun plan = plan(Kind.UPGRADE, candidate("org.apache.felix.framework", "9.0.0"), core());
        assertEquals("plugin.refused.core-name", plan.refusals().get(0).key());
        assertEquals(List.of("org.apache.felix.framework", SYSTEM.toString()), plan.refusals().get(0).args());
    }

    @Test
    void aBundleMarkedAsCoreIsRefusedWhateverItsNameEvenWhenNoBundleHasIt() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("innocent-name", "1.0.0", "CongSo-Core", "true"), core());
        assertEquals("plugin.refused.core-bundle", plan.refusals().get(0).key());
        assertEquals(List.of("innocent-name", "CongSo-Core"), plan.refusals().get(0).args());
        assertTrue(plan(Kind.INSTALL, candidate("congso-core-new", "1.0.0"), core()).refusals().isEmpty(),
                "a name alone no longer makes a bundle core: the mark does");
    }

    @Test
    void aPluginMayNotImportACoreOnlyPackageNotEvenOptionallyOrDynamically() throws Exception {
        for (String[] headers : List.of(
                new String[] {"Import-Package", "vn.congso.core.spi;version=\"[1,2)\""},
                new String[] {"Import-Package", "vn.congso.core.spi;resolution:=optional"},
                new String[] {"DynamicImport-Package", "vn.congso.*"},
                new String[] {"DynamicImport-Package", "*"})) {
            DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0", headers), core());
            assertEquals("plugin.refused.core-package", plan.refusals().get(0).key(), String.join(": ", headers));
        }
        assertTrue(plan(Kind.INSTALL, candidate("p", "1.0.0", "DynamicImport-Package", "vn.congso.api.*"), core())
                .refusals().isEmpty());
    }

    @Test
    void refusesAnExportOfACorePackageWhateverItsVersion() throws Exception {
        DryRun plan = plan(Kind.INSTALL, candidate("p", "1.0.0", "Export-Package",
                "com.vaadin.flow.component;version=99.0.0"), core());
        assertEquals("plugin.refused.package-of-core", plan.refusals().get(0).key());
        assertEquals(List.of("p", "com.vaadin.flow.component", VAADIN.toString()), plan.refusals().get(0).args());
        DryRun api = plan(Kind.INSTALL, candidate("p", "1.0.0", "Export-Package", "vn.congso.api.extra"), core());
        assertEquals("plugin.refused.package-of-core", api.refusals().get(0).key(), "the API name space is reserved");
    }

    @Test
    void anUpgradeMayKeepExportingItsOwnPackages() throws Exception {
        BundleRef installed = new BundleRef("p", "1.0.0");
        DryRun plan = plan(Kind.UPGRADE, candidate("p", "2.0.0", "Export-Package", "com.example.p.api;version=2.0.0"),
                List.of(new InstalledBundle(installed, true, List.of(pkg("com.example.p.api", "1.0.0", installed)), Set.of())));
        assertTrue(plan.acceptable(), plan.refusals().toString());
    }

    @Test
    void refusesACapabilityOnlyCoreMayProvide() throws Exception {
        DryRun provides = plan(Kind.INSTALL, candidate("p", "1.0.0", "Provide-Capability",
                "osgi.extender;osgi.extender=osgi.component;version:Version=\"9.0\""), core());
        assertEquals("plugin.refused.reserved-capability", provides.refusals().get(0).key());
        assertEquals(List.of("p", "osgi.extender"), provides.refusals().get(0).args());
    }
}
