package vn.congso.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plugin API against the last released one ({@code core/api/baseline/congso-core-api.jar}),
 * package by package, with bnd's baseline: a package that changed incompatibly (a type or a
 * method removed, a method added to an interface plugins implement) must have raised its major
 * version, a compatible addition its minor version. Fails the build otherwise, naming the
 * package, its version and the version bnd says it needs. At a release, the built jar becomes
 * the new baseline (see the README, "Versioning the plugin API").
 */
class ApiBaselineIT {

    private static final File BUILT = new File(System.getProperty("api.jar", "target/congso-core-api.jar"));
    private static final File RELEASED = new File(System.getProperty("api.baseline", "baseline/congso-core-api.jar"));

    @Test
    void everyPackageOfTheApiIsVersionedForWhatChangedSinceTheLastRelease() throws Exception {
        try (Jar built = new Jar(BUILT); Jar released = new Jar(RELEASED)) {
            List<String> wrong = mismatches(built, released);
            assertTrue(wrong.isEmpty(), "API packages changed without the version they need:\n" + String.join("\n", wrong));
        }
    }

    @Test
    void aTypeRemovedWithoutANewMajorVersionIsCaught() throws Exception {
        // The check must be able to fail: the released jar with one of its types taken out, its
        // package versions left as they were, stands for a careless change.
        try (Jar released = new Jar(RELEASED); Jar careless = new Jar(RELEASED)) {
            // A public type plugins use: the translations every screen and service reads.
            String removed = "vn/congso/api/TranslationService.class";
            assertTrue(careless.getResources().containsKey(removed), removed + " is not in the released API");
            careless.remove(removed);
            List<String> wrong = mismatches(careless, released);
            assertFalse(wrong.isEmpty(), "removing " + removed + " without a major version went unnoticed");
        }
    }

    private static List<String> mismatches(Jar newer, Jar older) throws Exception {
        try (Processor reporter = new Processor()) {
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null);
            return infos.stream().filter(info -> info.mismatch)
                    .map(info -> "  " + info.packageName + " " + info.newerVersion + " (was " + info.olderVersion
                            + "; needs " + info.suggestedVersion + ")")
                    .sorted().collect(Collectors.toList());
        }
    }
}
