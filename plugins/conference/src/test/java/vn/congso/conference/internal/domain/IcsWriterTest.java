package vn.congso.conference.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The hand-written iCalendar text: escaped, folded at 75 octets, read back by ical4j as written. */
class IcsWriterTest {

    private static final Instant START = Instant.parse("2027-03-01T00:30:00Z");

    private static CalendarEntry entry(long id, String title, String agenda, boolean cancelled, int sequence) {
        return new CalendarEntry(id, 7, "0b1c2d3e-aaaa-bbbb-cccc-000000000007", title, agenda,
                "UBND xã Đại Ân 2 — Phòng họp tầng 2, dãy B", "https://hop.example.vn/abc-def",
                START.plusSeconds(id * 604_800), new Slot(START.plusSeconds(id * 604_800),
                        START.plusSeconds(id * 604_800 + 5_400)), cancelled, sequence);
    }

    @Test
    void longVietnameseTextIsFoldedWithoutBreakingACharacterAndReadsBackExactly() throws Exception {
        String agenda = "## Nội dung\n\n1. Triển khai kế hoạch chuyển đổi số; rà soát hồ sơ, thủ tục\\hành chính "
                + "của các xã, thị trấn trên địa bàn huyện Trần Đề (đợt 1)\r\n2. Ý kiến của đại biểu các điểm cầu 🙂";
        String title = "Hội nghị trực tuyến: \"sơ kết\"; quý I, năm 2027 — truyền về 11 điểm cầu xã, thị trấn";
        String ics = IcsWriter.write(List.of(entry(0, title, agenda, false, 0), entry(1, title, agenda, true, 3)),
                IcsWriter.Purpose.PUBLISH, Instant.parse("2027-02-01T08:00:00Z"));

        for (String physical : ics.split("\r\n", -1)) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
            assertTrue(!physical.contains("\n") && !physical.contains("\r"), physical);
            // A character split between two lines would leave a lone surrogate on each.
            assertTrue(physical.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF), physical);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent second = events.get(1);
        assertEquals(title, second.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("https://hop.example.vn/abc-def\n\n" + agenda.replace("\r\n", "\n"),
                second.getProperty(Property.DESCRIPTION).orElseThrow().getValue());
        assertEquals("UBND xã Đại Ân 2 — Phòng họp tầng 2, dãy B", second.getProperty(Property.LOCATION).orElseThrow()
                .getValue());
        assertEquals("https://hop.example.vn/abc-def", second.getProperty(Property.URL).orElseThrow().getValue());
        assertEquals("CANCELLED", second.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("CONFIRMED", events.get(0).getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("3", second.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("20270308T003000Z", second.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20270308T020000Z", second.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals("20270201T080000Z", second.getProperty(Property.DTSTAMP).orElseThrow().getValue());
        assertEquals("0b1c2d3e-aaaa-bbbb-cccc-000000000007-" + START.plusSeconds(604_800).getEpochSecond(),
                second.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
    }

    @Test
    void controlCharactersCannotInjectPropertiesAndACancellationCancelsEveryEvent() throws Exception {
        String ics = IcsWriter.write(List.of(entry(0, "Họp\r\nATTENDEE:mailto:x@evil.example\u0007", "", false, 0)),
                IcsWriter.Purpose.CANCEL, START);

        assertTrue(!ics.contains("\r\nATTENDEE"), ics);
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertEquals("Họp\nATTENDEE:mailto:x@evil.example", event.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertEquals("CANCELLED", event.getProperty(Property.STATUS).orElseThrow().getValue());
    }

    @Test
    void aRoomLinkThatIsNotAUriIsRefused() {
        CalendarEntry bad = new CalendarEntry(1, 1, "u", "t", "", "", "https://hop example/ x", START,
                new Slot(START, START.plusSeconds(60)), false, 0);
        assertThrows(IllegalArgumentException.class, () -> IcsWriter.write(List.of(bad), IcsWriter.Purpose.PUBLISH, START));
    }
}
