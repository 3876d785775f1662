package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongPasswordWithLettersAndDigitsIsAccepted() {
        assertTrue(PasswordPolicy.violations("nguyenvana", "Song Hau 2024 mua lu").isEmpty());
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertEquals(List.of("security.password.too-short", "security.password.letters-and-digits"),
                PasswordPolicy.violations("an", "abcdef"));
        assertEquals(List.of("security.password.letters-and-digits"),
                PasswordPolicy.violations("an", "onlyletterslong"));
        assertEquals(List.of("security.password.contains-username"),
                PasswordPolicy.violations("tranvanb", "xx-TranVanB-2025"));
        assertEquals(List.of("security.password.too-common"), PasswordPolicy.violations("user", "Password123"));
        assertEquals(List.of("security.password.too-short"), PasswordPolicy.violations("user", null));
    }

    @Test
    void vietnameseLettersCountAsLetters() {
        assertTrue(PasswordPolicy.violations("user", "Đồng bằng 2025").isEmpty());
    }

    @Test
    void theObviousPartsOfTheUsernameAreRefusedToo() {
        String contains = "security.password.contains-username";
        // The name before the dot, as people write it, with or without digits.
        assertTrue(PasswordPolicy.violations("tranthilan.taivan", "Tranthilan2026!").contains(contains));
        assertTrue(PasswordPolicy.violations("tranthilan.taivan", "matkhau TaiVan 99").contains(contains));
        assertTrue(PasswordPolicy.violations("lan2024.xa", "xinchao lan2024 a").contains(contains));
        assertTrue(PasswordPolicy.violations("nguyenvan2024.xa", "nguyenvan 12345 b").contains(contains));
        assertTrue(PasswordPolicy.violations("tranthilan.taivan", "tranthilan.taivan1").contains(contains));
        // A short part ("xa", "le") does not forbid every password with that syllable.
        assertEquals(List.of(), PasswordPolicy.violations("le.xa", "Xa le gan 2026"));
        assertEquals(List.of(), PasswordPolicy.violations("tranthilan.taivan", "Biển xanh 2026 đẹp"));
    }
}
