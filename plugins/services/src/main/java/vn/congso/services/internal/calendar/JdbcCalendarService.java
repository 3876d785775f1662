package vn.congso.services.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Message;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.ServicesPermissions;

/** The calendar in tables {@code svc_calendar_day} and {@code svc_calendar_year}; cut-off from PID {@code vn.congso.services}. */
@Component(service = CalendarService.class, configurationPid = ServicesConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcCalendarService implements CalendarService {

    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private volatile LocalTime cutOff;
    private volatile WorkingCalendar cached;

    /**
     * @param database the database
     * @param users who is asking
     * @param audit the audit log
     * @param config the cut-off time
     */
    @Activate
    public JdbcCalendarService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, ServicesConfig config) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.cutOff = cutOff(config.cutOff());
    }

    /**
     * @param config the changed settings
     */
    @Modified
    void modified(ServicesConfig config) {
        cutOff = cutOff(config.cutOff());
        cached = null;
    }

    /**
     * @param text {@code HH:mm}
     * @return the time
     * @throws IllegalArgumentException when it is not a time of day
     */
    public static LocalTime cutOff(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cutOff must be a time of day such as 17:00, not '" + text + "'", e);
        }
    }

    @Override
    public WorkingCalendar calendar() {
        WorkingCalendar calendar = cached;
        if (calendar == null) {
            Map<LocalDate, DayKind> days = new HashMap<>();
            Set<Integer> years = new HashSet<>();
            Jdbc.transaction(database.dataSource(), c -> {
                for (Entry e : Jdbc.list(c, "SELECT day, kind, name FROM svc_calendar_day", JdbcCalendarService::entry)) {
                    days.put(e.day(), e.kind());
                }
                years.addAll(Jdbc.list(c, "SELECT year_number FROM svc_calendar_year", rs -> rs.getInt(1)));
                return null;
            });
            calendar = new WorkingCalendar(days, years, cutOff);
            cached = calendar;
        }
        return calendar;
    }

    @Override
    public List<Entry> entries() {
        return Jdbc.transaction(database.dataSource(),
                c -> Jdbc.list(c, "SELECT day, kind, name FROM svc_calendar_day ORDER BY day", JdbcCalendarService::entry));
    }

    @Override
    public void put(Entry entry) {
        require("services.calendar.put", entry.day().toString());
        String name = check(entry);
        Jdbc.transaction(database.dataSource(), c -> {
            Jdbc.update(c, "DELETE FROM svc_calendar_day WHERE day = ?", entry.day());
            Jdbc.update(c, "INSERT INTO svc_calendar_day (day, kind, name) VALUES (?, ?, ?)", entry.day(),
                    entry.kind().code(), name);
            coverYear(c, entry.day().getYear());
            return null;
        });
        cached = null;
        audit.record("services.calendar.put", entry.day().toString(), Outcome.SUCCESS,
                Message.of("services.audit.calendar-put", entry.day(), entry.kind().code(), name));
    }

    /** Refuses an entry of the wrong kind for its day or without a name; returns the stripped name. */
    private String check(Entry entry) {
        boolean weekend = entry.day().getDayOfWeek() == DayOfWeek.SATURDAY || entry.day().getDayOfWeek() == DayOfWeek.SUNDAY;
        if (weekend != (entry.kind() == DayKind.WORKDAY)) {
            audit.record("services.calendar.put", entry.day().toString(), Outcome.DENIED,
                    Message.of("services.calendar.error.kind", entry.day(), entry.kind().code()));
            throw new IllegalArgumentException(weekend ? "services.calendar.error.weekend-off" : "services.calendar.error.weekday-worked");
        }
        String name = entry.name() == null ? "" : entry.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("services.calendar.error.name");
        }
        return name;
    }

    @Override
    public void enterYear(int year, List<Entry> entries) {
        require("services.calendar.year", String.valueOf(year));
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("services.calendar.error.year");
        }
        Set<LocalDate> seen = new HashSet<>();
        List<String> names = new java.util.ArrayList<>();
        for (Entry e : entries) {
            if (e.day().getYear() != year) {
                throw new IllegalArgumentException("services.calendar.error.other-year");
            }
            if (!seen.add(e.day())) {
                throw new IllegalArgumentException("services.calendar.error.twice");
            }
            names.add(check(e));
        }
        boolean entered = Jdbc.transaction(database.dataSource(), c -> {
            if (Jdbc.one(c, "SELECT year_number FROM svc_calendar_year WHERE year_number = ?", rs -> rs.getInt(1), year) != null) {
                return true;
            }
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                Jdbc.update(c, "DELETE FROM svc_calendar_day WHERE day = ?", e.day());
                Jdbc.update(c, "INSERT INTO svc_calendar_day (day, kind, name) VALUES (?, ?, ?)", e.day(),
                        e.kind().code(), names.get(i));
            }
            coverYear(c, year);
            return false;
        });
        if (entered) {
            audit.record("services.calendar.year", String.valueOf(year), Outcome.DENIED,
                    Message.of("services.calendar.error.year-entered", String.valueOf(year)));
            throw new IllegalArgumentException("services.calendar.error.year-entered");
        }
        cached = null;
        audit.record("services.calendar.year", String.valueOf(year), Outcome.SUCCESS,
                Message.of("services.audit.calendar-year-entries", String.valueOf(year), entries.size()));
    }

    @Override
    public void remove(LocalDate day) {
        require("services.calendar.remove", day.toString());
        Jdbc.transaction(database.dataSource(), c -> Jdbc.update(c, "DELETE FROM svc_calendar_day WHERE day = ?", day));
        cached = null;
        audit.record("services.calendar.remove", day.toString(), Outcome.SUCCESS,
                Message.of("services.audit.calendar-remove", day));
    }

    @Override
    public void coverYear(int year) {
        require("services.calendar.year", String.valueOf(year));
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("services.calendar.error.year");
        }
        Jdbc.transaction(database.dataSource(), c -> {
            coverYear(c, year);
            return null;
        });
        cached = null;
        audit.record("services.calendar.year", String.valueOf(year), Outcome.SUCCESS,
                Message.of("services.audit.calendar-year", year));
    }

    private static void coverYear(java.sql.Connection c, int year) throws java.sql.SQLException {
        if (Jdbc.one(c, "SELECT year_number FROM svc_calendar_year WHERE year_number = ?", rs -> rs.getInt(1), year) == null) {
            Jdbc.update(c, "INSERT INTO svc_calendar_year (year_number) VALUES (?)", year);
        }
    }

    private void require(String action, String target) {
        if (!users.current().isPermitted(ServicesPermissions.CALENDAR)) {
            audit.record(action, target, Outcome.DENIED, "missing " + ServicesPermissions.CALENDAR);
            throw new AccessDeniedException(ServicesPermissions.CALENDAR);
        }
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getDate(1).toLocalDate(), DayKind.of(rs.getString(2)), rs.getString(3));
    }
}
