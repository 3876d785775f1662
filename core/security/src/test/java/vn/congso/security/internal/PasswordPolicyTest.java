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
}
