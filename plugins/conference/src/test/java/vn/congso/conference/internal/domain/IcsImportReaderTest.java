package vn.congso.conference.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.congso.api.upload.UploadRefusedException;

/** The .ics reader of the import: good files read right, every bad one refused naming its line. */
class IcsImportReaderTest {

    private static final Duration MAX = Duration.ofHours(8);
    private static final int CAP = 260;

    /** A calendar around some lines; the first event line is line 4. */
    private static String ics(String... eventLines) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("\r\n", eventLines)
                + "\r\nEND:VCALENDAR\r\n";
    }

    private static IcsImportReader.Result read(String text) {
        return IcsImportReader.read(text.getBytes(StandardCharsets.UTF_8), MAX, CAP);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // name, file, the line named, the problem's key
                Arguments.of("content line without a colon", ics("BEGIN:VEVENT", "UID:a", "SUMMARY Họp", "END:VEVENT"),
                        6, "conference.import.error.malformed"),
                Arguments.of("unterminated quoted parameter", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=\"Europe/Berlin:20270115T090000", "END:VEVENT"), 7, "conference.import.error.malformed"),
                Arguments.of("missing SUMMARY", ics("BEGIN:VEVENT", "UID:a", "DTSTART:20270115T090000",
                        "DTEND:20270115T100000", "END:VEVENT"), 4, "conference.import.error.missing"),
                Arguments.of("missing DTSTART", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTEND:20270115T100000",
                        "END:VEVENT"), 4, "conference.import.error.missing"),
                Arguments.of("missing UID", ics("BEGIN:VEVENT", "SUMMARY:Họp", "DTSTART:20270115T090000",
                        "DTEND:20270115T100000", "END:VEVENT"), 4, "conference.import.error.missing"),
                Arguments.of("end before start", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270115T090000",
                        "DTEND:20270115T080000", "END:VEVENT"), 8, "conference.import.error.end-before-start"),
                Arguments.of("longer than the maximum", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART:20270115T070000", "DTEND:20270115T160000", "END:VEVENT"), 8,
                        "conference.import.error.too-long-meeting"),
                Arguments.of("duration longer than the maximum", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART:20270115T070000", "DURATION:P1D", "END:VEVENT"), 8,
                        "conference.import.error.too-long-meeting"),
                Arguments.of("RRULE without end", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270115T070000",
                        "DTEND:20270115T080000", "RRULE:FREQ=WEEKLY;BYDAY=FR", "END:VEVENT"), 9,
                        "conference.import.error.rrule-no-end"),
                Arguments.of("RRULE beyond the cap", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270115T070000",
                        "DTEND:20270115T080000", "RRULE:FREQ=DAILY;COUNT=261", "END:VEVENT"), 9,
                        "conference.import.error.rrule-cap"),
                Arguments.of("RRULE until beyond the cap", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART:20270115T070000", "DTEND:20270115T080000", "RRULE:FREQ=DAILY;UNTIL=20371231T000000Z",
                        "END:VEVENT"), 9, "conference.import.error.rrule-cap"),
                Arguments.of("malformed RRULE", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270115T070000",
                        "DTEND:20270115T080000", "RRULE:FREQ=SOMETIMES;COUNT=3", "END:VEVENT"), 9,
                        "conference.import.error.rrule-malformed"),
                Arguments.of("unknown TZID", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=Mars/Olympus_Mons:20270115T070000", "DTEND:20270115T080000", "END:VEVENT"), 7,
                        "conference.import.error.unknown-tzid"),
                Arguments.of("Windows zone name", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=W. Europe Standard Time:20270115T070000", "DTEND:20270115T080000", "END:VEVENT"),
                        7, "conference.import.error.unknown-tzid"),
                Arguments.of("Berlin spring gap", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=Europe/Berlin:20270328T023000", "DURATION:PT1H", "END:VEVENT"), 7,
                        "conference.import.error.time-gap"),
                Arguments.of("Berlin autumn overlap", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=Europe/Berlin:20271031T023000", "DURATION:PT1H", "END:VEVENT"), 7,
                        "conference.import.error.time-overlap"),
                Arguments.of("New York spring gap", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=America/New_York:20270314T020000", "DURATION:PT1H", "END:VEVENT"), 7,
                        "conference.import.error.time-gap"),
                Arguments.of("New York end in the autumn overlap", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;TZID=America/New_York:20271107T003000",
                        "DTEND;TZID=America/New_York:20271107T013000", "END:VEVENT"), 8,
                        "conference.import.error.time-overlap"),
                Arguments.of("a weekly series that runs into the Berlin gap", ics("BEGIN:VEVENT", "UID:a",
                        "SUMMARY:Họp", "DTSTART;TZID=Europe/Berlin:20270314T023000", "DURATION:PT1H",
                        "RRULE:FREQ=WEEKLY;COUNT=4", "END:VEVENT"), 9, "conference.import.error.time-gap"),
                Arguments.of("a date without a time", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART;VALUE=DATE:20270115", "END:VEVENT"), 7, "conference.import.error.date-only"),
                Arguments.of("an impossible date", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270231T070000",
                        "DTEND:20270231T080000", "END:VEVENT"), 7, "conference.import.error.bad-time"),
                Arguments.of("END that does not match", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp",
                        "DTSTART:20270115T070000", "DTEND:20270115T080000", "END:VTODO"), 9,
                        "conference.import.error.end-mismatch"),
                Arguments.of("the same UID twice", ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270115T070000",
                        "DTEND:20270115T080000", "END:VEVENT", "BEGIN:VEVENT", "UID:a", "SUMMARY:Họp 2",
                        "DTSTART:20270116T070000", "DTEND:20270116T080000", "END:VEVENT"), 11,
                        "conference.import.error.duplicate-uid"),
                Arguments.of("no END:VCALENDAR", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n", 3,
                        "conference.import.error.unclosed"),
                Arguments.of("not a calendar", "BEGIN:VCARD\r\nEND:VCARD\r\n", 1, "conference.import.error.not-calendar"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingItsLine(String name, String file, int line, String key) {
        IcsImportReader.Result result = read(file);

        assertTrue(result.problems().stream().anyMatch(p -> p.line() == line && p.key().equals(key)),
                () -> name + ": expected " + key + " at line " + line + ", got " + result.problems());
        assertEquals(line, result.problems().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().args()
                .get(0), "the line is the message's first argument");
    }

    @Test
    void floatingTimesAreInHoChiMinhAndUtcIsConverted() {
        IcsImportReader.Result result = read(ics("BEGIN:VEVENT", "UID:floating@x", "SUMMARY:Giao ban\\, tuần 1",
                "DESCRIPTION:Dòng 1\\nDòng 2", "DTSTART:20270115T070000", "DTEND:20270115T083000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:utc@x", "SUMMARY:Họp tỉnh", "DTSTART:20270116T020000Z", "DURATION:PT2H",
                "END:VEVENT"));

        assertEquals(List.of(), result.problems());
        assertEquals(2, result.events().size());
        IcsImportReader.Event floating = result.events().get(0);
        assertEquals("Giao ban, tuần 1", floating.title());
        assertEquals("Dòng 1\nDòng 2", floating.description());
        assertEquals(Instant.parse("2027-01-15T00:00:00Z"), floating.occurrences().get(0).start());
        assertEquals(Instant.parse("2027-01-15T01:30:00Z"), floating.occurrences().get(0).end());
        assertEquals(Instant.parse("2027-01-16T02:00:00Z"), result.events().get(1).occurrences().get(0).start());
        assertEquals(Instant.parse("2027-01-16T04:00:00Z"), result.events().get(1).occurrences().get(0).end());
    }

    @Test
    void aSeriesInAnotherZoneFollowsThatZonesDaylightSaving() {
        // Weekly at 10:00 in Berlin across the end of March: 09:00 UTC, then 08:00 UTC.
        IcsImportReader.Result result = read(ics("BEGIN:VEVENT", "UID:berlin@x", "SUMMARY:Họp với đối tác",
                "DTSTART;TZID=Europe/Berlin:20270322T100000", "DTEND;TZID=Europe/Berlin:20270322T110000",
                "RRULE:FREQ=WEEKLY;UNTIL=20270405T235959Z", "END:VEVENT"));

        assertEquals(List.of(), result.problems());
        List<Slot> slots = result.events().get(0).occurrences();
        assertEquals(List.of(Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"),
                Instant.parse("2027-04-05T08:00:00Z")), slots.stream().map(Slot::start).toList());
        assertEquals(Duration.ofHours(1), Duration.between(slots.get(1).start(), slots.get(1).end()));
    }

    @Test
    void foldedLinesKeepTheLineTheyStartOn() {
        IcsImportReader.Result result = read(ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Một tiêu đề", " rất dài",
                "DTSTART:20270115T070000", "DTEND:2027", " 0115T060000", "END:VEVENT"));

        assertEquals(1, result.problems().size());
        assertEquals(9, result.problems().get(0).line());
        assertEquals("conference.import.error.end-before-start", result.problems().get(0).key());
    }

    @Test
    void theCapIsTheSameAsBookingsAndExactlyTheCapIsAccepted() {
        IcsImportReader.Result result = read(ics("BEGIN:VEVENT", "UID:a", "SUMMARY:Họp", "DTSTART:20270115T070000",
                "DTEND:20270115T080000", "RRULE:FREQ=DAILY;COUNT=260", "END:VEVENT"));

        assertEquals(List.of(), result.problems());
        assertEquals(260, result.events().get(0).occurrences().size());
    }

    @Test
    void cancelledEventsAreSkippedAndExceptionsDropOccurrences() {
        IcsImportReader.Result result = read(ics("BEGIN:VEVENT", "UID:gone@x", "SUMMARY:Đã hủy", "STATUS:CANCELLED",
                "DTSTART:20270115T070000", "DTEND:20270115T080000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:series@x", "SUMMARY:Giao ban", "DTSTART:20270118T073000", "DTEND:20270118T083000",
                "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE:20270125T073000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:series@x", "RECURRENCE-ID:20270201T073000", "STATUS:CANCELLED",
                "SUMMARY:Giao ban", "DTSTART:20270201T073000", "DTEND:20270201T083000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:series@x", "RECURRENCE-ID:20270208T073000", "SUMMARY:Giao ban (dời)",
                "DTSTART:20270209T140000", "DTEND:20270209T150000", "END:VEVENT"));

        assertEquals(List.of(), result.problems());
        assertEquals(1, result.cancelled().size());
        assertEquals("gone@x", result.cancelled().get(0).uid());
        assertEquals(4, result.cancelled().get(0).line());
        IcsImportReader.Event series = result.events().get(0);
        assertEquals(4, series.occurrences().size());
        assertEquals(List.of(Instant.parse("2027-01-18T00:30:00Z"), Instant.parse("2027-02-09T07:00:00Z")),
                series.kept().stream().map(Slot::start).toList());
    }

    @Test
    void anExportLikeACalendarServersIsReadWithItsZonesAlarmsAndQuotedParameters() {
        String export = String.join("\r\n", "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
                "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Lịch họp UBND tỉnh",
                "X-WR-TIMEZONE:Asia/Ho_Chi_Minh", "BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "X-LIC-LOCATION:Asia/Ho_Chi_Minh",
                "BEGIN:STANDARD", "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:+07", "DTSTART:19700101T000000",
                "END:STANDARD", "END:VTIMEZONE", "BEGIN:VEVENT", "DTSTART;TZID=Asia/Ho_Chi_Minh:20270304T140000",
                "DTEND;TZID=Asia/Ho_Chi_Minh:20270304T163000", "DTSTAMP:20270101T000000Z", "UID:3k9v0abc@google.com",
                "ORGANIZER;CN=\"Văn phòng: UBND, tỉnh\":mailto:vanphong@example.vn",
                "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=\"Nguyễn, Văn A\":mailto:a@example.vn",
                "DESCRIPTION:Nội dung: triển khai\\, đánh giá\\; kết luận.\\nTài liệu gửi kè", " m theo.",
                "LOCATION:Hội trường tỉnh", "SEQUENCE:2", "STATUS:CONFIRMED", "SUMMARY:Hội nghị trực tuyến sơ kết quý I",
                "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Nhắc", "TRIGGER:-P0DT0H30M0S", "END:VALARM", "END:VEVENT",
                "END:VCALENDAR", "");

        IcsImportReader.Result result = read(export);

        assertEquals(List.of(), result.problems());
        assertEquals(1, result.events().size());
        IcsImportReader.Event event = result.events().get(0);
        assertEquals("3k9v0abc@google.com", event.uid());
        assertEquals("Hội nghị trực tuyến sơ kết quý I", event.title());
        assertEquals("Nội dung: triển khai, đánh giá; kết luận.\nTài liệu gửi kèm theo.", event.description());
        assertEquals(new Slot(Instant.parse("2027-03-04T07:00:00Z"), Instant.parse("2027-03-04T09:30:00Z")),
                event.occurrences().get(0));
    }

    @Test
    void aFoldInTheMiddleOfAMultiByteCharacterIsUnfoldedOnTheBytes() throws Exception {
        byte[] title = "SUMMARY:Họp".getBytes(StandardCharsets.UTF_8);
        // "ọ" is three bytes: the line is folded after its first byte, as a simple writer counting octets does.
        int cut = "SUMMARY:H".length() + 1;
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write(ics("BEGIN:VEVENT", "UID:a").getBytes(StandardCharsets.UTF_8), 0,
                ics("BEGIN:VEVENT", "UID:a").indexOf("END:VCALENDAR"));
        file.write(title, 0, cut);
        file.write("\r\n ".getBytes(StandardCharsets.US_ASCII));
        file.write(title, cut, title.length - cut);
        file.write("\r\nDTSTART:20270115T070000\r\nDTEND:20270115T080000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = file.toByteArray();

        assertEquals("text/calendar", IcsImportReader.calendar().check("lich.ics", new ByteArrayInputStream(bytes)));
        IcsImportReader.Result result = IcsImportReader.read(bytes, MAX, CAP);
        assertEquals(List.of(), result.problems());
        assertEquals("Họp", result.events().get(0).title());
    }

    @Test
    void aByteThatIsNotUtf8IsRefusedWithItsLine() {
        String text = ics("BEGIN:VEVENT", "UID:a", "SUMMARY:H?p", "END:VEVENT");
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        // A lone lead byte of a two-byte sequence, followed by "p": not UTF-8.
        bytes[text.indexOf("SUMMARY:H?p") + "SUMMARY:H".length()] = (byte) 0xC3;
        UploadRefusedException refused = assertThrows(UploadRefusedException.class,
                () -> IcsImportReader.calendar().check("lich.ics", new ByteArrayInputStream(bytes)));
        assertEquals(UploadRefusedException.Reason.NOT_TEXT, refused.reason());
        assertEquals(6, refused.line());
        assertTrue(IcsImportReader.read(bytes, MAX, CAP).problems().stream()
                .anyMatch(p -> p.line() == 6 && p.key().equals("conference.import.error.malformed")));
    }

    @Test
    void theOverridesOfACancelledOrRefusedSeriesAddNothing() {
        IcsImportReader.Result cancelled = read(ics("BEGIN:VEVENT", "UID:s@x", "SUMMARY:Chuỗi đã hủy", "STATUS:CANCELLED",
                "DTSTART:20270118T073000", "DTEND:20270118T083000", "RRULE:FREQ=WEEKLY;COUNT=4", "END:VEVENT",
                "BEGIN:VEVENT", "UID:s@x", "RECURRENCE-ID:20270125T073000", "SUMMARY:Chuỗi đã hủy (dời)",
                "DTSTART:20270126T073000", "DTEND:20270126T083000", "END:VEVENT"));
        assertEquals(List.of(), cancelled.problems());
        assertEquals(List.of(), cancelled.events());
        assertEquals(1, cancelled.cancelled().size());

        IcsImportReader.Result refused = read(ics("BEGIN:VEVENT", "UID:s@x", "SUMMARY:Chuỗi", "DTSTART:20270118T073000",
                "DTEND:20270118T083000", "RRULE:FREQ=WEEKLY", "END:VEVENT",
                "BEGIN:VEVENT", "UID:s@x", "RECURRENCE-ID:20270125T073000", "STATUS:CANCELLED", "END:VEVENT"));
        assertEquals(List.of("conference.import.error.rrule-no-end"),
                refused.problems().stream().map(IcsImportReader.Problem::key).toList(), "one problem, where it is");

        IcsImportReader.Result orphan = read(ics("BEGIN:VEVENT", "UID:none@x", "RECURRENCE-ID:20270125T073000",
                "STATUS:CANCELLED", "END:VEVENT"));
        assertEquals(6, orphan.problems().get(0).line());
        assertEquals("conference.import.error.override-without-series", orphan.problems().get(0).key());
    }

    @Test
    void theContentCheckWantsACalendarWhateverTheName() throws Exception {
        byte[] calendar = ics("BEGIN:VEVENT", "END:VEVENT").getBytes(StandardCharsets.UTF_8);
        assertEquals("text/calendar", IcsImportReader.calendar().check("lich.txt", new ByteArrayInputStream(calendar)));

        UploadRefusedException notCalendar = assertThrows(UploadRefusedException.class, () -> IcsImportReader.calendar()
                .check("lich.ics", new ByteArrayInputStream("Tiêu đề,Ngày\r\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(UploadRefusedException.Reason.WRONG_TYPE, notCalendar.reason());
        UploadRefusedException binary = assertThrows(UploadRefusedException.class, () -> IcsImportReader.calendar()
                .check("lich.ics", new ByteArrayInputStream(new byte[] {'B', 'E', 0, (byte) 0xFF})));
        assertEquals(UploadRefusedException.Reason.NOT_TEXT, binary.reason());
    }
}
