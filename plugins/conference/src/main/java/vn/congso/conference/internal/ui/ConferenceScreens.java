package vn.congso.conference.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.TranslationService;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.web.PublicLinks;
import vn.congso.conference.internal.service.ConferencePermissions;
import vn.congso.conference.internal.service.ConferenceService;
import vn.congso.conference.internal.service.MeetingDecisions;
import vn.congso.conference.internal.service.MeetingDocuments;

/** The conference screens, in the plugin's own navigation group "Họp trực tuyến". */
@Component
public final class ConferenceScreens implements ScreenProvider {

    /** The calendar. */
    public static final String CALENDAR = "conference";
    /** Booking a meeting. */
    public static final String BOOK = "conference/book";
    /** Importing meetings from an .ics file. */
    public static final String IMPORT = "conference/import";
    /** The hub's readiness board. */
    public static final String READINESS = "conference/readiness";
    /** The connection points. */
    public static final String POINTS = "conference/points";
    /** Attendance and minutes. */
    public static final String ATTENDANCE = "conference/attendance";
    /** A point's readiness checklist. */
    public static final String CHECKLIST = "conference/checklist";
    /** The navigation group. */
    public static final NavigationGroup GROUP = new NavigationGroup("conference", "conference.nav.group", 60);

    private final ConferenceService service;
    private final TranslationService translations;
    private final PublicLinks links;
    private final PdfRenderer pdf;
    private final MeetingDocuments documents;
    private final MeetingDecisions decisions;

    /**
     * Receives what the views need.
     *
     * @param service the conference service
     * @param translations texts
     * @param links public addresses for feed links
     * @param pdf the PDF renderer for the minutes
     * @param documents the meetings' documents
     * @param decisions the decisions of the minutes
     */
    @Activate
    public ConferenceScreens(@Reference ConferenceService service, @Reference TranslationService translations,
            @Reference PublicLinks links, @Reference PdfRenderer pdf, @Reference MeetingDocuments documents,
            @Reference MeetingDecisions decisions) {
        this.documents = documents;
        this.decisions = decisions;
        this.pdf = pdf;
        this.service = service;
        this.translations = translations;
        this.links = links;
    }

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(
                Screen.route(CALENDAR).title("conference.calendar.title").description("conference.calendar.description")
                        .icon("vaadin:calendar").group(GROUP).order(10).permission(ConferencePermissions.BOOKING_MANAGE)
                        .view(CalendarView.class, () -> new CalendarView(service, translations, links, documents)),
                Screen.route(BOOK).title("conference.book.title").description("conference.book.description")
                        .icon("vaadin:calendar-clock").group(GROUP).order(20).permission(ConferencePermissions.BOOKING_MANAGE)
                        .view(BookingView.class, () -> new BookingView(service, translations)),
                Screen.route(IMPORT).title("conference.import.title").description("conference.import.description")
                        .icon("vaadin:upload").group(GROUP).order(25).permission(ConferencePermissions.BOOKING_MANAGE)
                        .view(ImportView.class, () -> new ImportView(service, translations)),
                Screen.route(READINESS).title("conference.board.title").description("conference.board.description")
                        .icon("vaadin:dashboard").group(GROUP).order(30).permission(ConferencePermissions.BOOKING_MANAGE)
                        .view(BoardView.class, () -> new BoardView(service, translations)),
                Screen.route(CHECKLIST).title("conference.checklist.title").description("conference.checklist.description")
                        .icon("vaadin:check-square-o").group(GROUP).order(40)
                        .permission(ConferencePermissions.READINESS_CONFIRM)
                        .view(ChecklistView.class, () -> new ChecklistView(service, translations)),
                Screen.route(ATTENDANCE).title("conference.attendance.title")
                        .description("conference.attendance.description").icon("vaadin:clipboard-user").group(GROUP)
                        .order(50).permission(ConferencePermissions.ATTENDANCE_RECORD)
                        .view(AttendanceView.class, () -> new AttendanceView(service, pdf, translations, decisions)),
                Screen.route(POINTS).title("conference.points.title").description("conference.points.description")
                        .icon("vaadin:connect").group(GROUP).order(60).permission(ConferencePermissions.BOOKING_MANAGE)
                        .view(PointsView.class, () -> new PointsView(service, translations)),
                // Public so that a technical contact following an e-mail's link reaches it: the view
                // sends visitors to the sign-in page, the service decides who may see the document.
                Screen.route(MeetingDocuments.ROUTE).title("conference.document.title").icon("vaadin:file-text-o")
                        .group(GROUP).hidden().view(DocumentView.class, () -> new DocumentView(documents, translations)));
    }
}
