package vn.congso.security.internal.units;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.congso.api.units.OrgUnit;
import vn.congso.security.internal.UserCsv;

/**
 * Reads a reorganisation file: UTF-8 CSV, {@code #} comments and blank lines ignored. The first
 * line is {@code effective,<yyyy-mm-dd>,<title>}; every other line is one operation
 * {@code operation,units,codes,names,level,parent}, lists separated by {@code ;}:
 * <pre>
 * create,,can-tho,Thành phố Cần Thơ,province,
 * merge,tt-tran-de;xa-dai-an-2,xa-tran-de,Xã Trần Đề,commune,can-tho
 * split,xa-a,xa-b;xa-c,Xã B;Xã C,,
 * rename,xa-a,xa-b,Xã B,,
 * abolish-level,district,xa-tran-de,,,
 * </pre>
 * A merge into a unit that exists names it in {@code codes} and leaves name and level empty.
 * {@code abolish-level} names the level in {@code units} and, in {@code codes}, the unit that
 * receives the accounts of the abolished units. Whether the units exist is checked by
 * {@link ReorganisationPlanner}; this class checks the form.
 */
public final class ReorganisationFile {

    /** The largest accepted file. */
    public static final int MAX_BYTES = 512 * 1024;
    /** The most operations in one file. */
    public static final int MAX_OPERATIONS = 5_000;
    /** The longest unit or reorganisation name. */
    public static final int MAX_NAME = 200;

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ReorganisationFile() {
    }

    /**
     * What reading a file gave.
     *
     * @param reorganisation the reorganisation, when the file has no problem
     * @param problems every problem found, in line order
     */
    public record Parsed(Optional<Reorganisation> reorganisation, List<UnitProblem> problems) {

        /** Copies the problems. */
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads a file's bytes.
     *
     * @param bytes the file
     * @return the reorganisation or the problems
     */
    public static Parsed parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return refused(UnitProblem.at(0, "units.error.too-large", MAX_BYTES / 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return refused(UnitProblem.at(0, "units.error.not-text"));
        }
        if (text.indexOf('\0') >= 0) {
            return refused(UnitProblem.at(0, "units.error.not-text"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text);
    }

    private static Parsed parse(String text) {
        List<UnitProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        LocalDate effective = null;
        String title = null;
        List<Reorganisation.Operation> operations = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = UserCsv.split(line).stream().map(String::strip).toList();
            } catch (IllegalArgumentException e) {
                problems.add(UnitProblem.at(lineNo, "units.error.quote"));
                continue;
            }
            if (effective == null && title == null) {
                if (!cells.get(0).equals("effective") || cells.size() != 3) {
                    problems.add(UnitProblem.at(lineNo, "units.error.header"));
                    return new Parsed(Optional.empty(), problems);
                }
                try {
                    effective = LocalDate.parse(cells.get(1));
                } catch (DateTimeParseException e) {
                    problems.add(UnitProblem.at(lineNo, "units.error.date", cells.get(1)));
                }
                title = cells.get(2);
                if (title.isEmpty() || title.length() > MAX_NAME) {
                    problems.add(UnitProblem.at(lineNo, "units.error.title", MAX_NAME));
                }
                continue;
            }
            if (operations.size() == MAX_OPERATIONS) {
                problems.add(UnitProblem.at(lineNo, "units.error.too-many", MAX_OPERATIONS));
                break;
            }
            operation(lineNo, cells, problems).ifPresent(operations::add);
        }
        if (effective == null && title == null) {
            problems.add(UnitProblem.at(0, "units.error.header"));
        } else if (operations.isEmpty() && problems.isEmpty()) {
            problems.add(UnitProblem.at(0, "units.error.empty"));
        }
        if (!problems.isEmpty() || effective == null) {
            return new Parsed(Optional.empty(), problems);
        }
        return new Parsed(Optional.of(new Reorganisation(title, effective, operations)), List.of());
    }

    private static Optional<Reorganisation.Operation> operation(int line, List<String> cells, List<UnitProblem> problems) {
        Optional<Reorganisation.Kind> kind = Reorganisation.Kind.of(cells.get(0).toLowerCase(Locale.ROOT));
        if (kind.isEmpty()) {
            problems.add(UnitProblem.at(line, "units.error.operation", cells.get(0)));
            return Optional.empty();
        }
        if (cells.size() != 6) {
            problems.add(UnitProblem.at(line, "units.error.columns", cells.size()));
            return Optional.empty();
        }
        int before = problems.size();
        List<String> units = list(cells.get(1));
        List<String> codes = list(cells.get(2));
        List<String> names = list(cells.get(3));
        Optional<OrgUnit.Level> level = level(line, cells.get(4), problems);
        Optional<String> parent = cells.get(5).isEmpty() ? Optional.empty() : Optional.of(cells.get(5));
        Optional<OrgUnit.Level> abolished = Optional.empty();
        if (kind.get() == Reorganisation.Kind.ABOLISH_LEVEL) {
            if (units.size() != 1) {
                problems.add(UnitProblem.at(line, "units.error.level", cells.get(1)));
            } else {
                abolished = level(line, units.get(0), problems);
            }
            units = List.of();
        }
        for (String code : concat(units, codes, parent.stream().toList())) {
            if (!CODE.matcher(code).matches()) {
                problems.add(UnitProblem.at(line, "units.error.code", code));
            }
        }
        for (String name : names) {
            if (name.length() > MAX_NAME) {
                problems.add(UnitProblem.at(line, "units.error.name", MAX_NAME));
            }
        }
        boolean shape = switch (kind.get()) {
            case CREATE -> units.isEmpty() && codes.size() == 1 && names.size() == 1 && level.isPresent();
            case MERGE -> !units.isEmpty() && codes.size() == 1 && names.size() <= 1;
            case SPLIT -> units.size() == 1 && codes.size() >= 2 && names.size() == codes.size();
            case RENAME -> units.size() == 1 && codes.size() == 1 && names.size() == 1;
            case ABOLISH_LEVEL -> codes.size() <= 1 && names.isEmpty() && level.isEmpty() && parent.isEmpty();
        };
        if (!shape && problems.size() == before) {
            problems.add(UnitProblem.at(line, "units.error.shape." + kind.get().word()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Reorganisation.Operation(line, kind.get(), units, abolished, codes, names, level, parent));
    }

    private static Optional<OrgUnit.Level> level(int line, String word, List<UnitProblem> problems) {
        if (word.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrgUnit.Level.valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(UnitProblem.at(line, "units.error.level", word));
            return Optional.empty();
        }
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of()
                : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static Parsed refused(UnitProblem problem) {
        return new Parsed(Optional.empty(), List.of(problem));
    }
}
