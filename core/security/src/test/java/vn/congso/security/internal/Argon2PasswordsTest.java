package vn.congso.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2PasswordsTest {

    private final Argon2Passwords passwords = new Argon2Passwords(1024, 1, 1);

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
        String hash = passwords.hash("Mật khẩu 2025".toCharArray());

        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"));
        assertTrue(passwords.verify("Mật khẩu 2025".toCharArray(), hash));
        assertFalse(passwords.verify("Mat khau 2025".toCharArray(), hash));
        assertNotEquals(hash, passwords.hash("Mật khẩu 2025".toCharArray()));
    }

    @Test
    void storedHashesKeepTheirOwnCost() {
        String cheap = passwords.hash("abc123456789".toCharArray());
        assertTrue(Argon2Passwords.standard().verify("abc123456789".toCharArray(), cheap));
    }

    @Test
    void garbageNeverVerifies() {
        assertFalse(passwords.verify("x".toCharArray(), null));
        assertFalse(passwords.verify("x".toCharArray(), "plain-text"));
    }
}
