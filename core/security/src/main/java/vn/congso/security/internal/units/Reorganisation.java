package vn.congso.security.internal.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.congso.api.units.OrgUnit;

/**
 * A reorganisation as read from its file: when it takes effect, its title, and its operations in
 * file order.
 *
 * @param title what the reorganisation is, e.g. the decision that orders it
 * @param effective the first day of the new units
 * @param operations the operations, applied in order
 */
public record Reorganisation(String title, LocalDate effective, List<Operation> operations) {

    /** Copies the operations. */
    public Reorganisation {
        operations = List.copyOf(operations);
    }

    /** What an operation does. */
    public enum Kind {
        /** A new unit. */
        CREATE("create"),
        /** Several units become one, new or existing. */
        MERGE("merge"),
        /** One unit becomes several; the first part takes over its accounts and sub-units. */
        SPLIT("split"),
        /** A unit gets a new name (and code); nothing else changes. */
        RENAME("rename"),
        /** Every unit of a level ends; their sub-units move up to their parent. */
        ABOLISH_LEVEL("abolish-level");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** @return the word in the file */
        public String word() {
            return word;
        }

        static Optional<Kind> of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One line of the file.
     *
     * @param line the 1-based line
     * @param kind what it does
     * @param units the codes of the units it ends (for {@code abolish-level}: empty)
     * @param abolishedLevel for {@code abolish-level}: the level that ends
     * @param codes the codes of the units it starts or merges into; for {@code abolish-level},
     *        optionally the unit that receives the accounts of the abolished units
     * @param names the names of the new units, one per code
     * @param level the level of the new units, empty to keep the old unit's
     * @param parent the parent of the new units, empty to keep the old unit's
     */
    public record Operation(int line, Kind kind, List<String> units, Optional<OrgUnit.Level> abolishedLevel,
            List<String> codes, List<String> names, Optional<OrgUnit.Level> level, Optional<String> parent) {

        /** Copies the lists. */
        public Operation {
            units = List.copyOf(units);
            codes = List.copyOf(codes);
            names = List.copyOf(names);
        }
    }
}
