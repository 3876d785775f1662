package vn.congso.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChangelogLocationTest {

    @Test
    void prefixesThePathWithTheBundle() {
        assertEquals("vn.congso.training/db/changelog.xml",
                ChangelogLocation.logicalPath("vn.congso.training", "db/changelog.xml"));
        assertEquals("p/db/changelog.xml", ChangelogLocation.logicalPath("p", " /db\\changelog.xml "));
    }

    @Test
    void refusesPathsOutsideTheBundleOrEmpty() {
        assertThrows(IllegalArgumentException.class, () -> ChangelogLocation.logicalPath("p", "../x.xml"));
        assertThrows(IllegalArgumentException.class, () -> ChangelogLocation.logicalPath("p", "db/../../x.xml"));
        assertThrows(IllegalArgumentException.class, () -> ChangelogLocation.logicalPath("p", " "));
        assertThrows(IllegalArgumentException.class, () -> ChangelogLocation.logicalPath("p", "/"));
        assertThrows(IllegalArgumentException.class, () -> ChangelogLocation.logicalPath("a/b", "x.xml"));
    }
}
