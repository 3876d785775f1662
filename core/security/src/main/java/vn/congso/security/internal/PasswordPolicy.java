package vn.congso.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: long enough, with letters and digits, not the username, not one
 * of the passwords everybody tries first. Each violation is a translation key, so the form
 * can say exactly what to fix.
 */
public final class PasswordPolicy {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 10;
    /** The longest password accepted (Argon2 input stays bounded). */
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("1234567890", "123456789a", "password123", "matkhau123",
            "qwertyuiop", "abc1234567", "admin12345", "congso1234", "12345678910", "a123456789");

    private PasswordPolicy() {
    }

    /**
     * Checks a password.
     *
     * @param username the account's username, which the password may not contain
     * @param password the candidate
     * @return translation keys of the violated rules; empty when the password is acceptable
     */
    public static List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("security.password.too-short");
            if (password == null) {
                return problems;
            }
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("security.password.too-long");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            problems.add("security.password.letters-and-digits");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && nameParts(username).stream().anyMatch(lower::contains)) {
            problems.add("security.password.contains-username");
        }
        if (COMMON.contains(lower)) {
            problems.add("security.password.too-common");
        }
        return problems;
    }

    /**
     * The parts of a username a password may not contain: the whole name and each part between
     * dots, dashes or underscores, with and without its digits ("tranthilan.taivan" gives
     * "tranthilan" and "taivan"; "lan2024.xa" gives "lan2024" and "lan"), each of at least
     * {@value #MIN_NAME_PART} characters so that a short part does not forbid common syllables.
     *
     * @param username the account's username
     * @return lower-case parts, the whole name first
     */
    static Set<String> nameParts(String username) {
        Set<String> parts = new java.util.LinkedHashSet<>();
        String lower = username.toLowerCase(Locale.ROOT).strip();
        parts.add(lower);
        for (String part : lower.split("[._@\\-]+")) {
            parts.add(part);
            parts.add(part.replaceAll("\\d+", ""));
        }
        parts.removeIf(part -> part.length() < MIN_NAME_PART);
        return parts;
    }

    /** The shortest part of a username that a password may not contain. */
    static final int MIN_NAME_PART = 4;
}
