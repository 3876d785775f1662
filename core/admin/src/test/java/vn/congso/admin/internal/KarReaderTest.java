package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Where a features file's bundle locations are inside a .kar. */
class KarReaderTest {

    @Test
    void mapsMavenLocationsToRepositoryPaths() throws Exception {
        assertEquals("vn/congso/x/1.0/x-1.0.jar", KarReader.mavenPath("mvn:vn.congso/x/1.0", "a.kar"));
        assertEquals("vn/congso/x/1.0/x-1.0-tests.jar", KarReader.mavenPath("mvn:vn.congso/x/1.0/jar/tests", "a.kar"));
        assertEquals("g/x/2/x-2.jar", KarReader.mavenPath("wrap:mvn:g/x/2$Bundle-SymbolicName=x", "a.kar"));
    }

    @Test
    void refusesLocationsOutsideTheArchive() {
        assertEquals("plugin.refused.kar-missing-bundle",
                assertThrows(Refusal.class, () -> KarReader.mavenPath("http://example.com/x.jar", "a.kar")).problem().key());
    }
}
