package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangelogDigestTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dependsOnContentAndPathsNotOnOrder() {
        String d = ChangelogDigest.of(Map.of("/db/a.xml", b("A"), "/db/b.xml", b("B")));
        assertEquals(64, d.length());
        assertEquals(d, ChangelogDigest.of(Map.of("/db/b.xml", b("B"), "/db/a.xml", b("A"))));
        assertNotEquals(d, ChangelogDigest.of(Map.of("/db/a.xml", b("A"), "/db/b.xml", b("B2"))));
        assertNotEquals(d, ChangelogDigest.of(Map.of("/db/a.xml", b("A"), "/db/c.xml", b("B"))));
        // Moving bytes between path and content must not collide.
        assertNotEquals(ChangelogDigest.of(Map.of("/a", b("bc"))), ChangelogDigest.of(Map.of("/ab", b("c"))));
    }

    @Test
    void theFolderOfAChangelog() {
        assertEquals("/db", ChangelogDigest.folderOf("db/changelog.xml"));
        assertEquals("/", ChangelogDigest.folderOf("changelog.xml"));
    }
}
