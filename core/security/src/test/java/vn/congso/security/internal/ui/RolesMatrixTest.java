package vn.congso.security.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.congso.security.internal.SecurityStore;

/** The roles matrix's lines as the district administrator reads them. */
class RolesMatrixTest {

    private static Properties texts() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RolesMatrixTest.class.getResourceAsStream("/OSGI-INF/l10n/security.properties");
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        // What the training plugin's bundle would add.
        p.setProperty("training.nav.group", "Đào tạo");
        p.setProperty("training.permission.course-manage", "Quản lý khóa học và bài học");
        return p;
    }

    @Test
    void permissionsAreGroupedByDomainWithFullDescriptionsAndMissingPluginsMarked() throws IOException {
        Properties p = texts();
        List<PermissionRegistry.Declared> declared = List.of(
                new PermissionRegistry.Declared("training:course:manage", "training.permission.course-manage", "t"),
                new PermissionRegistry.Declared("platform:users:manage", "security.permission.users-manage", "s"));
        List<SecurityStore.Role> roles = List.of(
                new SecurityStore.Role("administrator", "Quản trị viên", "Administrator", true, Set.of("*")),
                new SecurityStore.Role("clerk", "Cán bộ", "Clerk", false, Set.of("notices:entry:publish")));

        List<RolesView.Row> rows = RolesView.rows(declared, roles, p::containsKey, p::getProperty);

        assertEquals(List.of("platform", "platform:users:manage", "notices", "notices:entry:publish", "training",
                "training:course:manage"), rows.stream().map(RolesView.Row::permission).toList(),
                "the core's group first, a heading before each group, and no '*' line");
        Map<String, RolesView.Row> byName = rows.stream()
                .collect(java.util.stream.Collectors.toMap(RolesView.Row::permission, r -> r));
        assertTrue(byName.get("platform").heading());
        assertEquals("Nền tảng (lõi)", byName.get("platform").description());
        assertEquals("Đào tạo", byName.get("training").description(), "a plugin's group is named by its menu group");
        assertEquals("Quản lý khóa học và bài học", byName.get("training:course:manage").description());
        assertFalse(byName.get("notices:entry:publish").installed());
        assertEquals(p.getProperty("security.roles.not-installed"), byName.get("notices:entry:publish").description());
        assertTrue(byName.get("platform:users:manage").installed());
    }
}
