package vn.congso.conference.internal.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.service.ConferenceService.AttendanceLine;

/**
 * The attendance of an occurrence as CSV (RFC 4180: comma, CRLF, quoted when needed), UTF-8 with a
 * byte order mark so Excel shows Vietnamese. One row per point, the meeting on every row so files
 * of several meetings can be put together. Text cells that a spreadsheet would read as a formula
 * (starting with = + - @) are prefixed with an apostrophe; counts are plain integers.
 */
public final class AttendanceCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AttendanceCsv() {
    }

    /**
     * Writes the file.
     *
     * @param service the conference service (reads the attendance with the caller's permissions)
     * @param entry the occurrence
     * @param t translates a key with arguments in the reader's language
     * @param locale the reader's language (the start's format)
     * @return the bytes, starting with the UTF-8 byte order mark
     */
    public static byte[] write(ConferenceService service, CalendarEntry entry, BiFunction<String, Object[], String> t,
            Locale locale) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of(text(t, "conference.csv.meeting"), text(t, "conference.csv.start"), text(t, "conference.calendar.point"),
                text(t, "conference.attendance.present-column"), text(t, "conference.attendance.participants"),
                text(t, "conference.attendance.late"), text(t, "conference.attendance.note")));
        String start = Formats.dateTime(entry.slot().start(), locale);
        for (AttendanceLine line : service.attendance(entry.occurrenceId())) {
            String status = text(t, !line.recorded() ? "conference.attendance.not-recorded"
                    : line.present() ? "conference.attendance.present" : "conference.attendance.absent");
            boolean counted = line.recorded() && line.present();
            row(csv, List.of(cell(entry.title()), cell(start), cell(line.point().name()), cell(status),
                    counted ? String.valueOf(line.participants()) : "", counted ? String.valueOf(line.lateMinutes()) : "",
                    cell(line.note())));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * Writes the decisions of an occurrence as CSV (the same format): meeting, start, number,
     * decision, responsible unit, due date in the reader's format.
     *
     * @param entry the occurrence
     * @param decisions its decisions
     * @param t translates a key with arguments in the reader's language
     * @param locale the reader's language (dates)
     * @return the bytes, starting with the UTF-8 byte order mark
     */
    public static byte[] decisions(CalendarEntry entry, List<MeetingDecisions.Line> decisions,
            BiFunction<String, Object[], String> t, Locale locale) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of(text(t, "conference.csv.meeting"), text(t, "conference.csv.start"), "#",
                text(t, "conference.decisions.text"), text(t, "conference.decisions.unit"), text(t, "conference.decisions.due")));
        String start = Formats.dateTime(entry.slot().start(), locale);
        for (MeetingDecisions.Line d : decisions) {
            row(csv, List.of(cell(entry.title()), cell(start), String.valueOf(d.number()), cell(d.text()), cell(d.unit()),
                    d.due() == null ? "" : cell(Formats.date(d.due(), locale))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String text(BiFunction<String, Object[], String> t, String key) {
        return cell(t.apply(key, new Object[0]));
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(String.join(",", cells)).append("\r\n");
    }

    /** A text cell: defused when it would start a formula, quoted when it holds a separator, quote or line break. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
