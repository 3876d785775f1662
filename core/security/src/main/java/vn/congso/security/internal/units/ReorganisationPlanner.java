package vn.congso.security.internal.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.congso.api.units.OrgUnit;

/**
 * Checks a reorganisation against the units and accounts as they are and works out every change
 * it makes, without touching the database: the preview shows {@link Plan#changes()}, and
 * {@link UnitsStore#apply} writes exactly the plan, all or nothing.
 *
 * <p>Operations apply in file order, each seeing the result of the ones before. Ending a unit
 * moves its accounts and sub-units to its successor (the first part of a split); abolishing a
 * level moves the sub-units up to the abolished unit's parent and the accounts to the unit the
 * line names. A file that names an unknown or already ended unit, reuses a code, or would leave
 * an account without a unit is refused with the line, and nothing is planned.
 */
public final class ReorganisationPlanner {

    /**
     * One change, for the preview.
     *
     * @param line the line of the file that makes it
     * @param key the translation key that describes it
     * @param args its arguments
     */
    public record Change(int line, String key, List<Object> args) {

        /** Copies the arguments. */
        public Change {
            args = List.copyOf(args);
        }
    }

    /**
     * A successor link: {@code unit} ended and {@code successor} took over.
     *
     * @param unit the ended unit
     * @param successor its successor
     */
    public record Link(String unit, String successor) {
    }

    /**
     * Everything a reorganisation changes.
     *
     * @param reorganisation what was read
     * @param changes the changes in file order, for people
     * @param created the new units, in creation order (their final parent)
     * @param ended the codes of the units that end on the effective day
     * @param links successor links
     * @param reparented surviving units that get another parent (code → new parent, empty for none)
     * @param moves accounts that change unit (username → new unit)
     */
    public record Plan(Reorganisation reorganisation, List<Change> changes, List<OrgUnit> created, List<String> ended,
            List<Link> links, Map<String, Optional<String>> reparented, Map<String, String> moves) {
    }

    /**
     * The outcome: a plan, or the reasons for refusing the file.
     *
     * @param plan the plan when the file is acceptable
     * @param problems the reasons, in line order
     */
    public record Result(Optional<Plan> plan, List<UnitProblem> problems) {

        /** Copies the problems. */
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /** A unit while the plan is worked out. */
    private static final class Draft {
        final String code;
        final String name;
        final OrgUnit.Level level;
        Optional<String> parent;
        final boolean isNew;
        boolean ended;
        int endedAt;

        Draft(String code, String name, OrgUnit.Level level, Optional<String> parent, boolean isNew) {
            this.code = code;
            this.name = name;
            this.level = level;
            this.parent = parent;
            this.isNew = isNew;
        }
    }

    private final Map<String, Draft> units = new LinkedHashMap<>();
    private final Map<String, OrgUnit> known = new LinkedHashMap<>();
    private final Map<String, String> accounts = new TreeMap<>();
    private final Map<String, String> originalAccounts = new TreeMap<>();
    private final Map<String, String> originalParents = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<UnitProblem> problems = new ArrayList<>();
    private final Map<String, Integer> orphanedAt = new LinkedHashMap<>();
    private LocalDate effective;

    private ReorganisationPlanner(Collection<OrgUnit> allUnits, Map<String, String> accountUnits) {
        for (OrgUnit unit : allUnits) {
            known.put(unit.code(), unit);
        }
        accounts.putAll(accountUnits);
        originalAccounts.putAll(accountUnits);
    }

    /**
     * Plans a reorganisation.
     *
     * @param reorganisation the file's content
     * @param allUnits every unit, ended ones included
     * @param accountUnits every account's current unit (username → code)
     * @param today today in Vietnam: a reorganisation takes effect today or earlier
     * @return the plan or the problems
     */
    public static Result plan(Reorganisation reorganisation, Collection<OrgUnit> allUnits,
            Map<String, String> accountUnits, LocalDate today) {
        return new ReorganisationPlanner(allUnits, accountUnits).run(reorganisation, today);
    }

    private Result run(Reorganisation reorganisation, LocalDate today) {
        effective = reorganisation.effective();
        if (effective.isAfter(today)) {
            return new Result(Optional.empty(), List.of(UnitProblem.at(1, "units.error.future", effective, today)));
        }
        for (OrgUnit unit : known.values()) {
            if (unit.validOn(effective)) {
                units.put(unit.code(), new Draft(unit.code(), unit.name(), unit.level(), unit.parent(), false));
                originalParents.put(unit.code(), unit.parent().orElse(""));
            }
        }
        for (Reorganisation.Operation operation : reorganisation.operations()) {
            int before = problems.size();
            switch (operation.kind()) {
                case CREATE -> create(operation);
                case MERGE -> merge(operation);
                case SPLIT -> split(operation);
                case RENAME -> rename(operation);
                case ABOLISH_LEVEL -> abolish(operation);
            }
            if (problems.size() > before) {
                // Later lines would only report consequences of this one.
                break;
            }
        }
        if (problems.isEmpty()) {
            checkAccounts();
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(plan(reorganisation)), List.of());
    }

    private void create(Reorganisation.Operation op) {
        String code = op.codes().get(0);
        if (newCode(op.line(), code) && parentExists(op.line(), op.parent())) {
            add(op.line(), code, op.names().get(0), op.level().orElseThrow(), op.parent());
        }
    }

    private void merge(Reorganisation.Operation op) {
        String target = op.codes().get(0);
        List<Draft> sources = existing(op.line(), op.units());
        if (sources == null) {
            return;
        }
        Draft into = units.get(target);
        if (into != null && !into.ended) {
            if (!op.names().isEmpty() || op.level().isPresent() || op.parent().isPresent()) {
                problems.add(UnitProblem.at(op.line(), "units.error.merge-existing", target));
                return;
            }
            sources = sources.stream().filter(d -> !d.code.equals(target)).toList();
            if (sources.isEmpty()) {
                problems.add(UnitProblem.at(op.line(), "units.error.shape.merge"));
                return;
            }
            changes.add(new Change(op.line(), "units.change.merge-into", List.of(codes(sources), label(into))));
        } else {
            if (!newCode(op.line(), target)) {
                return;
            }
            if (op.names().isEmpty()) {
                problems.add(UnitProblem.at(op.line(), "units.error.merge-name", target));
                return;
            }
            Optional<String> parent = op.parent().isPresent() ? op.parent() : sources.get(0).parent;
            if (!parentExists(op.line(), parent)) {
                return;
            }
            into = add(op.line(), target, op.names().get(0), op.level().orElse(sources.get(0).level), parent);
            changes.add(new Change(op.line(), "units.change.merge-new", List.of(codes(sources), label(into))));
        }
        for (Draft source : sources) {
            end(op.line(), source, List.of(into.code));
        }
    }

    private void split(Reorganisation.Operation op) {
        List<Draft> sources = existing(op.line(), op.units());
        if (sources == null) {
            return;
        }
        Draft source = sources.get(0);
        Optional<String> parent = op.parent().isPresent() ? op.parent() : source.parent;
        if (!parentExists(op.line(), parent)) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < op.codes().size(); i++) {
            if (!newCode(op.line(), op.codes().get(i))) {
                return;
            }
            add(op.line(), op.codes().get(i), op.names().get(i), op.level().orElse(source.level), parent);
            parts.add(op.codes().get(i));
        }
        changes.add(new Change(op.line(), "units.change.split", List.of(label(source), String.join(", ", parts),
                parts.get(0))));
        end(op.line(), source, parts);
    }

    private void rename(Reorganisation.Operation op) {
        List<Draft> sources = existing(op.line(), op.units());
        if (sources == null || !newCode(op.line(), op.codes().get(0))) {
            return;
        }
        Draft source = sources.get(0);
        Optional<String> parent = op.parent().isPresent() ? op.parent() : source.parent;
        if (!parentExists(op.line(), parent)) {
            return;
        }
        Draft renamed = add(op.line(), op.codes().get(0), op.names().get(0), op.level().orElse(source.level), parent);
        changes.add(new Change(op.line(), "units.change.rename", List.of(label(source), label(renamed))));
        end(op.line(), source, List.of(renamed.code));
    }

    private void abolish(Reorganisation.Operation op) {
        OrgUnit.Level level = op.abolishedLevel().orElseThrow();
        Optional<Draft> receiver = Optional.empty();
        if (!op.codes().isEmpty()) {
            List<Draft> found = existing(op.line(), op.codes());
            if (found == null) {
                return;
            }
            receiver = Optional.of(found.get(0));
            if (receiver.get().level == level) {
                problems.add(UnitProblem.at(op.line(), "units.error.receiver-abolished", receiver.get().code));
                return;
            }
        }
        List<Draft> abolished = units.values().stream().filter(d -> !d.ended && d.level == level).toList();
        if (abolished.isEmpty()) {
            problems.add(UnitProblem.at(op.line(), "units.error.level-empty", level.name().toLowerCase()));
            return;
        }
        for (Draft unit : abolished) {
            for (Draft child : children(unit.code)) {
                reparent(child, unit.parent);
            }
            changes.add(new Change(op.line(), "units.change.abolish", List.of(label(unit),
                    receiver.map(this::label).orElse("-"))));
            endWithoutSuccessor(op.line(), unit, receiver.map(r -> r.code));
        }
    }

    /** Ends a unit that has successors: accounts and sub-units go to the first. */
    private void end(int line, Draft unit, List<String> successors) {
        for (String successor : successors) {
            links.add(new Link(unit.code, successor));
        }
        for (Draft child : children(unit.code)) {
            reparent(child, Optional.of(successors.get(0)));
        }
        moveAccounts(unit.code, successors.get(0));
        unit.ended = true;
        unit.endedAt = line;
    }

    /** Ends an abolished unit: accounts go to the receiver, or are left for the final check. */
    private void endWithoutSuccessor(int line, Draft unit, Optional<String> receiver) {
        receiver.ifPresent(r -> moveAccounts(unit.code, r));
        unit.ended = true;
        unit.endedAt = line;
        if (receiver.isEmpty() && accounts.containsValue(unit.code)) {
            orphanedAt.put(unit.code, line);
        }
    }

    private void moveAccounts(String from, String to) {
        accounts.replaceAll((username, unit) -> unit.equals(from) ? to : unit);
    }

    private void reparent(Draft child, Optional<String> parent) {
        child.parent = parent;
    }

    private List<Draft> children(String code) {
        return units.values().stream().filter(d -> !d.ended && d.parent.equals(Optional.of(code))).toList();
    }

    private void checkAccounts() {
        Map<String, TreeSet<String>> orphans = new LinkedHashMap<>();
        accounts.forEach((username, unit) -> {
            Draft draft = units.get(unit);
            if (draft == null || draft.ended) {
                orphans.computeIfAbsent(unit, u -> new TreeSet<>()).add(username);
            }
        });
        orphans.forEach((unit, usernames) -> {
            List<String> some = usernames.stream().limit(5).toList();
            problems.add(UnitProblem.at(orphanedAt.getOrDefault(unit, 0), "units.error.orphaned-accounts", unit,
                    usernames.size(), String.join(", ", some)));
        });
        problems.sort(java.util.Comparator.comparingInt(UnitProblem::line));
    }

    /** The named units, each existing and not ended; null (with a problem) otherwise. */
    private List<Draft> existing(int line, List<String> codes) {
        List<Draft> found = new ArrayList<>();
        for (String code : codes) {
            Draft draft = units.get(code);
            if (draft == null) {
                problems.add(UnitProblem.at(line, known.containsKey(code) ? "units.error.not-valid" : "units.error.unknown",
                        code, effective));
                return null;
            }
            if (draft.ended) {
                problems.add(UnitProblem.at(line, "units.error.ended", code, draft.endedAt));
                return null;
            }
            if (found.contains(draft)) {
                problems.add(UnitProblem.at(line, "units.error.twice", code));
                return null;
            }
            found.add(draft);
        }
        return found;
    }

    private boolean newCode(int line, String code) {
        if (known.containsKey(code) || units.containsKey(code)) {
            problems.add(UnitProblem.at(line, "units.error.exists", code));
            return false;
        }
        return true;
    }

    private boolean parentExists(int line, Optional<String> parent) {
        return parent.isEmpty() || existing(line, parent.stream().toList()) != null;
    }

    private Draft add(int line, String code, String name, OrgUnit.Level level, Optional<String> parent) {
        Draft draft = new Draft(code, name, level, parent, true);
        units.put(code, draft);
        changes.add(new Change(line, "units.change.create", List.of(label(draft), level.name().toLowerCase(),
                parent.orElse("-"))));
        return draft;
    }

    private String label(Draft draft) {
        return draft.name + " (" + draft.code + ")";
    }

    private static String codes(List<Draft> drafts) {
        return String.join(", ", drafts.stream().map(d -> d.code).toList());
    }

    private Plan plan(Reorganisation reorganisation) {
        List<OrgUnit> created = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        Map<String, Optional<String>> reparented = new LinkedHashMap<>();
        for (Draft draft : units.values()) {
            if (draft.isNew) {
                // A unit created and ended by the same file is valid on no day, but keeps its successor links.
                created.add(new OrgUnit(draft.code, draft.name, draft.level, draft.parent, effective,
                        draft.ended ? Optional.of(effective) : Optional.empty()));
            } else if (draft.ended) {
                ended.add(draft.code);
            } else if (!draft.parent.orElse("").equals(originalParents.get(draft.code))) {
                reparented.put(draft.code, draft.parent);
            }
        }
        Map<String, String> moves = new TreeMap<>();
        accounts.forEach((username, unit) -> {
            if (!unit.equals(originalAccounts.get(username))) {
                moves.put(username, unit);
            }
        });
        return new Plan(reorganisation, List.copyOf(changes), created, ended, List.copyOf(links), reparented, moves);
    }
}
