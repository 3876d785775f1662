package vn.congso.security.internal.units;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.security.internal.SecurityService;

/**
 * The platform's {@link UnitDirectory}, and reorganisations: a file is previewed (nothing
 * changes) and applied (all or nothing, checked again inside the transaction), both needing
 * {@link #PERMISSION} from the screen; the console's administrator needs none. Every application
 * and every refusal to apply is audited.
 */
@Component(service = {UnitDirectory.class, UnitService.class})
public final class UnitService implements UnitDirectory {

    /** The permission to reorganise units. */
    public static final String PERMISSION = "platform:units:manage";
    /** The audit action of an application. */
    public static final String AUDIT_ACTION = "units.reorganise";

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * What checking a file gave.
     *
     * @param plan the changes, when the file is acceptable
     * @param problems why it is not, in line order
     * @param reorganisationId the id of the applied reorganisation, 0 for a preview or a refusal
     */
    public record Outcome(Optional<ReorganisationPlanner.Plan> plan, List<UnitProblem> problems, long reorganisationId) {

        /** Copies the problems. */
        public Outcome {
            problems = List.copyOf(problems);
        }

        /** @return whether the file is acceptable (previewed) or was applied */
        public boolean succeeded() {
            return plan.isPresent();
        }
    }

    private final UnitsStore store;
    private final AuditLog audit;
    private final CurrentUserService users;

    /**
     * Starts the service over the platform database. The security service itself answers who is
     * signed in (not whichever {@link CurrentUserService} ranks highest when this one starts).
     */
    @Activate
    public UnitService(@Reference Database database, @Reference AuditLog audit, @Reference SecurityService users) {
        this(new UnitsStore(database.dataSource()), audit, (CurrentUserService) users);
    }

    UnitService(UnitsStore store, AuditLog audit, CurrentUserService users) {
        this.store = store;
        this.audit = audit;
        this.users = users;
    }

    /** @return today in Vietnam */
    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /**
     * Checks a file and works out its changes; changes nothing.
     *
     * @param file the file's bytes
     * @return the plan or the problems
     * @throws AccessDeniedException without {@link #PERMISSION}
     */
    public Outcome preview(byte[] file) {
        require();
        return previewForConsole(file);
    }

    /**
     * Applies a file, all or nothing.
     *
     * @param file the file's bytes
     * @param fileName its name, for the record
     * @return what was applied, or the problems (then nothing changed)
     * @throws AccessDeniedException without {@link #PERMISSION}
     */
    public Outcome apply(byte[] file, String fileName) {
        require();
        return apply(file, fileName, users.current().id(), false);
    }

    /** {@link #preview} for the Karaf console, whose user is an administrator already. */
    public Outcome previewForConsole(byte[] file) {
        ReorganisationFile.Parsed parsed = ReorganisationFile.parse(file);
        if (parsed.reorganisation().isEmpty()) {
            return new Outcome(Optional.empty(), parsed.problems(), 0);
        }
        try {
            ReorganisationPlanner.Result result = ReorganisationPlanner.plan(parsed.reorganisation().get(),
                    store.units(), store.accountUnits(), today());
            return new Outcome(result.plan(), result.problems(), 0);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the units", e);
        }
    }

    /** {@link #apply} for the Karaf console; the audit log names {@code actor}. */
    public Outcome applyForConsole(byte[] file, String fileName, String actor) {
        return apply(file, fileName, actor, true);
    }

    private Outcome apply(byte[] file, String fileName, String actor, boolean console) {
        ReorganisationFile.Parsed parsed = ReorganisationFile.parse(file);
        Outcome outcome;
        if (parsed.reorganisation().isEmpty()) {
            outcome = new Outcome(Optional.empty(), parsed.problems(), 0);
        } else {
            try {
                UnitsStore.Applied applied = store.apply(parsed.reorganisation().get(), fileName, actor, today());
                outcome = new Outcome(applied.result().plan(), applied.result().problems(), applied.reorganisationId());
            } catch (SQLException | RuntimeException e) {
                record(console, actor, fileName, AuditLog.Outcome.FAILURE, String.valueOf(e.getMessage()));
                throw new IllegalStateException("The reorganisation was not applied; nothing changed", e);
            }
        }
        if (outcome.succeeded()) {
            record(console, actor, fileName, AuditLog.Outcome.SUCCESS, UnitsStore.summary(outcome.plan().get()));
        } else {
            UnitProblem first = outcome.problems().get(0);
            record(console, actor, fileName, AuditLog.Outcome.DENIED, outcome.problems().size() + " problem(s), first at line "
                    + first.line() + ": " + first.key() + " " + first.args());
        }
        return outcome;
    }

    private void record(boolean console, String actor, String fileName, AuditLog.Outcome outcome, String detail) {
        if (console) {
            audit.record(actor, null, AUDIT_ACTION, fileName, outcome, detail);
        } else {
            audit.record(AUDIT_ACTION, fileName, outcome, detail);
        }
    }

    private void require() {
        if (!users.current().isPermitted(PERMISSION)) {
            audit.record(AUDIT_ACTION, "", AuditLog.Outcome.DENIED, "permission " + PERMISSION + " is missing");
            throw new AccessDeniedException(PERMISSION);
        }
    }

    // ---- UnitDirectory ----

    /**
     * {@inheritDoc} Each unit carries the parent it had on that day: before the district level
     * was abolished the communes sit under the district, from that day under the province.
     */
    @Override
    public List<OrgUnit> validOn(LocalDate day) {
        Map<String, List<UnitsStore.ParentPeriod>> parents;
        try {
            parents = store.parents();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the unit parents", e);
        }
        return units().values().stream().filter(u -> u.validOn(day)).map(u -> {
            Optional<String> parent = parents.getOrDefault(u.code(), List.of()).stream().filter(p -> p.covers(day))
                    .findFirst().map(UnitsStore.ParentPeriod::parent).orElse(u.parent());
            return parent.equals(u.parent()) ? u
                    : new OrgUnit(u.code(), u.name(), u.level(), parent, u.validFrom(), u.validTo());
        }).toList();
    }

    @Override
    public Optional<OrgUnit> unit(String code) {
        return Optional.ofNullable(units().get(code));
    }

    @Override
    public List<OrgUnit> successors(String code, LocalDate day) {
        Map<String, OrgUnit> units = units();
        Map<String, List<String>> links;
        try {
            links = store.successors();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the unit successors", e);
        }
        List<OrgUnit> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            OrgUnit unit = units.get(next);
            if (unit == null || !seen.add(next)) {
                continue;
            }
            if (unit.validOn(day)) {
                found.add(unit);
            } else if (!unit.validFrom().isAfter(day)) {
                todo.addAll(links.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    @Override
    public Optional<OrgUnit> unitOf(String username, LocalDate day) {
        try {
            return store.unitOf(username, day).map(code -> units().get(code));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the unit history of " + username, e);
        }
    }

    private Map<String, OrgUnit> units() {
        try {
            Map<String, OrgUnit> units = new LinkedHashMap<>();
            store.units().forEach(u -> units.put(u.code(), u));
            return units;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the units", e);
        }
    }
}
