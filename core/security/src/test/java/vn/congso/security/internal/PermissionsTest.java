package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void wildcardsImplyWhatTheyCover() {
        assertTrue(Permissions.implies(Set.of("*"), "platform:users:manage"));
        assertTrue(Permissions.implies(Set.of("training:*"), "training:exam:take"));
        assertTrue(Permissions.implies(Set.of("training:exam:take,manage"), "training:exam:manage"));
        assertFalse(Permissions.implies(Set.of("training:exam:take"), "training:exam:manage"));
        assertFalse(Permissions.implies(Set.of("training:*"), "platform:users:manage"));
        assertFalse(Permissions.implies(Set.of(), "training:exam:take"));
        assertFalse(Permissions.implies(Set.of("*"), ""));
    }

    @Test
    void onlyWellFormedPermissionsAreValid() {
        assertTrue(Permissions.isValid("publishing:article:edit"));
        assertTrue(Permissions.isValid("*"));
        assertFalse(Permissions.isValid("publishing::edit"));
        assertFalse(Permissions.isValid(":x"));
        assertFalse(Permissions.isValid("a b"));
        assertFalse(Permissions.isValid("<script>"));
    }
}
