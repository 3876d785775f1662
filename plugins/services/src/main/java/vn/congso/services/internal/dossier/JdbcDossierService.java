package vn.congso.services.internal.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Message;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.units.OrgUnit;
import vn.congso.api.units.UnitDirectory;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.web.PublicLinks;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.calendar.CalendarGapException;
import vn.congso.services.internal.calendar.CalendarService;
import vn.congso.services.internal.calendar.WorkingCalendar;
import vn.congso.services.internal.catalogue.FormValidation;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;

/** Dossiers in tables {@code svc_dossier}, {@code svc_dossier_event} and {@code svc_dossier_file}. */
@Component(service = DossierService.class, configurationPid = ServicesConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcDossierService implements DossierService {

    /** The rate-limit bucket of the anonymous look-up. */
    public static final String LOOKUP_BUCKET = "services:lookup";

    private static final String COLUMNS = "id, code, procedure_code, applicant, applicant_name, phone, email, channel,"
            + " receiving_unit, settling_unit, status, submitted_at, received_at, due_date, settled_at, on_time,"
            + " returned_at, note, form_data, step, assignee";
    /** The actions a late dossier may not take before its apology letter. */
    private static final java.util.Set<Action> FORWARD = java.util.EnumSet.of(Action.TRANSFER, Action.SETTLE, Action.RETURN,
            Action.ASSIGN, Action.PROPOSE, Action.APPROVE);
    private static final Pattern PHONE = Pattern.compile("(\\+84|0)[0-9]{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    private final Logger log = LoggerFactory.getLogger(JdbcDossierService.class);
    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final ProcedureCatalogue catalogue;
    private final CalendarService calendars;
    private final UnitDirectory units;
    private final RateLimiter limiter;
    private final PdfRenderer pdf;
    private final PublicLinks links;
    private final ServicesConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile NotificationService notifications;
    private volatile vn.congso.api.security.UserDirectory people;

    /**
     * @param database the database
     * @param users who is asking
     * @param audit the audit log
     * @param catalogue the procedures
     * @param calendars the working days
     * @param units the organisational units
     * @param limiter look-up limits
     * @param pdf the receipt's renderer
     * @param links the public base URL
     * @param config the settings
     */
    @Activate
    public JdbcDossierService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference ProcedureCatalogue catalogue, @Reference CalendarService calendars,
            @Reference UnitDirectory units, @Reference RateLimiter limiter, @Reference PdfRenderer pdf,
            @Reference PublicLinks links, ServicesConfig config) {
        this(database, users, audit, catalogue, calendars, units, limiter, pdf, links, config, Clock.systemUTC());
    }

    JdbcDossierService(Database database, CurrentUserService users, AuditLog audit, ProcedureCatalogue catalogue,
            CalendarService calendars, UnitDirectory units, RateLimiter limiter, PdfRenderer pdf, PublicLinks links,
            ServicesConfig config, Clock clock) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.units = units;
        this.limiter = limiter;
        this.pdf = pdf;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** @param service the platform's notifications, when installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setNotifications(NotificationService service) {
        this.notifications = service;
    }

    /** @param directory the accounts, to find the specialists a dossier may be assigned to */
    @Reference
    void setPeople(vn.congso.api.security.UserDirectory directory) {
        this.people = directory;
    }

    /** @param service the notifications going away */
    void unsetNotifications(NotificationService service) {
        if (this.notifications == service) {
            this.notifications = null;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
    }

    @Override
    public String currentUnit() {
        CurrentUser user = users.current();
        if (!user.isAuthenticated()) {
            return "";
        }
        return units.unitOf(user.id(), today()).map(OrgUnit::code).orElse("");
    }

    private Workflow.Actor actor() {
        CurrentUser user = users.current();
        return new Workflow.Actor(user.id(), currentUnit(), user::isPermitted);
    }

    @Override
    public Dossier submit(Submission s, Locale locale) {
        CurrentUser user = users.current();
        if (!user.isAuthenticated() || !user.isPermitted(ServicesPermissions.SUBMIT)) {
            audit.record("services.dossier.submit", s.procedureCode(), Outcome.DENIED, "missing " + ServicesPermissions.SUBMIT);
            throw new AccessDeniedException(ServicesPermissions.SUBMIT);
        }
        if (s.token() == null || s.token().isBlank() || s.token().length() > 64) {
            throw new WorkflowException("services.error.token");
        }
        Optional<Dossier> earlier = byToken(s.token());
        if (earlier.isPresent()) {
            if (!earlier.get().applicant().equals(user.id())) {
                throw new WorkflowException("services.error.token");
            }
            return earlier.get();
        }
        Procedure procedure = catalogue.get(s.procedureCode())
                .orElseThrow(() -> refuse(Action.SUBMIT, s.procedureCode(), "services.error.no-procedure"));
        if (!procedure.online()) {
            throw refuse(Action.SUBMIT, procedure.code(), "services.error.not-online");
        }
        OrgUnit unit = receivingUnit(procedure, s.unit());
        String name = s.applicantName() == null ? "" : s.applicantName().strip();
        String phone = s.phone() == null ? "" : s.phone().replaceAll("[\\s.\\-]", "");
        String email = s.email() == null ? "" : s.email().strip();
        Map<String, FormValidation.Problem> problems = new HashMap<>();
        if (name.isEmpty() || name.length() > 200) {
            problems.put("applicant-name", new FormValidation.Problem("services.form.required", List.of()));
        }
        if (!PHONE.matcher(phone).matches()) {
            problems.put("applicant-phone", new FormValidation.Problem("services.form.not-phone", List.of()));
        }
        if (!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
            problems.put("applicant-email", new FormValidation.Problem("services.form.not-email", List.of()));
        }
        FormValidation.Result form = FormValidation.check(catalogue.form(procedure.code()), s.form(), locale);
        problems.putAll(form.errors());
        if (!problems.isEmpty()) {
            audit.record("services.dossier.submit", procedure.code(), Outcome.DENIED,
                    Message.of("services.audit.form-invalid", problems.size()));
            throw new FormException(problems);
        }
        List<StoredFile> files = checkFiles(s.files());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The receiving desk's unit settles it too, until an inter-level dossier is handed over.
        String settling = unit.code();
        String code = newCode(now);
        long id;
        try {
            id = Jdbc.transaction(database.dataSource(), c -> {
                long newId = insertDossier(c, code, procedure.code(), user.id(), name, phone, email, Dossier.ONLINE,
                        unit.code(), settling, now, FormCodec.encode(form.values()), s.token());
                insertFiles(c, newId, files, user.id(), now);
                event(c, newId, now, user.id(), Action.SUBMIT, "", Status.SUBMITTED, unit.code(), "");
                // Last, so that the unit's row of the day is locked only until the commit that follows.
                DayTotals.add(c, DayTotals.day(now), unit.code(), 1, 1, 0, 0);
                return newId;
            });
        } catch (IllegalStateException e) {
            Optional<Dossier> raced = byToken(s.token());
            if (raced.isPresent() && raced.get().applicant().equals(user.id())) {
                return raced.get();
            }
            throw e;
        }
        audit.record("services.dossier.submit", code, Outcome.SUCCESS,
                Message.of("services.audit.submit", code, procedure.code(), unit.code(), files.size()));
        return load(id);
    }

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{12}|[0-9]{9}");

    @Override
    public Dossier enterAtCounter(CounterEntry e, Locale locale) {
        CurrentUser user = users.current();
        if (!user.isAuthenticated() || !user.isPermitted(ServicesPermissions.RECEIVE)) {
            audit.record("services.dossier.submit", e.procedureCode(), Outcome.DENIED, "missing " + ServicesPermissions.RECEIVE);
            throw new AccessDeniedException(ServicesPermissions.RECEIVE);
        }
        String desk = currentUnit();
        if (e.token() == null || e.token().isBlank() || e.token().length() > 64) {
            throw new WorkflowException("services.error.token");
        }
        Optional<Dossier> earlier = byToken(e.token());
        if (earlier.isPresent()) {
            if (!Dossier.COUNTER.equals(earlier.get().channel()) || !earlier.get().receivingUnit().equals(desk)) {
                throw new WorkflowException("services.error.token");
            }
            return earlier.get();
        }
        Procedure procedure = catalogue.get(e.procedureCode())
                .orElseThrow(() -> refuse(Action.SUBMIT, String.valueOf(e.procedureCode()), "services.error.no-procedure"));
        // Paper dossiers are taken for every procedure, online or not, at a desk that receives it.
        OrgUnit unit = receivingUnit(procedure, desk);
        String name = e.applicantName() == null ? "" : e.applicantName().strip();
        String phone = e.phone() == null ? "" : e.phone().replaceAll("[\\s.\\-]", "");
        String email = e.email() == null ? "" : e.email().strip();
        String idNumber = e.idNumber() == null ? "" : e.idNumber().replaceAll("\\s", "");
        Map<String, FormValidation.Problem> problems = new HashMap<>();
        if (name.isEmpty() || name.length() > 200) {
            problems.put("applicant-name", new FormValidation.Problem("services.form.required", List.of()));
        }
        if (!PHONE.matcher(phone).matches()) {
            problems.put("applicant-phone", new FormValidation.Problem("services.form.not-phone", List.of()));
        }
        if (!ID_NUMBER.matcher(idNumber).matches()) {
            problems.put("applicant-id-number", new FormValidation.Problem("services.form.not-id-number", List.of()));
        }
        if (!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
            problems.put("applicant-email", new FormValidation.Problem("services.form.not-email", List.of()));
        }
        FormValidation.Result form = FormValidation.check(catalogue.form(procedure.code()), e.form(), locale);
        problems.putAll(form.errors());
        if (!problems.isEmpty()) {
            audit.record("services.dossier.submit", procedure.code(), Outcome.DENIED,
                    Message.of("services.audit.form-invalid", problems.size()));
            throw new FormException(problems);
        }
        List<StoredFile> files = checkFiles(e.files());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate due;
        try {
            due = calendars.calendar().dueDate(now, procedure.processingDays());
        } catch (CalendarGapException gap) {
            audit.record("services.dossier.submit", procedure.code(), Outcome.FAILURE,
                    Message.of("services.error.calendar-gap", gap.year()));
            throw new WorkflowException("services.error.calendar-gap", gap.year());
        }
        String step = plan(procedure).stepped() ? Step.RECEIVE.code() : "";
        String code = newCode(now);
        String officer = user.id();
        long id;
        try {
            id = Jdbc.transaction(database.dataSource(), c -> {
                long newId = insertDossier(c, code, procedure.code(), "", name, phone, email, Dossier.COUNTER,
                        unit.code(), unit.code(), now, FormCodec.encode(form.values()), e.token());
                insertFiles(c, newId, files, officer, now);
                event(c, newId, now, officer, Action.SUBMIT, "", Status.SUBMITTED, unit.code(), "");
                Jdbc.update(c, "UPDATE svc_dossier SET status = ?, received_at = ?, due_date = ?, step = ?,"
                        + " applicant_id_number = ? WHERE id = ?", Status.PROCESSING.code(), now, due, step, idNumber, newId);
                event(c, newId, now, officer, Action.RECEIVE, Status.SUBMITTED.code(), Status.PROCESSING, unit.code(), "");
                DayTotals.add(c, DayTotals.day(now), unit.code(), 1, 0, 0, 0);
                return newId;
            });
        } catch (IllegalStateException ex) {
            Optional<Dossier> raced = byToken(e.token());
            if (raced.isPresent() && Dossier.COUNTER.equals(raced.get().channel())) {
                return raced.get();
            }
            throw ex;
        }
        audit.record("services.dossier.submit", code, Outcome.SUCCESS,
                Message.of("services.audit.counter", code, procedure.code(), unit.code(), files.size()));
        audit.record("services.dossier.receive", code, Outcome.SUCCESS,
                Message.of("services.audit.transition", code, Status.SUBMITTED.code(), Status.PROCESSING.code()));
        Dossier d = load(id);
        notifyCitizen(d, Action.RECEIVE);
        return d;
    }

    private OrgUnit receivingUnit(Procedure procedure, String code) {
        OrgUnit unit = units.unit(code == null ? "" : code).filter(u -> u.validOn(today()))
                .orElseThrow(() -> refuse(Action.SUBMIT, procedure.code(), "services.error.unit"));
        boolean districtDesk = procedure.level() == Procedure.Level.DISTRICT && !procedure.interLevel();
        if (districtDesk != (unit.level() == OrgUnit.Level.DISTRICT) || unit.level() == OrgUnit.Level.DEPARTMENT
                || unit.level() == OrgUnit.Level.PROVINCE) {
            throw refuse(Action.SUBMIT, procedure.code(), "services.error.unit");
        }
        return unit;
    }

    private WorkflowException refuse(Action action, String target, String key, Object... args) {
        audit.record("services.dossier." + action.code(), target, Outcome.DENIED, Message.of(key, args));
        return new WorkflowException(key, args);
    }

    /** A file that passed its checks. */
    private record StoredFile(String name, String mediaType, byte[] content) {
    }

    private List<StoredFile> checkFiles(List<NewFile> files) {
        if (files.size() > MAX_FILES) {
            throw new WorkflowException("services.error.too-many-files", MAX_FILES);
        }
        long max = config.maxFileMegabytes() * 1024L * 1024L;
        ContentCheck check = ContentCheck.oneOf(FILE_TYPES.toArray(vn.congso.api.upload.FileType[]::new));
        List<StoredFile> out = new ArrayList<>();
        for (NewFile f : files) {
            String name = f.fileName() == null ? "" : f.fileName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
            if (name.isEmpty() || name.length() > 255) {
                throw new WorkflowException("services.error.file-name");
            }
            if (f.content().length == 0 || f.content().length > max) {
                throw new WorkflowException("services.error.file-size", name, config.maxFileMegabytes());
            }
            String type;
            try {
                type = check.check(name, new ByteArrayInputStream(f.content()));
            } catch (UploadRefusedException e) {
                throw new WorkflowException("services.error.file-type", name);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
            out.add(new StoredFile(name, type, f.content()));
        }
        return out;
    }

    private String newCode(Instant now) {
        StringBuilder b = new StringBuilder("HS-").append(CODE_DAY.format(now.atZone(WorkingCalendar.ZONE))).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return b.toString();
    }

    static long insertDossier(Connection c, String code, String procedure, String applicant, String name, String phone,
            String email, String channel, String receiving, String settling, Instant now, String form, String token)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO svc_dossier (code, procedure_code, applicant,"
                + " applicant_name, phone, email, channel, receiving_unit, settling_unit, status, submitted_at, note,"
                + " form_data, submit_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(ps, code, procedure, applicant, name, phone, email, channel, receiving, settling,
                    Status.SUBMITTED.code(), now, form, token);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id for the new dossier");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertFiles(Connection c, long dossierId, List<StoredFile> files, String by, Instant now)
            throws SQLException {
        for (StoredFile f : files) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO svc_dossier_file (dossier_id, file_name,"
                    + " media_type, size_bytes, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.bind(ps, dossierId, f.name(), f.mediaType(), (long) f.content().length);
                ps.setBytes(5, f.content());
                ps.setString(6, by);
                ps.setTimestamp(7, java.sql.Timestamp.from(now));
                ps.executeUpdate();
            }
        }
    }

    static void event(Connection c, long dossierId, Instant at, String actor, Action action, String from, Status to,
            String unit, String note) throws SQLException {
        Jdbc.update(c, "INSERT INTO svc_dossier_event (dossier_id, event_at, actor, action, from_status, to_status, unit, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", dossierId, at, actor, action.code(), from, to.code(), unit, note);
    }

    @Override
    public Dossier act(long dossierId, Action action, String note, List<NewFile> files) {
        if (action == Action.SUBMIT || action == Action.APOLOGISE || action == Action.ASSIGN) {
            throw new IllegalArgumentException(action.code() + " through its own method");
        }
        return transition(dossierId, action, note, files, "");
    }

    @Override
    public Dossier assign(long dossierId, String specialist, String note) {
        return transition(dossierId, Action.ASSIGN, note, List.of(), specialist == null ? "" : specialist.strip());
    }

    private Dossier transition(long dossierId, Action action, String note, List<NewFile> files, String assignee) {
        Workflow.Actor actor = actor();
        Dossier d = Optional.ofNullable(loadOrNull(dossierId))
                .orElseThrow(() -> refuse(action, String.valueOf(dossierId), "services.error.no-dossier"));
        Procedure procedure = catalogue.get(d.procedureCode()).orElseThrow();
        String district = districtOf(d.receivingUnit());
        StepPlan plan = plan(procedure);
        Status next;
        try {
            next = Workflow.check(action, d, procedure.interLevel(), district, plan.stepped(), actor);
        } catch (AccessDeniedException e) {
            audit.record("services.dossier." + action.code(), d.code(), Outcome.DENIED, "missing " + e.getMessage());
            throw e;
        } catch (WorkflowException e) {
            audit.record("services.dossier." + action.code(), d.code(), Outcome.DENIED, Message.of(e.key(), e.args().toArray()));
            throw e;
        }
        if (FORWARD.contains(action) && needsApology(d)) {
            // Circular 01/2018: a late dossier goes on only after the apology and new appointment (template 04).
            throw refuse(action, d.code(), "services.error.apology-first");
        }
        String text = note == null ? "" : note.strip();
        if ((action == Action.REFUSE || action == Action.REQUEST_SUPPLEMENT || action == Action.SEND_BACK) && text.isEmpty()) {
            throw refuse(action, d.code(), "services.error.note-required");
        }
        if (text.length() > 2000) {
            throw refuse(action, d.code(), "services.error.note-too-long");
        }
        List<StoredFile> stored = checkFiles(action == Action.SUPPLEMENT && files != null ? files : List.of());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> sets = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        boolean[] onTime = {true};
        sets.add("status = ?");
        args.add(next.code());
        String unit = actor.unit();
        try {
            switch (action) {
                case RECEIVE -> {
                    sets.add("received_at = ?");
                    args.add(now);
                    sets.add("due_date = ?");
                    args.add(calendars.calendar().dueDate(now, procedure.processingDays()));
                    sets.add("step = ?");
                    args.add(plan.stepped() ? Step.RECEIVE.code() : "");
                }
                case ASSIGN -> {
                    checkAssignee(d, assignee);
                    sets.add("step = ?");
                    args.add(Step.SPECIALIST.code());
                    sets.add("assignee = ?");
                    args.add(assignee);
                }
                case PROPOSE -> {
                    sets.add("step = ?");
                    args.add(Step.LEADER.code());
                }
                case SEND_BACK -> {
                    sets.add("step = ?");
                    args.add(Step.SPECIALIST.code());
                }
                case SUPPLEMENT -> {
                    if (d.receivedAt().isPresent()) {
                        // Decree 61/2018: the time runs again from the day the complete dossier is received.
                        sets.add("received_at = ?");
                        args.add(now);
                        sets.add("due_date = ?");
                        args.add(calendars.calendar().dueDate(now, procedure.processingDays()));
                    }
                }
                case TRANSFER -> {
                    sets.add("settling_unit = ?");
                    args.add(district);
                    sets.add("step = ?");
                    args.add(plan.stepped() ? Step.RECEIVE.code() : "");
                    sets.add("assignee = ?");
                    args.add("");
                }
                case SETTLE, APPROVE -> {
                    sets.add("step = ?");
                    args.add("");
                    sets.add("settled_at = ?");
                    args.add(now);
                    sets.add("on_time = ?");
                    // A dossier that needed an apology letter is late, whatever its new appointment.
                    onTime[0] = d.dueDate().map(due -> !LocalDate.ofInstant(now, WorkingCalendar.ZONE).isAfter(due))
                            .orElse(Boolean.TRUE) && apologyCount(dossierId) == 0;
                    args.add(onTime[0]);
                }
                case RETURN -> {
                    sets.add("returned_at = ?");
                    args.add(now);
                }
                default -> {
                }
            }
        } catch (CalendarGapException e) {
            audit.record("services.dossier." + action.code(), d.code(), Outcome.FAILURE,
                    Message.of("services.error.calendar-gap", e.year()));
            throw new WorkflowException("services.error.calendar-gap", e.year());
        }
        if (action == Action.REFUSE || action == Action.REQUEST_SUPPLEMENT || !text.isEmpty()) {
            sets.add("note = ?");
            args.add(text);
        }
        args.add(dossierId);
        args.add(d.status().code());
        args.add(d.step());
        String actorName = actor.username();
        boolean changed = Jdbc.transaction(database.dataSource(), c -> {
            if (Jdbc.update(c, "UPDATE svc_dossier SET " + String.join(", ", sets) + " WHERE id = ? AND status = ?"
                    + " AND COALESCE(step, '') = ?", args.toArray()) != 1) {
                return false;
            }
            insertFiles(c, dossierId, stored, actorName, now);
            event(c, dossierId, now, actorName, action, d.status().code(), next, unit,
                    action == Action.ASSIGN ? (assignee + (text.isEmpty() ? "" : ": " + text)) : text);
            if (action == Action.SETTLE || action == Action.APPROVE) {
                DayTotals.add(c, DayTotals.day(now), d.receivingUnit(), 0, 0, 1, onTime[0] ? 1 : 0);
            }
            return true;
        });
        if (!changed) {
            throw refuse(action, d.code(), "services.error.changed-meanwhile");
        }
        audit.record("services.dossier." + action.code(), d.code(), Outcome.SUCCESS,
                Message.of("services.audit.transition", d.code(), d.status().code(), next.code()));
        Dossier after = load(dossierId);
        notifyCitizen(after, action);
        return after;
    }

    private void notifyCitizen(Dossier d, Action action) {
        NotificationService service = notifications;
        if (service == null || d.email().isEmpty()
                || (action != Action.REQUEST_SUPPLEMENT && action != Action.SETTLE && action != Action.RECEIVE
                        && action != Action.APOLOGISE && action != Action.APPROVE)) {
            return;
        }
        String link = links.absolute("/services/lookup");
        String subject = VietnameseTexts.format("services.mail.subject." + switch (action) {
            case RECEIVE -> "receive";
            case REQUEST_SUPPLEMENT -> "request-supplement";
            case APOLOGISE -> "apologise";
            default -> "result";
        }, d.code());
        StringBuilder body = new StringBuilder(VietnameseTexts.format("services.mail.greeting", d.applicantName()))
                .append("\n\n").append(subject).append('.');
        if (action == Action.REQUEST_SUPPLEMENT) {
            body.append('\n').append(VietnameseTexts.format("services.mail.supplement", d.note()));
        }
        if (action == Action.APOLOGISE) {
            body.append('\n').append(VietnameseTexts.format("services.mail.delay-reason", d.note()));
        }
        d.dueDate().ifPresent(due -> body.append('\n').append(VietnameseTexts.format("services.mail.due",
                vn.congso.api.text.Formats.date(due, Locale.forLanguageTag("vi")))));
        body.append("\n\n").append(VietnameseTexts.format("services.mail.lookup", link)).append('\n');
        try {
            service.send(OutgoingMessage.of(d.email(), subject, body.toString(), "services.dossier"));
        } catch (RuntimeException e) {
            // The transition stands; the message is not worth undoing it. The outbox shows what was sent.
            log.warn("Could not queue the notice of dossier {} for {}", d.code(), d.email(), e);
        }
    }

    String districtOf(String unitCode) {
        Optional<OrgUnit> unit = units.unit(unitCode);
        if (unit.isPresent() && unit.get().level() == OrgUnit.Level.COMMUNE && unit.get().parent().isPresent()) {
            return unit.get().parent().get();
        }
        return unitCode;
    }

    private Optional<Dossier> byToken(String token) {
        return Optional.ofNullable(Jdbc.transaction(database.dataSource(),
                c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM svc_dossier WHERE submit_token = ?", JdbcDossierService::dossier,
                        token)));
    }

    private Dossier loadOrNull(long id) {
        return Jdbc.transaction(database.dataSource(),
                c -> Jdbc.one(c, "SELECT " + COLUMNS + " FROM svc_dossier WHERE id = ?", JdbcDossierService::dossier, id));
    }

    private Dossier load(long id) {
        Dossier d = loadOrNull(id);
        if (d == null) {
            throw new IllegalStateException("dossier " + id + " vanished");
        }
        return d;
    }

    private boolean maySee(Dossier d) {
        CurrentUser user = users.current();
        if (!user.isAuthenticated()) {
            return false;
        }
        if (!d.applicant().isEmpty() && d.applicant().equals(user.id())) {
            return true;
        }
        if (!user.isPermitted(ServicesPermissions.RECEIVE) && !user.isPermitted(ServicesPermissions.PROCESS)
                && !user.isPermitted(ServicesPermissions.APPROVE)) {
            return false;
        }
        String unit = currentUnit();
        return !unit.isEmpty() && (unit.equals(d.receivingUnit()) || unit.equals(d.settlingUnit()));
    }

    private Dossier visible(long id) {
        Dossier d = loadOrNull(id);
        if (d == null || !maySee(d)) {
            audit.record("services.dossier.view", String.valueOf(id), Outcome.DENIED, "not the owner or an officer of its units");
            throw new AccessDeniedException(ServicesPermissions.PROCESS);
        }
        return d;
    }

    @Override
    public Optional<Dossier> get(long id) {
        Dossier d = loadOrNull(id);
        return d != null && maySee(d) ? Optional.of(d) : Optional.empty();
    }

    @Override
    public List<Dossier> mine() {
        CurrentUser user = users.current();
        if (!user.isAuthenticated() || !user.isPermitted(ServicesPermissions.SUBMIT)) {
            throw new AccessDeniedException(ServicesPermissions.SUBMIT);
        }
        return Jdbc.transaction(database.dataSource(), c -> Jdbc.list(c, "SELECT " + COLUMNS
                + " FROM svc_dossier WHERE applicant = ? ORDER BY submitted_at DESC", JdbcDossierService::dossier, user.id()));
    }

    private String officerUnit() {
        CurrentUser user = users.current();
        if (!user.isPermitted(ServicesPermissions.RECEIVE) && !user.isPermitted(ServicesPermissions.PROCESS)
                && !user.isPermitted(ServicesPermissions.APPROVE)) {
            throw new AccessDeniedException(ServicesPermissions.PROCESS);
        }
        return currentUnit();
    }

    /** The statuses of the desk's queue, in the order of its counts. */
    private static final List<Status> QUEUED = List.of(Status.SUBMITTED, Status.PROCESSING, Status.SUPPLEMENT, Status.SETTLED);
    /** Oldest due first; not yet received (no due date) last. */
    private static final java.util.Comparator<Dossier> DUE_FIRST = java.util.Comparator
            .comparing((Dossier d) -> d.dueDate().orElse(LocalDate.MAX)).thenComparing(Dossier::submittedAt)
            .thenComparingLong(Dossier::id);

    /**
     * The queue: the dossiers the unit receives plus those it settles for another (inter-level), per
     * status. Each branch is an equality on the leading columns of an index ordered by due date
     * (changeset svc-queue-indexes), so that Derby reads the first rows in order and stops instead of
     * reading and sorting every open dossier of the unit; the branches' first rows are merged here.
     */
    @Override
    public List<Dossier> queue(Optional<Status> status, String codePart, int limit) {
        return rows(officerUnit(), status.map(List::of).orElse(QUEUED), Condition.NONE, codePart, limit);
    }

    @Override
    public List<Dossier> watched(Watch watch, String codePart, int limit) {
        String unit = officerUnit();
        return rows(unit, List.of(Status.PROCESSING), condition(watch), codePart, limit);
    }

    @Override
    public Map<Status, Integer> queueCounts() {
        String unit = officerUnit();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : QUEUED) {
            counts.put(s, count(unit, s, Condition.NONE));
        }
        return counts;
    }

    @Override
    public Map<Watch, Integer> watchCounts() {
        String unit = officerUnit();
        Map<Watch, Integer> counts = new EnumMap<>(Watch.class);
        for (Watch w : Watch.values()) {
            counts.put(w, count(unit, Status.PROCESSING, condition(w)));
        }
        return counts;
    }

    /** An extra condition on the queue's rows, with its arguments. */
    private record Condition(String sql, List<Object> args) {
        static final Condition NONE = new Condition("", List.of());
    }

    /**
     * What picks a watch's dossiers among the unit's dossiers in processing: past the due day;
     * due today or within {@code dueSoonDays} working days (as {@link #timeliness} says); assigned
     * to the caller.
     */
    private Condition condition(Watch watch) {
        LocalDate today = today();
        return switch (watch) {
            case OVERDUE -> new Condition(" AND due_date < ?", List.of(today));
            case DUE_SOON -> new Condition(" AND due_date >= ? AND due_date < ?", List.of(today, dueSoonEnd(today)));
            case MINE -> new Condition(" AND assignee = ?", List.of(users.current().id()));
        };
    }

    /** The first day after those that count as due soon: the (dueSoonDays + 1)-th working day after today. */
    private LocalDate dueSoonEnd(LocalDate today) {
        int days = Math.max(0, config.dueSoonDays());
        try {
            return calendars.calendar().addWorkingDays(today, days + 1);
        } catch (CalendarGapException e) {
            // A year nobody has entered: calendar days, as timeliness() falls back to them.
            return today.plusDays(days + 1L);
        }
    }

    /**
     * The queue's rows: the dossiers the unit receives plus those it settles for another
     * (inter-level), per status. Each branch is an equality on the leading columns of an index
     * ordered by due date (changeset svc-queue-indexes), so that Derby reads the first rows in
     * order and stops instead of reading and sorting every open dossier of the unit; the branches'
     * first rows are merged here.
     */
    private List<Dossier> rows(String unit, List<Status> statuses, Condition condition, String codePart, int limit) {
        int max = Math.max(1, limit);
        String part = codePart == null ? "" : codePart.strip().toUpperCase(Locale.ROOT);
        if (part.length() > 32) {
            return List.of();
        }
        // Codes are letters, digits and dashes: a part with LIKE's own characters finds nothing rather than everything.
        String where = condition.sql() + (part.isEmpty() ? "" : " AND code LIKE ?");
        List<Object> extra = new ArrayList<>(condition.args());
        if (!part.isEmpty()) {
            extra.add("%" + part.replaceAll("[%_\\\\]", "#") + "%");
        }
        return Jdbc.transaction(database.dataSource(), c -> {
            List<Dossier> out = new ArrayList<>();
            try (PreparedStatement received = c.prepareStatement("SELECT " + COLUMNS + " FROM svc_dossier WHERE"
                    + " receiving_unit = ? AND status = ?" + where + " ORDER BY due_date, submitted_at");
                    PreparedStatement settled = c.prepareStatement("SELECT " + COLUMNS + " FROM svc_dossier WHERE"
                            + " settling_unit = ? AND status = ? AND receiving_unit <> ?" + where
                            + " ORDER BY due_date, submitted_at")) {
                for (Status s : statuses) {
                    Jdbc.bind(received, concat(List.of(unit, s.code()), extra));
                    Jdbc.bind(settled, concat(List.of(unit, s.code(), unit), extra));
                    for (PreparedStatement ps : List.of(received, settled)) {
                        ps.setMaxRows(max);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(dossier(rs));
                            }
                        }
                    }
                }
            }
            out.sort(DUE_FIRST);
            return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
        });
    }

    /** Counted in the queue's indexes, on the two branches of {@link #rows}. */
    private int count(String unit, Status status, Condition condition) {
        return Jdbc.transaction(database.dataSource(), c -> {
            int n = 0;
            try (PreparedStatement received = c.prepareStatement("SELECT COUNT(*) FROM svc_dossier WHERE receiving_unit = ?"
                    + " AND status = ?" + condition.sql());
                    PreparedStatement settled = c.prepareStatement("SELECT COUNT(*) FROM svc_dossier WHERE settling_unit = ?"
                            + " AND status = ? AND receiving_unit <> ?" + condition.sql())) {
                Jdbc.bind(received, concat(List.of(unit, status.code()), condition.args()));
                Jdbc.bind(settled, concat(List.of(unit, status.code(), unit), condition.args()));
                for (PreparedStatement ps : List.of(received, settled)) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getInt(1);
                    }
                }
            }
            return n;
        });
    }

    private static Object[] concat(List<Object> first, List<Object> then) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(then);
        return all.toArray();
    }

    @Override
    public List<Event> history(long dossierId) {
        visible(dossierId);
        return Jdbc.transaction(database.dataSource(), c -> Jdbc.list(c, "SELECT event_at, actor, action, from_status, to_status,"
                + " unit, note FROM svc_dossier_event WHERE dossier_id = ? ORDER BY id",
                rs -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), dossierId));
    }

    @Override
    public List<FileInfo> files(long dossierId) {
        visible(dossierId);
        return Jdbc.transaction(database.dataSource(), c -> Jdbc.list(c, "SELECT id, file_name, media_type, size_bytes"
                + " FROM svc_dossier_file WHERE dossier_id = ? ORDER BY id",
                rs -> new FileInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), dossierId));
    }

    @Override
    public byte[] fileContent(long fileId) {
        Long dossierId = Jdbc.transaction(database.dataSource(),
                c -> Jdbc.one(c, "SELECT dossier_id FROM svc_dossier_file WHERE id = ?", rs -> rs.getLong(1), fileId));
        if (dossierId == null) {
            throw new AccessDeniedException(ServicesPermissions.PROCESS);
        }
        Dossier d = visible(dossierId);
        byte[] bytes = Jdbc.transaction(database.dataSource(),
                c -> Jdbc.one(c, "SELECT content FROM svc_dossier_file WHERE id = ?", rs -> rs.getBytes(1), fileId));
        audit.record("services.dossier.file", d.code(), Outcome.SUCCESS, Message.of("services.audit.file", d.code(), fileId));
        return bytes;
    }

    @Override
    public byte[] receipt(long dossierId) {
        Dossier d = visible(dossierId);
        Procedure p = catalogue.get(d.procedureCode()).orElseThrow();
        Locale vi = Locale.forLanguageTag("vi");
        String lookup = links.absolute("/services/lookup");
        Map<String, Object> data = new HashMap<>();
        data.put("authority", config.authority());
        data.put("unit", units.unit(d.receivingUnit()).map(OrgUnit::name).orElse(d.receivingUnit()));
        data.put("code", d.code());
        data.put("procedure", p.name());
        data.put("applicant", d.applicantName());
        data.put("phone", d.phone());
        // A paper dossier names its applicant by the identity number typed at the counter.
        String idNumber = Jdbc.transaction(database.dataSource(), c -> Jdbc.one(c,
                "SELECT applicant_id_number FROM svc_dossier WHERE id = ?", rs -> rs.getString(1), d.id()));
        data.put("idNumber", new PdfRenderer.Markup(idNumber == null || idNumber.isEmpty() ? ""
                : "<p>Số định danh cá nhân: " + escape(idNumber) + "</p>"));
        data.put("channel", Dossier.ONLINE.equals(d.channel()) ? "Trực tuyến" : "Trực tiếp");
        data.put("submitted", vn.congso.api.text.Formats.dateTime(d.submittedAt(), vi));
        data.put("received", d.receivedAt().map(t -> vn.congso.api.text.Formats.dateTime(t, vi)).orElse("Chờ tiếp nhận"));
        data.put("due", d.dueDate().map(t -> vn.congso.api.text.Formats.date(t, vi))
                .orElse("Được hẹn khi cán bộ tiếp nhận hồ sơ"));
        data.put("days", String.valueOf(p.processingDays()));
        data.put("components", new PdfRenderer.Markup(lines(p.components())));
        data.put("files", new PdfRenderer.Markup(lines(String.join("\n",
                files(dossierId).stream().map(FileInfo::fileName).toList()))));
        data.put("lookup", lookup);
        data.put("qr", pdf.qrCode(lookup + "?code=" + d.code(), 110));
        try {
            return pdf.render("pdf/receipt.xhtml", data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the receipt of " + d.code(), e);
        }
    }

    private static String lines(String text) {
        StringBuilder b = new StringBuilder("<ol>");
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                b.append("<li>").append(escape(line.strip())).append("</li>");
            }
        }
        return b.append("</ol>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public Optional<LookupResult> lookup(String code, String phoneLastDigits) {
        if (!limiter.tryAcquire(LOOKUP_BUCKET, limiter.clientAddress())) {
            throw new TooManyLookupsException();
        }
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String digits = phoneLastDigits == null ? "" : phoneLastDigits.strip();
        if (c.isEmpty() || c.length() > 32 || !digits.matches("[0-9]{4}")) {
            return Optional.empty();
        }
        // One query on the code's unique index and the procedure's key, reading only what the answer shows.
        Object[] d = Jdbc.transaction(database.dataSource(), conn -> Jdbc.one(conn, "SELECT d.phone, d.status, d.due_date,"
                + " p.name FROM svc_dossier d JOIN svc_procedure p ON p.code = d.procedure_code WHERE d.code = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getDate(3), rs.getString(4)}, c));
        if (d == null || !((String) d[0]).endsWith(digits)) {
            return Optional.empty();
        }
        return Optional.of(new LookupResult(c, (String) d[3], Status.of((String) d[1]),
                Optional.ofNullable((java.sql.Date) d[2]).map(java.sql.Date::toLocalDate)));
    }

    @Override
    public Timeliness timeliness(Dossier d) {
        if (d.status() == Status.REFUSED || d.status() == Status.WITHDRAWN) {
            return Timeliness.CLOSED;
        }
        if (d.onTime().isPresent()) {
            return d.onTime().get() ? Timeliness.SETTLED_ON_TIME : Timeliness.SETTLED_LATE;
        }
        if (d.dueDate().isEmpty() || d.status() == Status.SUPPLEMENT) {
            return Timeliness.NOT_STARTED;
        }
        int left;
        try {
            left = calendars.calendar().workingDaysUntil(today(), d.dueDate().get());
        } catch (CalendarGapException e) {
            // A year nobody has entered: fall back to calendar days rather than hide the dossier's state.
            left = (int) ChronoUnit.DAYS.between(today(), d.dueDate().get());
        }
        if (left < 0) {
            return Timeliness.OVERDUE;
        }
        return left <= config.dueSoonDays() ? Timeliness.DUE_SOON : Timeliness.IN_TIME;
    }

    @Override
    public boolean needsApology(Dossier d) {
        return (d.status() == Status.PROCESSING || d.status() == Status.SETTLED) && d.dueDate().isPresent()
                && today().isAfter(d.dueDate().get());
    }

    private int apologyCount(long dossierId) {
        return Jdbc.transaction(database.dataSource(), c -> Jdbc.one(c,
                "SELECT COUNT(*) FROM svc_dossier_apology WHERE dossier_id = ?", rs -> rs.getInt(1), dossierId));
    }

    @Override
    public Dossier apologise(long dossierId, LocalDate newDue, String reason) {
        Action action = Action.APOLOGISE;
        Workflow.Actor actor = actor();
        Dossier d = Optional.ofNullable(loadOrNull(dossierId))
                .orElseThrow(() -> refuse(action, String.valueOf(dossierId), "services.error.no-dossier"));
        Procedure procedure = catalogue.get(d.procedureCode()).orElseThrow();
        try {
            Workflow.check(action, d, procedure.interLevel(), districtOf(d.receivingUnit()), actor);
        } catch (AccessDeniedException e) {
            audit.record("services.dossier." + action.code(), d.code(), Outcome.DENIED, "missing " + e.getMessage());
            throw e;
        } catch (WorkflowException e) {
            audit.record("services.dossier." + action.code(), d.code(), Outcome.DENIED, Message.of(e.key(), e.args().toArray()));
            throw e;
        }
        if (!needsApology(d) && timeliness(d) != Timeliness.DUE_SOON) {
            throw refuse(action, d.code(), "services.error.apology-not-late");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw refuse(action, d.code(), "services.error.note-required");
        }
        if (text.length() > 2000) {
            throw refuse(action, d.code(), "services.error.note-too-long");
        }
        LocalDate previous = d.dueDate().orElseThrow();
        if (newDue == null || !newDue.isAfter(today()) || !newDue.isAfter(previous)) {
            throw refuse(action, d.code(), "services.error.apology-date");
        }
        try {
            if (!calendars.calendar().isWorkingDay(newDue)) {
                throw refuse(action, d.code(), "services.error.apology-not-working-day");
            }
        } catch (CalendarGapException e) {
            audit.record("services.dossier." + action.code(), d.code(), Outcome.FAILURE,
                    Message.of("services.error.calendar-gap", e.year()));
            throw new WorkflowException("services.error.calendar-gap", e.year());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String actorName = actor.username();
        String unit = actor.unit();
        boolean changed = Jdbc.transaction(database.dataSource(), c -> {
            if (Jdbc.update(c, "UPDATE svc_dossier SET due_date = ?, note = ? WHERE id = ? AND status = ? AND due_date = ?",
                    newDue, text, dossierId, d.status().code(), previous) != 1) {
                return false;
            }
            Jdbc.update(c, "INSERT INTO svc_dossier_apology (dossier_id, issued_at, issued_by, unit, reason, previous_due,"
                    + " new_due) VALUES (?, ?, ?, ?, ?, ?, ?)", dossierId, now, actorName, unit, text, previous, newDue);
            event(c, dossierId, now, actorName, action, d.status().code(), d.status(), unit, text);
            return true;
        });
        if (!changed) {
            throw refuse(action, d.code(), "services.error.changed-meanwhile");
        }
        audit.record("services.dossier." + action.code(), d.code(), Outcome.SUCCESS,
                Message.of("services.audit.apology", d.code(), previous.toString(), newDue.toString()));
        Dossier after = load(dossierId);
        notifyCitizen(after, action);
        return after;
    }

    @Override
    public List<Apology> apologies(long dossierId) {
        visible(dossierId);
        return Jdbc.transaction(database.dataSource(), c -> Jdbc.list(c, "SELECT issued_at, issued_by, unit, reason,"
                + " previous_due, new_due FROM svc_dossier_apology WHERE dossier_id = ? ORDER BY id",
                rs -> new Apology(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate()), dossierId));
    }

    @Override
    public List<Letter> letters(long dossierId) {
        Dossier d = visible(dossierId);
        List<Letter> out = new ArrayList<>();
        if (lastEvent(dossierId, Action.REQUEST_SUPPLEMENT).isPresent()) {
            out.add(Letter.SUPPLEMENT_REQUEST);
        }
        if (d.status() == Status.REFUSED) {
            out.add(Letter.REFUSAL);
        }
        if (apologyCount(dossierId) > 0) {
            out.add(Letter.APOLOGY);
        }
        if (d.receivedAt().isPresent()) {
            out.add(Letter.CONTROL_SHEET);
        }
        return out;
    }

    private Optional<Event> lastEvent(long dossierId, Action action) {
        return Optional.ofNullable(Jdbc.transaction(database.dataSource(), c -> Jdbc.one(c, "SELECT event_at, actor, action,"
                + " from_status, to_status, unit, note FROM svc_dossier_event WHERE dossier_id = ? AND action = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                rs -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), dossierId, action.code())));
    }

    /**
     * A day as Vietnamese documents write it (Decree 30/2020: days below 10 and the months January
     * and February with a leading zero).
     */
    static String longDate(LocalDate day) {
        return String.format(Locale.ROOT, "ngày %02d tháng %s năm %d", day.getDayOfMonth(),
                day.getMonthValue() <= 2 ? "0" + day.getMonthValue() : String.valueOf(day.getMonthValue()), day.getYear());
    }

    @Override
    public byte[] letter(long dossierId, Letter letter) {
        Dossier d = visible(dossierId);
        Procedure p = catalogue.get(d.procedureCode()).orElseThrow();
        Locale vi = Locale.forLanguageTag("vi");
        String lookup = links.absolute("/services/lookup");
        Map<String, Object> data = new HashMap<>();
        data.put("authority", config.authority());
        data.put("code", d.code());
        data.put("procedure", p.name());
        data.put("applicant", d.applicantName());
        data.put("phone", d.phone());
        data.put("submitted", vn.congso.api.text.Formats.dateTime(d.submittedAt(), vi));
        data.put("lookup", lookup);
        data.put("qr", pdf.qrCode(lookup + "?code=" + d.code(), 110));
        String unitCode;
        Instant issued;
        switch (letter) {
            case SUPPLEMENT_REQUEST -> {
                Event e = lastEvent(dossierId, Action.REQUEST_SUPPLEMENT)
                        .orElseThrow(() -> new WorkflowException("services.error.no-letter"));
                unitCode = e.unit().isEmpty() ? d.receivingUnit() : e.unit();
                issued = e.at();
                data.put("items", new PdfRenderer.Markup(lines(e.note())));
                data.put("officer", e.actor());
            }
            case REFUSAL -> {
                Event e = lastEvent(dossierId, Action.REFUSE).filter(x -> d.status() == Status.REFUSED)
                        .orElseThrow(() -> new WorkflowException("services.error.no-letter"));
                unitCode = e.unit().isEmpty() ? d.receivingUnit() : e.unit();
                issued = e.at();
                data.put("reason", new PdfRenderer.Markup(lines(e.note())));
                data.put("officer", e.actor());
            }
            case APOLOGY -> {
                List<Apology> all = apologies(dossierId);
                if (all.isEmpty()) {
                    throw new WorkflowException("services.error.no-letter");
                }
                Apology a = all.get(all.size() - 1);
                unitCode = a.unit().isEmpty() ? d.settlingUnit() : a.unit();
                issued = a.issuedAt();
                data.put("received", d.receivedAt().map(t -> longDate(LocalDate.ofInstant(t, WorkingCalendar.ZONE)))
                        .orElse(longDate(LocalDate.ofInstant(d.submittedAt(), WorkingCalendar.ZONE))));
                data.put("previousDue", longDate(a.previousDue()));
                data.put("newDue", longDate(a.newDue()));
                data.put("reason", new PdfRenderer.Markup(lines(a.reason())));
                data.put("officer", a.issuedBy());
            }
            case CONTROL_SHEET -> {
                if (d.receivedAt().isEmpty()) {
                    throw new WorkflowException("services.error.no-letter");
                }
                unitCode = d.receivingUnit();
                issued = clock.instant();
                data.put("received", vn.congso.api.text.Formats.dateTime(d.receivedAt().get(), vi));
                data.put("due", d.dueDate().map(t -> vn.congso.api.text.Formats.date(t, vi)).orElse("—"));
                data.put("status", VietnameseTexts.text("services.status." + d.status().code()));
                data.put("rows", new PdfRenderer.Markup(controlRows(d)));
            }
            default -> throw new IllegalArgumentException(letter.name());
        }
        data.put("unit", units.unit(unitCode).map(OrgUnit::name).orElse(unitCode));
        data.put("issued", longDate(LocalDate.ofInstant(issued, WorkingCalendar.ZONE)));
        try {
            return pdf.render(letter.template(), data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render letter " + letter.number() + " of " + d.code(), e);
        }
    }

    /** The roles whose holders settle dossiers by default, so they may be assigned one. */
    private static final java.util.Set<String> ASSIGNABLE = java.util.Set.of(
            vn.congso.services.internal.ServicesRoles.SPECIALIST, vn.congso.services.internal.ServicesRoles.OFFICER);

    private boolean assignable(vn.congso.api.security.UserDirectory.Person p, String unit) {
        return p.enabled() && p.roles().stream().anyMatch(ASSIGNABLE::contains)
                && units.unitOf(p.username(), today()).map(OrgUnit::code).filter(unit::equals).isPresent();
    }

    private vn.congso.api.security.UserDirectory directory() {
        vn.congso.api.security.UserDirectory directory = people;
        if (directory == null) {
            throw new IllegalStateException("no user directory");
        }
        return directory;
    }

    private void checkAssignee(Dossier d, String username) {
        if (username.isEmpty() || directory().person(username).filter(p -> assignable(p, d.settlingUnit())).isEmpty()) {
            throw refuse(Action.ASSIGN, d.code(), "services.error.assignee", username);
        }
    }

    @Override
    public List<vn.congso.api.security.UserDirectory.Person> assignees(long dossierId) {
        Dossier d = visible(dossierId);
        return directory().people().stream().filter(p -> assignable(p, d.settlingUnit()))
                .sorted(java.util.Comparator.comparing(vn.congso.api.security.UserDirectory.Person::username)).toList();
    }

    private StepPlan plan(Procedure procedure) {
        int[] stored = Jdbc.transaction(database.dataSource(), c -> Jdbc.one(c, "SELECT receive_half_days, leader_half_days"
                + " FROM svc_procedure_steps WHERE procedure_code = ?", rs -> new int[] {rs.getInt(1), rs.getInt(2)},
                procedure.code()));
        if (stored == null) {
            return StepPlan.byDefault(procedure.processingDays());
        }
        try {
            return StepPlan.of(procedure.processingDays(), stored[0], stored[1]);
        } catch (WorkflowException e) {
            // The processing time was shortened after the shares were set: the default until they are set again.
            log.warn("Step shares of {} no longer fit its {} days; using the default", procedure.code(),
                    procedure.processingDays());
            return StepPlan.byDefault(procedure.processingDays());
        }
    }

    @Override
    public StepPlan stepPlan(String procedureCode) {
        return plan(catalogue.get(procedureCode).orElseThrow(() -> new WorkflowException("services.error.no-procedure")));
    }

    @Override
    public StepPlan setStepPlan(String procedureCode, int receiveHalfDays, int leaderHalfDays) {
        CurrentUser user = users.current();
        if (!user.isPermitted(ServicesPermissions.CATALOGUE)) {
            audit.record("services.procedure.steps", procedureCode, Outcome.DENIED, "missing " + ServicesPermissions.CATALOGUE);
            throw new AccessDeniedException(ServicesPermissions.CATALOGUE);
        }
        Procedure procedure = catalogue.get(procedureCode).orElseThrow(() -> new WorkflowException("services.error.no-procedure"));
        StepPlan plan;
        try {
            plan = StepPlan.of(procedure.processingDays(), receiveHalfDays, leaderHalfDays);
        } catch (WorkflowException e) {
            audit.record("services.procedure.steps", procedureCode, Outcome.DENIED, Message.of(e.key(), e.args().toArray()));
            throw e;
        }
        Jdbc.transaction(database.dataSource(), c -> {
            if (Jdbc.update(c, "UPDATE svc_procedure_steps SET receive_half_days = ?, leader_half_days = ? WHERE procedure_code = ?",
                    receiveHalfDays, leaderHalfDays, procedureCode) == 0) {
                Jdbc.update(c, "INSERT INTO svc_procedure_steps (procedure_code, receive_half_days, leader_half_days)"
                        + " VALUES (?, ?, ?)", procedureCode, receiveHalfDays, leaderHalfDays);
            }
            return null;
        });
        audit.record("services.procedure.steps", procedureCode, Outcome.SUCCESS, Message.of("services.audit.steps",
                procedureCode, plan.receiveHalfDays(), plan.specialistHalfDays(), plan.leaderHalfDays()));
        return plan;
    }

    @Override
    public List<StepPlan.StepDue> schedule(Dossier d) {
        if (d.receivedAt().isEmpty() || d.dueDate().isEmpty()) {
            return List.of();
        }
        Procedure procedure = catalogue.get(d.procedureCode()).orElseThrow();
        try {
            WorkingCalendar calendar = calendars.calendar();
            return plan(procedure).schedule(calendar, calendar.receiptDay(d.receivedAt().get()), d.dueDate().get());
        } catch (CalendarGapException e) {
            // A year nobody has entered: the desk still shows the dossier, without step deadlines.
            log.warn("No step deadlines for {}: the calendar lacks {}", d.code(), e.year());
            return List.of();
        }
    }

    private String unitName(String code) {
        return units.unit(code).map(OrgUnit::name).orElse(code);
    }

    /** Who an action hands the dossier to, as the control sheet says it. */
    private String handedTo(Dossier d, Event e) {
        String desk = "Bộ phận tiếp nhận và trả kết quả " + unitName(e.unit().isEmpty() ? d.receivingUnit() : e.unit());
        return switch (Action.of(e.action())) {
            case SUBMIT, SUPPLEMENT -> "Bộ phận tiếp nhận và trả kết quả " + unitName(d.receivingUnit());
            case RECEIVE -> desk;
            case TRANSFER -> "Bộ phận tiếp nhận và trả kết quả " + unitName(districtOf(d.receivingUnit()));
            case ASSIGN -> {
                String assignee = e.note().contains(": ") ? e.note().substring(0, e.note().indexOf(": ")) : e.note();
                yield "Chuyên viên " + assignee;
            }
            case PROPOSE -> "Lãnh đạo " + unitName(e.unit());
            case SEND_BACK -> "Chuyên viên xử lý";
            case SETTLE, APPROVE -> "Bộ phận tiếp nhận và trả kết quả " + unitName(d.receivingUnit()) + " (kết quả)";
            case REQUEST_SUPPLEMENT, REFUSE, RETURN, APOLOGISE -> d.applicantName();
            case WITHDRAW -> "—";
        };
    }

    /** Before, on or after a deadline: "Trước hạn", "Đúng hạn", "Quá hạn". */
    private static String against(Instant at, LocalDateTime due) {
        LocalDateTime local = LocalDateTime.ofInstant(at, WorkingCalendar.ZONE);
        if (local.toLocalDate().isBefore(due.toLocalDate())) {
            return "Trước hạn";
        }
        return local.isAfter(due) ? "Quá hạn" : "Đúng hạn";
    }

    /** The control sheet's rows: every transition, who handed the dossier to whom, when, and in time or not. */
    private String controlRows(Dossier d) {
        Map<Step, LocalDateTime> stepDue = new java.util.EnumMap<>(Step.class);
        schedule(d).forEach(s -> stepDue.put(s.step(), s.due()));
        Optional<LocalDateTime> dayDue = d.dueDate().map(day -> day.atTime(java.time.LocalTime.MAX));
        Locale vi = Locale.forLanguageTag("vi");
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Event e : history(d.id())) {
            Action action = Action.of(e.action());
            Optional<LocalDateTime> due = switch (action) {
                case ASSIGN -> Optional.ofNullable(stepDue.get(Step.RECEIVE));
                case PROPOSE -> Optional.ofNullable(stepDue.get(Step.SPECIALIST));
                case SETTLE, APPROVE, RETURN -> dayDue;
                default -> Optional.empty();
            };
            String giver = action == Action.SUBMIT || action == Action.SUPPLEMENT ? d.applicantName()
                    : e.actor() + (e.unit().isEmpty() ? "" : " — " + unitName(e.unit()));
            b.append("<tr><td>").append(++n).append("</td><td>")
                    .append(escape(VietnameseTexts.text("services.action." + action.code()))).append("</td><td>")
                    .append(escape(giver)).append("</td><td>").append(escape(handedTo(d, e))).append("</td><td>")
                    .append(escape(vn.congso.api.text.Formats.dateTime(e.at(), vi))).append("</td><td>")
                    .append((action == Action.SETTLE || action == Action.APPROVE) && d.onTime().isPresent()
                            && !d.onTime().get() ? "Quá hạn" : due.map(x -> against(e.at(), x)).orElse("—"))
                    .append("</td><td>")
                    .append(escape(e.note())).append("</td></tr>");
        }
        return b.toString();
    }

    /** One line of the tracking book. */
    private record BookRow(Dossier dossier, String procedure, Optional<Instant> transferredAt) {
    }

    private List<BookRow> book(LocalDate from, LocalDate to, String unit) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= BOOK_MAX_DAYS) {
            audit.record(BOOK_AUDIT, unit, Outcome.DENIED, Message.of("services.book.error.range", BOOK_MAX_DAYS));
            throw new WorkflowException("services.book.error.range", BOOK_MAX_DAYS);
        }
        Instant start = from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        String where = " FROM svc_dossier d WHERE (d.receiving_unit = ? OR d.settling_unit = ?) AND d.submitted_at >= ?"
                + " AND d.submitted_at < ?";
        return Jdbc.transaction(database.dataSource(), c -> {
            List<Dossier> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + where + " ORDER BY d.submitted_at, d.id")) {
                Jdbc.bind(ps, unit, unit, start, end);
                ps.setMaxRows(BOOK_MAX_ROWS + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(dossier(rs));
                    }
                }
            }
            if (rows.size() > BOOK_MAX_ROWS) {
                throw new WorkflowException("services.book.error.too-many", BOOK_MAX_ROWS);
            }
            Map<Long, Instant> transfers = new HashMap<>();
            for (Object[] t : Jdbc.list(c, "SELECT e.dossier_id, MIN(e.event_at) FROM svc_dossier_event e WHERE e.action = 'transfer'"
                    + " AND e.dossier_id IN (SELECT d.id" + where + ") GROUP BY e.dossier_id",
                    rs -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()}, unit, unit, start, end)) {
                transfers.put((Long) t[0], (Instant) t[1]);
            }
            Map<String, String> names = new HashMap<>();
            List<BookRow> out = new ArrayList<>();
            for (Dossier d : rows) {
                String name = names.computeIfAbsent(d.procedureCode(),
                        code -> catalogue.get(code).map(Procedure::name).orElse(code));
                out.add(new BookRow(d, name, Optional.ofNullable(transfers.get(d.id()))));
            }
            return out;
        });
    }

    private static final String BOOK_AUDIT = "services.book.export";

    /** @return the officer's unit, whose book it is */
    private String bookUnit() {
        String unit = officerUnit();
        if (unit.isEmpty()) {
            audit.record(BOOK_AUDIT, "", Outcome.DENIED, Message.of("services.book.error.no-unit"));
            throw new WorkflowException("services.book.error.no-unit");
        }
        return unit;
    }

    private void bookAudit(String unit, LocalDate from, LocalDate to, int rows, String format) {
        audit.record(BOOK_AUDIT, unit, Outcome.SUCCESS,
                Message.of("services.audit.book", unit, from.toString(), to.toString(), rows, format));
    }

    /** A dossier's state in the book: its status, and for a settled one whether on time. */
    private static String bookState(Dossier d) {
        String status = VietnameseTexts.text("services.status." + d.status().code());
        return d.onTime().map(on -> status + " (" + (on ? "đúng hạn" : "quá hạn") + ")").orElse(status);
    }

    private static String[] bookCells(int n, BookRow r) {
        Locale vi = Locale.forLanguageTag("vi");
        Dossier d = r.dossier();
        java.util.function.Function<Optional<Instant>, String> at = t -> t.map(x -> vn.congso.api.text.Formats.dateTime(x, vi))
                .orElse("");
        return new String[] {String.valueOf(n), d.code(), r.procedure(), d.applicantName() + ", " + d.phone(),
            Dossier.ONLINE.equals(d.channel()) ? "Trực tuyến" : "Trực tiếp", at.apply(d.receivedAt()),
            d.dueDate().map(x -> vn.congso.api.text.Formats.date(x, vi)).orElse(""), at.apply(r.transferredAt()),
            at.apply(d.settledAt()), at.apply(d.returnedAt()), bookState(d)};
    }

    private static final String[] BOOK_HEADER = {"STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Người nộp, số điện thoại",
        "Hình thức nộp", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển cơ quan giải quyết", "Có kết quả", "Trả kết quả",
        "Tình trạng"};

    @Override
    public byte[] trackingBook(LocalDate from, LocalDate to) {
        String unit = bookUnit();
        List<BookRow> rows = book(from, to, unit);
        bookAudit(unit, from, to, rows.size(), "PDF");
        Locale vi = Locale.forLanguageTag("vi");
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (BookRow r : rows) {
            b.append("<tr>");
            String[] cells = bookCells(++n, r);
            for (int i = 0; i < cells.length; i++) {
                // The dossier code on one line, so that it can be read back and searched.
                b.append(i == 1 ? "<td class=\"nowrap\">" : "<td>").append(escape(cells[i])).append("</td>");
            }
            b.append("</tr>");
        }
        if (rows.isEmpty()) {
            b.append("<tr><td colspan=\"").append(BOOK_HEADER.length).append("\">Không có hồ sơ trong thời gian này</td></tr>");
        }
        StringBuilder head = new StringBuilder("<tr>");
        for (String h : BOOK_HEADER) {
            head.append("<th>").append(escape(h)).append("</th>");
        }
        Map<String, Object> data = new HashMap<>();
        data.put("authority", config.authority());
        data.put("unit", unitName(unit));
        data.put("from", vn.congso.api.text.Formats.date(from, vi));
        data.put("to", vn.congso.api.text.Formats.date(to, vi));
        data.put("count", String.valueOf(rows.size()));
        data.put("issued", longDate(today()));
        data.put("head", new PdfRenderer.Markup(head.append("</tr>").toString()));
        data.put("rows", new PdfRenderer.Markup(b.toString()));
        try {
            return pdf.render("pdf/tracking-book.xhtml", data);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the tracking book of " + unit, e);
        }
    }

    @Override
    public byte[] trackingBookCsv(LocalDate from, LocalDate to) {
        String unit = bookUnit();
        List<BookRow> rows = book(from, to, unit);
        bookAudit(unit, from, to, rows.size(), "CSV");
        vn.congso.api.text.Csv csv = new vn.congso.api.text.Csv().row(BOOK_HEADER);
        int n = 0;
        for (BookRow r : rows) {
            csv.row(bookCells(++n, r));
        }
        return csv.bytes();
    }

    static Dossier dossier(ResultSet rs) throws SQLException {
        java.sql.Timestamp received = rs.getTimestamp(13);
        java.sql.Date due = rs.getDate(14);
        java.sql.Timestamp settled = rs.getTimestamp(15);
        boolean onTime = rs.getBoolean(16);
        boolean onTimeNull = rs.wasNull();
        java.sql.Timestamp returned = rs.getTimestamp(17);
        return new Dossier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                Status.of(rs.getString(11)), rs.getTimestamp(12).toInstant(),
                Optional.ofNullable(received).map(java.sql.Timestamp::toInstant),
                Optional.ofNullable(due).map(java.sql.Date::toLocalDate),
                Optional.ofNullable(settled).map(java.sql.Timestamp::toInstant),
                onTimeNull ? Optional.empty() : Optional.of(onTime),
                Optional.ofNullable(returned).map(java.sql.Timestamp::toInstant), rs.getString(18),
                FormCodec.decode(rs.getString(19)), Optional.ofNullable(rs.getString(20)).orElse(""),
                Optional.ofNullable(rs.getString(21)).orElse(""));
    }
}
