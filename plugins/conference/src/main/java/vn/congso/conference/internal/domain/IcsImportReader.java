package vn.congso.conference.internal.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.congso.api.text.Formats;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.UploadRefusedException;

/**
 * Reads the meetings of an {@code .ics} file (RFC 5545) for an import, naming every problem by
 * the line of the file it is on. A pre-scan unfolds the content lines, keeping the physical line
 * each one starts on, checks their syntax and the nesting of BEGIN/END; the VEVENTs directly in
 * the VCALENDAR are then read: times in UTC ({@code Z}), floating (taken as Asia/Ho_Chi_Minh) or
 * in a {@code TZID} that must be a known IANA zone, a time that does not exist or is ambiguous in
 * its zone (a DST gap or overlap) refused; RRULEs expanded by ical4j through {@link Recurrence}
 * in the event's own zone (so "every Monday 10:00 Berlin" follows Berlin's DST), with the same cap
 * as bookings; EXDATE and cancelled occurrences (RECURRENCE-ID with STATUS:CANCELLED) become
 * dropped occurrences, a moved occurrence replaces its original. Events with STATUS:CANCELLED are
 * skipped and reported. VTIMEZONE definitions are not interpreted: the TZID's IANA rules are used.
 */
public final class IcsImportReader {

    /** The longest UID kept (the database column). */
    public static final int MAX_UID = 255;
    /** The longest title, as a booking's. */
    public static final int MAX_TITLE = 200;
    /** The longest agenda, as a booking's. */
    public static final int MAX_DESCRIPTION = 8000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{8})T(\\d{6})(Z?)");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern UNTIL = Pattern.compile("(?i)(UNTIL=)(\\d{8}T\\d{6}Z|\\d{8})");
    private static final Pattern ICAL_DURATION = Pattern.compile("([+-]?)P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private IcsImportReader() {
    }

    /**
     * A problem of the file: a translation key whose first argument is the line.
     *
     * @param line the line of the file (1-based)
     * @param key the translation key
     * @param args the key's arguments, the line first
     */
    public record Problem(int line, String key, List<Object> args) {

        static Problem at(int line, String key, Object... more) {
            List<Object> args = new ArrayList<>();
            args.add(line);
            args.addAll(List.of(more));
            return new Problem(line, key, List.copyOf(args));
        }
    }

    /**
     * One meeting of the file, ready to book.
     *
     * @param line the line of its BEGIN:VEVENT
     * @param uid its UID
     * @param title its SUMMARY
     * @param description its DESCRIPTION, or empty
     * @param zone the zone its times were given in (UTC, Asia/Ho_Chi_Minh for floating times, or its TZID)
     * @param rrule its RRULE, or null
     * @param occurrences every occurrence, in order (moved ones at their new time)
     * @param dropped the starts of occurrences excluded (EXDATE) or cancelled in the file
     */
    public record Event(int line, String uid, String title, String description, String zone, String rrule,
            List<Slot> occurrences, Set<Instant> dropped) {

        /** Copies the collections. */
        public Event {
            occurrences = List.copyOf(occurrences);
            dropped = Set.copyOf(dropped);
        }

        /** @return the occurrences that will be booked */
        public List<Slot> kept() {
            return occurrences.stream().filter(s -> !dropped.contains(s.start())).toList();
        }
    }

    /**
     * An event skipped because the file marks it cancelled.
     *
     * @param line the line of its BEGIN:VEVENT
     * @param uid its UID, or empty
     * @param title its SUMMARY, or empty
     */
    public record Skipped(int line, String uid, String title) {
    }

    /**
     * What a file holds.
     *
     * @param events the meetings to import, in file order
     * @param cancelled events skipped as STATUS:CANCELLED
     * @param problems every problem, by line; when any, nothing may be imported
     */
    public record Result(List<Event> events, List<Skipped> cancelled, List<Problem> problems) {

        /** Copies the lists. */
        public Result {
            events = List.copyOf(events);
            cancelled = List.copyOf(cancelled);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The content check of an upload: UTF-8 text whose first content line is
     * {@code BEGIN:VCALENDAR} (text/calendar), whatever the file's name.
     *
     * @return the check; it reports {@code text/calendar}
     */
    public static ContentCheck calendar() {
        return (fileName, content) -> {
            Unfolded unfolded = unfold(content.readAllBytes());
            for (int i = 0; i < unfolded.lines().size(); i++) {
                try {
                    ContentCheck.utf8Text().check(fileName, new ByteArrayInputStream(unfolded.lines().get(i)));
                } catch (UploadRefusedException e) {
                    int line = unfolded.starts().get(i);
                    throw new UploadRefusedException(UploadRefusedException.Reason.NOT_TEXT, "at line " + line, line);
                }
            }
            String first = unfolded.lines().isEmpty() ? ""
                    : new String(unfolded.lines().get(0), StandardCharsets.UTF_8).strip();
            if (!"BEGIN:VCALENDAR".equalsIgnoreCase(first)) {
                throw new UploadRefusedException(UploadRefusedException.Reason.WRONG_TYPE, "not text/calendar",
                        fileName, "text/calendar (.ics)");
            }
            return "text/calendar";
        };
    }

    /**
     * The content lines of a file, unfolded on its bytes (a simple writer may fold in the middle
     * of a multi-byte character, RFC 5545 3.1), each with the physical line it starts on; blank
     * lines left out; continuation lines with nothing to continue listed apart.
     */
    private record Unfolded(List<byte[]> lines, List<Integer> starts, List<Integer> orphans) {
    }

    private static Unfolded unfold(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        List<java.io.ByteArrayOutputStream> lines = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> orphans = new ArrayList<>();
        int line = 1;
        int i = from;
        while (i <= bytes.length) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            if (end > i && (bytes[i] == ' ' || bytes[i] == '\t')) {
                if (lines.isEmpty()) {
                    orphans.add(line);
                } else {
                    lines.get(lines.size() - 1).write(bytes, i + 1, end - i - 1);
                }
            } else if (!new String(bytes, i, end - i, StandardCharsets.ISO_8859_1).isBlank()) {
                java.io.ByteArrayOutputStream logical = new java.io.ByteArrayOutputStream();
                logical.write(bytes, i, end - i);
                lines.add(logical);
                starts.add(line);
            }
            if (end >= bytes.length) {
                break;
            }
            i = end + (bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] == '\n' ? 2 : 1);
            line++;
        }
        return new Unfolded(lines.stream().map(java.io.ByteArrayOutputStream::toByteArray).toList(), starts, orphans);
    }

    /**
     * Reads the content of a file received through {@link #calendar()}.
     *
     * @param bytes the file
     * @param maxMeeting the longest meeting allowed
     * @param cap the most occurrences a series may have
     * @return the events and problems
     */
    public static Result read(byte[] bytes, Duration maxMeeting, int cap) {
        List<Problem> problems = new ArrayList<>();
        List<Component> events = scan(unfold(bytes), problems);
        List<Event> found = new ArrayList<>();
        List<Skipped> cancelled = new ArrayList<>();
        Map<String, Event> byUid = new LinkedHashMap<>();
        List<Component> overrides = new ArrayList<>();
        // Series skipped (cancelled) or refused (with problems): their overrides add nothing.
        Set<String> notRead = new HashSet<>();
        for (Component vevent : events) {
            if (vevent.first("RECURRENCE-ID") != null) {
                overrides.add(vevent);
                continue;
            }
            Prop uid = vevent.first("UID");
            Prop status = vevent.first("STATUS");
            if (status != null && "CANCELLED".equalsIgnoreCase(status.value().strip())) {
                Prop summary = vevent.first("SUMMARY");
                cancelled.add(new Skipped(vevent.line(), uid == null ? "" : uid.value().strip(),
                        summary == null ? "" : unescape(summary.value()).strip()));
                if (uid != null) {
                    notRead.add(uid.value().strip());
                }
                continue;
            }
            int before = problems.size();
            Event event = event(vevent, maxMeeting, cap, problems);
            if (problems.size() > before && uid != null) {
                notRead.add(uid.value().strip());
            }
            if (event != null && problems.size() == before) {
                if (byUid.containsKey(event.uid())) {
                    problems.add(Problem.at(vevent.first("UID").line(), "conference.import.error.duplicate-uid",
                            event.uid()));
                } else {
                    byUid.put(event.uid(), event);
                }
            }
        }
        for (Component override : overrides) {
            Prop uid = override.first("UID");
            if (uid == null || !notRead.contains(uid.value().strip())) {
                applyOverride(override, byUid, maxMeeting, problems);
            }
        }
        found.addAll(byUid.values());
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Result(found, cancelled, problems);
    }

    /**
     * Reads the text of an {@code .ics} file.
     *
     * @param text the file
     * @param maxMeeting the longest meeting allowed
     * @param cap the most occurrences a series may have
     * @return the events and problems
     */
    public static Result read(String text, Duration maxMeeting, int cap) {
        return read(text.getBytes(StandardCharsets.UTF_8), maxMeeting, cap);
    }

    // ------------------------------------------------------------------ pre-scan

    /** A property: upper-case name, upper-case parameter names with their values, the value, its line. */
    record Prop(String name, Map<String, String> params, String value, int line) {
    }

    /** A VEVENT's properties, its BEGIN line. */
    record Component(int line, List<Prop> props) {

        Prop first(String name) {
            return props.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }

        List<Prop> all(String name) {
            return props.stream().filter(p -> p.name().equals(name)).toList();
        }
    }

    /** Unfolds, checks every content line and the nesting, and returns the VEVENTs directly in the VCALENDAR. */
    private static List<Component> scan(Unfolded unfolded, List<Problem> problems) {
        for (int orphan : unfolded.orphans()) {
            problems.add(Problem.at(orphan, "conference.import.error.malformed"));
        }
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        List<int[]> starts = new ArrayList<>();
        List<String> logical = new ArrayList<>();
        for (int i = 0; i < unfolded.lines().size(); i++) {
            try {
                logical.add(utf8.decode(java.nio.ByteBuffer.wrap(unfolded.lines().get(i))).toString());
                starts.add(new int[] {unfolded.starts().get(i)});
            } catch (java.nio.charset.CharacterCodingException e) {
                problems.add(Problem.at(unfolded.starts().get(i), "conference.import.error.malformed"));
            }
        }
        List<Component> events = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        boolean closed = false;
        List<Prop> current = null;
        int currentLine = 0;
        for (int n = 0; n < logical.size(); n++) {
            int lineNo = starts.get(n)[0];
            Prop prop = parse(logical.get(n), lineNo);
            if (prop == null) {
                problems.add(Problem.at(lineNo, "conference.import.error.malformed"));
                continue;
            }
            if (closed) {
                problems.add(Problem.at(lineNo, "conference.import.error.after-end"));
                break;
            }
            if (n == 0 && !(prop.name().equals("BEGIN") && prop.value().equalsIgnoreCase("VCALENDAR"))) {
                problems.add(Problem.at(lineNo, "conference.import.error.not-calendar"));
                return List.of();
            }
            if (prop.name().equals("BEGIN")) {
                String component = prop.value().strip().toUpperCase(Locale.ROOT);
                if (!NAME.matcher(component).matches()) {
                    problems.add(Problem.at(lineNo, "conference.import.error.malformed"));
                    continue;
                }
                if (open.size() == 1 && component.equals("VEVENT")) {
                    current = new ArrayList<>();
                    currentLine = lineNo;
                }
                open.push(component);
            } else if (prop.name().equals("END")) {
                String component = prop.value().strip().toUpperCase(Locale.ROOT);
                if (open.isEmpty() || !open.peek().equals(component)) {
                    problems.add(Problem.at(lineNo, "conference.import.error.end-mismatch", component,
                            open.isEmpty() ? "" : open.peek()));
                    return events;
                }
                open.pop();
                if (open.size() == 1 && component.equals("VEVENT") && current != null) {
                    events.add(new Component(currentLine, List.copyOf(current)));
                    current = null;
                }
                if (open.isEmpty()) {
                    closed = true;
                }
            } else if (current != null && open.size() == 2) {
                current.add(prop);
            }
        }
        if (!closed && !logical.isEmpty()) {
            problems.add(Problem.at(starts.get(starts.size() - 1)[0], "conference.import.error.unclosed",
                    open.isEmpty() ? "VCALENDAR" : open.peek()));
        }
        if (logical.isEmpty()) {
            problems.add(Problem.at(1, "conference.import.error.not-calendar"));
        }
        return events;
    }

    /** One content line: {@code name *(";" param) ":" value}; null when malformed. */
    static Prop parse(String line, int lineNo) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            return null;
        }
        int i = name.end();
        Map<String, String> params = new LinkedHashMap<>();
        while (i < line.length() && line.charAt(i) == ';') {
            int eq = line.indexOf('=', i + 1);
            if (eq < 0 || !NAME.matcher(line.substring(i + 1, eq)).matches()) {
                return null;
            }
            String paramName = line.substring(i + 1, eq).toUpperCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (true) {
                if (j < line.length() && line.charAt(j) == '"') {
                    int close = line.indexOf('"', j + 1);
                    if (close < 0) {
                        return null;
                    }
                    value.append(line, j + 1, close);
                    j = close + 1;
                } else {
                    int k = j;
                    while (k < line.length() && ";:,\"".indexOf(line.charAt(k)) < 0) {
                        k++;
                    }
                    value.append(line, j, k);
                    j = k;
                }
                if (j < line.length() && line.charAt(j) == ',') {
                    value.append(',');
                    j++;
                    continue;
                }
                break;
            }
            params.put(paramName, value.toString());
            i = j;
        }
        if (i >= line.length() || line.charAt(i) != ':') {
            return null;
        }
        return new Prop(line.substring(0, name.end()).toUpperCase(Locale.ROOT), Map.copyOf(params),
                line.substring(i + 1), lineNo);
    }

    // ------------------------------------------------------------------ events

    /** A time as the file gives it: the local date-time in its zone, and the instant. */
    private record When(LocalDateTime local, ZoneId zone, Instant instant) {
    }

    private static Event event(Component vevent, Duration maxMeeting, int cap, List<Problem> problems) {
        int before = problems.size();
        String uid = "";
        Prop uidProp = vevent.first("UID");
        if (uidProp == null || uidProp.value().isBlank()) {
            problems.add(Problem.at(vevent.line(), "conference.import.error.missing", "UID"));
        } else if (uidProp.value().strip().length() > MAX_UID) {
            problems.add(Problem.at(uidProp.line(), "conference.import.error.too-long", "UID", MAX_UID));
        } else {
            uid = uidProp.value().strip();
        }
        String title = "";
        Prop summary = vevent.first("SUMMARY");
        if (summary == null || unescape(summary.value()).isBlank()) {
            problems.add(Problem.at(summary == null ? vevent.line() : summary.line(), "conference.import.error.missing",
                    "SUMMARY"));
        } else if (unescape(summary.value()).strip().length() > MAX_TITLE) {
            problems.add(Problem.at(summary.line(), "conference.import.error.too-long", "SUMMARY", MAX_TITLE));
        } else {
            title = unescape(summary.value()).strip();
        }
        String description = "";
        Prop desc = vevent.first("DESCRIPTION");
        if (desc != null) {
            description = unescape(desc.value());
            if (description.length() > MAX_DESCRIPTION) {
                problems.add(Problem.at(desc.line(), "conference.import.error.too-long", "DESCRIPTION", MAX_DESCRIPTION));
            }
        }
        Prop dtstart = vevent.first("DTSTART");
        When start = null;
        if (dtstart == null) {
            problems.add(Problem.at(vevent.line(), "conference.import.error.missing", "DTSTART"));
        } else {
            start = when(dtstart, problems);
        }
        Duration length = null;
        Prop dtend = vevent.first("DTEND");
        Prop duration = vevent.first("DURATION");
        if (dtend != null && duration != null) {
            problems.add(Problem.at(duration.line(), "conference.import.error.end-and-duration"));
        } else if (dtend != null) {
            When end = when(dtend, problems);
            if (start != null && end != null) {
                length = Duration.between(start.instant(), end.instant());
                if (length.isNegative() || length.isZero()) {
                    problems.add(Problem.at(dtend.line(), "conference.import.error.end-before-start"));
                    length = null;
                }
            }
        } else if (duration != null) {
            length = duration(duration.value().strip());
            if (length == null) {
                problems.add(Problem.at(duration.line(), "conference.import.error.bad-duration", duration.value().strip()));
            } else if (length.isNegative() || length.isZero()) {
                problems.add(Problem.at(duration.line(), "conference.import.error.end-before-start"));
                length = null;
            }
        } else {
            problems.add(Problem.at(vevent.line(), "conference.import.error.missing", "DTEND"));
        }
        if (length != null && length.compareTo(maxMeeting) > 0) {
            problems.add(Problem.at(dtend != null ? dtend.line() : duration.line(), "conference.import.error.too-long-meeting",
                    maxMeeting.toHours()));
        }
        List<Prop> rrules = vevent.all("RRULE");
        if (rrules.size() > 1) {
            problems.add(Problem.at(rrules.get(1).line(), "conference.import.error.two-rrules"));
        }
        if (problems.size() > before || start == null || length == null) {
            return null;
        }
        List<LocalDateTime> starts = List.of(start.local());
        String rrule = null;
        if (!rrules.isEmpty()) {
            Prop rule = rrules.get(0);
            rrule = localUntil(rule.value().strip(), start.zone());
            try {
                starts = Recurrence.expand(rrule, start.local(), cap);
            } catch (Recurrence.RecurrenceException e) {
                String key = switch (e.key()) {
                    case "conference.error.recurrence-end" -> "conference.import.error.rrule-no-end";
                    case "conference.error.recurrence-cap" -> "conference.import.error.rrule-cap";
                    case "conference.error.recurrence-empty" -> "conference.import.error.rrule-empty";
                    default -> "conference.import.error.rrule-malformed";
                };
                problems.add(Problem.at(rule.line(), key, cap));
                return null;
            }
        }
        List<Slot> occurrences = new ArrayList<>();
        for (LocalDateTime local : starts) {
            Instant at = resolve(local, start.zone(), rrules.isEmpty() ? dtstart.line() : rrules.get(0).line(), problems);
            if (at != null) {
                occurrences.add(new Slot(at, at.plus(length)));
            }
        }
        Set<Instant> dropped = new HashSet<>();
        for (Prop exdate : vevent.all("EXDATE")) {
            for (String value : exdate.value().split(",")) {
                When when = when(new Prop("EXDATE", exdate.params(), value.strip(), exdate.line()), problems);
                if (when != null) {
                    dropped.add(when.instant());
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (occurrences.stream().allMatch(s -> dropped.contains(s.start()))) {
            problems.add(Problem.at(vevent.line(), "conference.import.error.no-occurrences"));
            return null;
        }
        return new Event(vevent.line(), uid, title, description, start.zone().getId(), rrule, occurrences, dropped);
    }

    /** A single occurrence changed or cancelled in the file (RECURRENCE-ID): dropped or moved in its series. */
    private static void applyOverride(Component override, Map<String, Event> byUid, Duration maxMeeting,
            List<Problem> problems) {
        Prop uid = override.first("UID");
        Prop recurrenceId = override.first("RECURRENCE-ID");
        Event master = uid == null ? null : byUid.get(uid.value().strip());
        if (master == null) {
            problems.add(Problem.at(recurrenceId.line(), "conference.import.error.override-without-series"));
            return;
        }
        When original = when(recurrenceId, problems);
        if (original == null) {
            return;
        }
        int index = -1;
        for (int i = 0; i < master.occurrences().size(); i++) {
            if (master.occurrences().get(i).start().equals(original.instant())) {
                index = i;
            }
        }
        if (index < 0) {
            problems.add(Problem.at(recurrenceId.line(), "conference.import.error.override-unknown-occurrence"));
            return;
        }
        Set<Instant> dropped = new HashSet<>(master.dropped());
        List<Slot> occurrences = new ArrayList<>(master.occurrences());
        Prop status = override.first("STATUS");
        if (status != null && "CANCELLED".equalsIgnoreCase(status.value().strip())) {
            dropped.add(original.instant());
        } else {
            Prop dtstart = override.first("DTSTART");
            Prop dtend = override.first("DTEND");
            Slot was = occurrences.get(index);
            When start = dtstart == null ? original : when(dtstart, problems);
            if (start == null) {
                return;
            }
            Instant end;
            if (dtend != null) {
                When e = when(dtend, problems);
                if (e == null) {
                    return;
                }
                end = e.instant();
            } else {
                end = start.instant().plus(Duration.between(was.start(), was.end()));
            }
            if (!end.isAfter(start.instant())) {
                problems.add(Problem.at(dtend == null ? override.line() : dtend.line(),
                        "conference.import.error.end-before-start"));
                return;
            }
            if (Duration.between(start.instant(), end).compareTo(maxMeeting) > 0) {
                problems.add(Problem.at(dtend == null ? override.line() : dtend.line(),
                        "conference.import.error.too-long-meeting", maxMeeting.toHours()));
                return;
            }
            occurrences.set(index, new Slot(start.instant(), end));
            if (dropped.remove(original.instant())) {
                dropped.add(start.instant());
            }
        }
        byUid.put(master.uid(), new Event(master.line(), master.uid(), master.title(), master.description(),
                master.zone(), master.rrule(), occurrences.stream().sorted(java.util.Comparator.comparing(Slot::start))
                        .toList(), dropped));
    }

    /** A DATE-TIME property's time; null (with the problem) when unreadable, a date only, unknown zone, gap or overlap. */
    private static When when(Prop prop, List<Problem> problems) {
        String value = prop.value().strip();
        if ("DATE".equalsIgnoreCase(prop.params().getOrDefault("VALUE", "")) || DATE.matcher(value).matches()) {
            problems.add(Problem.at(prop.line(), "conference.import.error.date-only", prop.name()));
            return null;
        }
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            problems.add(Problem.at(prop.line(), "conference.import.error.bad-time", prop.name(), value));
            return null;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(m.group(1) + "T" + m.group(2), LOCAL);
        } catch (DateTimeParseException e) {
            problems.add(Problem.at(prop.line(), "conference.import.error.bad-time", prop.name(), value));
            return null;
        }
        String tzid = prop.params().get("TZID");
        boolean utc = !m.group(3).isEmpty();
        if (utc && tzid != null) {
            problems.add(Problem.at(prop.line(), "conference.import.error.bad-time", prop.name(), value));
            return null;
        }
        ZoneId zone;
        if (utc) {
            zone = ZoneOffset.UTC;
        } else if (tzid == null) {
            zone = Formats.ZONE;
        } else {
            zone = zone(tzid);
            if (zone == null) {
                problems.add(Problem.at(prop.line(), "conference.import.error.unknown-tzid", tzid));
                return null;
            }
        }
        Instant instant = resolve(local, zone, prop.line(), problems);
        return instant == null ? null : new When(local, zone, instant);
    }

    /** The instant of a local time in a zone; null (with the problem) in a DST gap or overlap. */
    private static Instant resolve(LocalDateTime local, ZoneId zone, int line, List<Problem> problems) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            problems.add(Problem.at(line, "conference.import.error.time-gap", local, zone.getId()));
            return null;
        }
        if (offsets.size() > 1) {
            problems.add(Problem.at(line, "conference.import.error.time-overlap", local, zone.getId()));
            return null;
        }
        return local.toInstant(offsets.get(0));
    }

    /** An IANA zone for a TZID (some writers prefix it with "/"); null when unknown. */
    static ZoneId zone(String tzid) {
        String id = tzid.strip();
        if (id.startsWith("/")) {
            id = id.substring(1);
        }
        if (!id.contains("/") && !id.equals("UTC")) {
            // Only region ids: "EST", "CET" or Windows names are not taken for what they might mean.
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Rewrites an UNTIL in UTC to the event's local time, since the expansion works on local times. */
    private static String localUntil(String rrule, ZoneId zone) {
        Matcher m = UNTIL.matcher(rrule);
        if (!m.find()) {
            return rrule;
        }
        String value = m.group(2);
        String local;
        if (value.endsWith("Z")) {
            LocalDateTime utc = LocalDateTime.parse(value.substring(0, 15), LOCAL);
            local = LOCAL.format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime());
        } else {
            local = LOCAL.format(LocalDate.parse(value, DAY).atTime(23, 59, 59));
        }
        return rrule.substring(0, m.start(2)) + local + rrule.substring(m.end(2));
    }

    /** An iCalendar DURATION ({@code P1W}, {@code PT1H30M}, {@code P1DT2H}); null when unreadable. */
    static Duration duration(String value) {
        Matcher m = ICAL_DURATION.matcher(value);
        if (!m.matches() || value.endsWith("P") || value.endsWith("T")) {
            return null;
        }
        Duration d = Duration.ZERO;
        d = d.plusDays(7L * number(m.group(2))).plusDays(number(m.group(3))).plusHours(number(m.group(4)))
                .plusMinutes(number(m.group(5))).plusSeconds(number(m.group(6)));
        return "-".equals(m.group(1)) ? d.negated() : d;
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** The TEXT value of a property, unescaped ({@code \n}, {@code \,}, {@code \;}, {@code \\}). */
    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A problem's arguments for its message in a language: a local time of the file's zone is
     * written as that language writes dates, with hours and minutes.
     *
     * @param problem the problem
     * @param locale the reader's language
     * @return the arguments
     */
    public static Object[] args(Problem problem, Locale locale) {
        return problem.args().stream().map(a -> a instanceof LocalDateTime t
                ? Formats.date(t.toLocalDate(), locale) + " " + t.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                : a).toArray();
    }

    /**
     * The problems in order, for messages: the same key with the same arguments once.
     *
     * @param problems the problems
     * @return them without repeats
     */
    public static List<Problem> distinct(List<Problem> problems) {
        return problems.stream().filter(Objects::nonNull).distinct().toList();
    }
}
