package vn.congso.conference.internal.service;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.CalendarEntry;
import vn.congso.conference.internal.domain.SafeMarkdown;
import vn.congso.conference.internal.service.ConferenceService.AttendanceLine;

/** The minutes of an occurrence with its attendance, as a PDF in the reader's language (template {@code pdf/minutes.xhtml}). */
public final class MinutesPdf {

    private static final SafeMarkdown MARKDOWN = new SafeMarkdown();

    private MinutesPdf() {
    }

    /**
     * Renders the PDF.
     *
     * @param service the conference service (reads attendance and minutes with the caller's permissions)
     * @param pdf the renderer
     * @param entry the occurrence
     * @param decisions its decisions, listed after the minutes (none: no such section)
     * @param t translates a key with arguments in the reader's language
     * @param locale the reader's language
     * @return the PDF bytes
     * @throws IOException when rendering fails
     */
    public static byte[] render(ConferenceService service, PdfRenderer pdf, CalendarEntry entry,
            java.util.List<MeetingDecisions.Line> decisions, BiFunction<String, Object[], String> t, Locale locale)
            throws IOException {
        StringBuilder rows = new StringBuilder();
        for (AttendanceLine line : service.attendance(entry.occurrenceId())) {
            rows.append("<tr><td>").append(escape(line.point().name())).append("</td><td>")
                    .append(escape(t.apply(!line.recorded() ? "conference.attendance.not-recorded"
                            : line.present() ? "conference.attendance.present" : "conference.attendance.absent",
                            new Object[0])))
                    .append("</td><td class=\"n\">").append(line.recorded() && line.present() ? line.participants() : "")
                    .append("</td><td class=\"n\">").append(line.recorded() && line.present() && line.lateMinutes() > 0
                            ? line.lateMinutes() : "")
                    .append("</td><td>").append(escape(line.note())).append("</td></tr>");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", entry.title());
        data.put("when", Formats.dateTime(entry.slot().start(), locale) + " – " + Formats.dateTime(entry.slot().end(), locale)
                + ", " + entry.location());
        data.put("attendanceHeading", t.apply("conference.attendance.heading", new Object[0]));
        data.put("pointLabel", t.apply("conference.calendar.point", new Object[0]));
        data.put("presentLabel", t.apply("conference.attendance.present-column", new Object[0]));
        data.put("participantsLabel", t.apply("conference.attendance.participants", new Object[0]));
        data.put("lateLabel", t.apply("conference.attendance.late", new Object[0]));
        data.put("noteLabel", t.apply("conference.attendance.note", new Object[0]));
        data.put("rows", new PdfRenderer.Markup(rows.toString()));
        data.put("minutesHeading", t.apply("conference.attendance.minutes-heading", new Object[0]));
        data.put("minutes", new PdfRenderer.Markup(MARKDOWN.toXhtml(service.minutes(entry.occurrenceId()))));
        StringBuilder decided = new StringBuilder();
        if (!decisions.isEmpty()) {
            decided.append("<h2>").append(escape(t.apply("conference.decisions.heading", new Object[0]))).append("</h2>")
                    .append("<table><tr><th class=\"no\">#</th><th>")
                    .append(escape(t.apply("conference.decisions.text", new Object[0]))).append("</th><th class=\"point\">")
                    .append(escape(t.apply("conference.decisions.unit", new Object[0]))).append("</th><th class=\"due\">")
                    .append(escape(t.apply("conference.decisions.due", new Object[0]))).append("</th></tr>");
            for (MeetingDecisions.Line d : decisions) {
                decided.append("<tr><td class=\"n\">").append(d.number()).append("</td><td>").append(escape(d.text()))
                        .append("</td><td>").append(escape(d.unit())).append("</td><td>")
                        .append(d.due() == null ? "" : escape(Formats.date(d.due(), locale))).append("</td></tr>");
            }
            decided.append("</table>");
        }
        data.put("decisions", new PdfRenderer.Markup(decided.toString()));
        return pdf.render("pdf/minutes.xhtml", data);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
