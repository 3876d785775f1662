package vn.congso.security.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a user import file: UTF-8 CSV with the header
 * {@code username,full_name,email,phone,unit,roles} (roles separated by {@code ;}). Every
 * problem names its line; the import is all or nothing, so one bad line imports nothing.
 */
public final class UserCsv {

    /** The expected header. */
    public static final List<String> HEADER = List.of("username", "full_name", "email", "phone", "unit", "roles");

    /** Longest user name, in characters (also the pattern's bound). */
    public static final int MAX_USERNAME = 64;
    /** Longest full name, in characters. */
    public static final int MAX_FULL_NAME = 200;
    /** Longest e-mail address, in characters (RFC 5321's path limit). */
    public static final int MAX_EMAIL = 254;
    /** Longest phone number, in characters (also the pattern's bound). */
    public static final int MAX_PHONE = 32;
    /** Largest import file, in bytes and in characters (1 MB). */
    public static final int MAX_IMPORT_BYTES = 1024 * 1024;

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+() .-]{6,32}");

    /**
     * One user to create.
     *
     * @param line the line it came from
     * @param user the user's data
     */
    public record Row(int line, UserData user) {
    }

    /**
     * A problem on a line.
     *
     * @param line 1-based line number
     * @param key translation key
     * @param value the offending value, shown in the message
     */
    public record Problem(int line, String key, String value) {
    }

    /**
     * The outcome of reading a file.
     *
     * @param rows the users, when there are no problems
     * @param problems everything wrong, in line order
     */
    public record Result(List<Row> rows, List<Problem> problems) {
        /** Whether the file can be imported. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private UserCsv() {
    }

    /**
     * Parses and validates a file.
     *
     * @param text the file's content
     * @param knownUnits valid unit ids
     * @param knownRoles valid role ids
     * @param existingUsernames usernames already taken
     * @return rows or problems
     */
    public static Result parse(String text, Set<String> knownUnits, Set<String> knownRoles,
            Set<String> existingUsernames) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (text.length() > MAX_IMPORT_BYTES) {
            // Checked here too, for callers other than the upload (which stops at the same limit).
            problems.add(new Problem(1, "upload.refused.too-large", Integer.toString(MAX_IMPORT_BYTES / (1024 * 1024))));
            return new Result(List.of(), problems);
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            problems.add(new Problem(1, "security.import.empty", ""));
            return new Result(List.of(), problems);
        }
        List<String> header = split(lines[0]);
        if (!header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
            problems.add(new Problem(1, "security.import.bad-header", String.join(",", HEADER)));
            return new Result(List.of(), problems);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells;
            try {
                cells = split(lines[i]);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(lineNo, "security.import.bad-quotes", lines[i]));
                continue;
            }
            if (cells.size() != HEADER.size()) {
                problems.add(new Problem(lineNo, "security.import.column-count", Integer.toString(cells.size())));
                continue;
            }
            String username = cells.get(0).trim().toLowerCase(Locale.ROOT);
            String fullName = cells.get(1).trim();
            String email = cells.get(2).trim();
            String phone = cells.get(3).trim();
            String unit = cells.get(4).trim();
            Set<String> roles = new LinkedHashSet<>();
            for (String role : cells.get(5).split(";")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
            int before = problems.size();
            if (!USERNAME.matcher(username).matches()) {
                problems.add(new Problem(lineNo, "security.user.username.invalid", username));
            } else if (existingUsernames.contains(username)) {
                problems.add(new Problem(lineNo, "security.user.username.taken", username));
            } else if (!seen.add(username)) {
                problems.add(new Problem(lineNo, "security.import.duplicate", username));
            }
            if (fullName.isEmpty() || fullName.length() > MAX_FULL_NAME) {
                problems.add(new Problem(lineNo, "security.user.full-name.invalid", fullName));
            }
            if (!email.isEmpty() && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
                problems.add(new Problem(lineNo, "security.user.email.invalid", email));
            }
            if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                problems.add(new Problem(lineNo, "security.user.phone.invalid", phone));
            }
            if (!knownUnits.contains(unit)) {
                problems.add(new Problem(lineNo, "security.user.unit.invalid", unit));
            }
            for (String role : roles) {
                if (!knownRoles.contains(role)) {
                    problems.add(new Problem(lineNo, "security.user.role.invalid", role));
                }
            }
            if (problems.size() == before) {
                rows.add(new Row(lineNo, new UserData(username, fullName, email, phone, unit, true, roles)));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(1, "security.import.empty", ""));
        }
        return problems.isEmpty() ? new Result(List.copyOf(rows), List.of()) : new Result(List.of(), problems);
    }

    /**
     * Splits one CSV line: commas, double-quoted cells, doubled quotes inside quotes.
     *
     * @param line the line
     * @return its cells
     * @throws IllegalArgumentException when a quote is not closed
     */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
