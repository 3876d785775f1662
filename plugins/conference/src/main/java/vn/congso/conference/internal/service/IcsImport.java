package vn.congso.conference.internal.service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.congso.api.text.Formats;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.IcsImportReader;
import vn.congso.conference.internal.domain.Slot;

/**
 * Imports the meetings of an {@code .ics} file for chosen points: reads it
 * ({@link IcsImportReader}, every problem by line), then runs every meeting through the booking
 * path in one transaction ({@link ConferenceService#importMeetings}): the preview shows the
 * conflicts exactly as a booking does; a commit saves every meeting or none. Used by the import
 * screen and by {@code congso:conference-import}.
 */
public final class IcsImport {

    private final ConferenceService service;

    /**
     * @param service the conference service whose booking path the import uses
     */
    public IcsImport(ConferenceService service) {
        this.service = service;
    }

    /**
     * One meeting of the file and what the booking path says of it.
     *
     * @param event the meeting as the file gives it
     * @param conflicts its conflicts (empty when it can be booked)
     * @param alreadyImported whether its UID was imported before (it is skipped)
     * @param meetingId the saved meeting, or 0
     */
    public record Meeting(IcsImportReader.Event event, List<Conflict> conflicts, boolean alreadyImported, long meetingId) {

        /** Copies the list. */
        public Meeting {
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * A preview, or the outcome of a commit.
     *
     * @param fileName the file's name
     * @param meetings the meetings of the file (empty when the file has problems)
     * @param cancelled events skipped because the file marks them cancelled
     * @param problems the file's problems by line; when any, nothing was checked against the calendar
     * @param committed whether the meetings were saved
     */
    public record Preview(String fileName, List<Meeting> meetings, List<IcsImportReader.Skipped> cancelled,
            List<IcsImportReader.Problem> problems, boolean committed) {

        /** Copies the lists. */
        public Preview {
            meetings = List.copyOf(meetings);
            cancelled = List.copyOf(cancelled);
            problems = List.copyOf(problems);
        }

        /** @return every conflict of every meeting */
        public List<Conflict> conflicts() {
            return meetings.stream().flatMap(m -> m.conflicts().stream()).toList();
        }

        /** @return the meetings that a commit saves (not already imported) */
        public List<Meeting> toImport() {
            return meetings.stream().filter(m -> !m.alreadyImported()).toList();
        }

        /** @return whether a commit would save something: no problem, no conflict, at least one new meeting */
        public boolean importable() {
            return problems.isEmpty() && conflicts().isEmpty() && !toImport().isEmpty();
        }
    }

    /**
     * Reads a file, checks it against the calendar and, when asked and nothing is wrong, saves it.
     *
     * @param fileName the file's name (shown, never used as a path)
     * @param content the file, received within the size limit and checked as text/calendar
     * @param hostPointId the point that hosts the meetings
     * @param pointIds every participating point, the host included
     * @param commit whether to save (all or nothing)
     * @return the preview, or what was saved
     * @throws ConferenceException when the points are not usable (none, unknown, host not among them)
     */
    public Preview run(String fileName, byte[] content, long hostPointId, Set<Long> pointIds, boolean commit) {
        Settings settings = service.settings();
        IcsImportReader.Result read = IcsImportReader.read(content, settings.maxMeeting(), settings.maxOccurrences());
        if (!read.problems().isEmpty()) {
            return new Preview(fileName, List.of(), read.cancelled(), read.problems(), false);
        }
        List<ConferenceService.Planned> planned = new ArrayList<>();
        for (IcsImportReader.Event event : read.events()) {
            Slot first = event.occurrences().get(0);
            LocalDateTime start = LocalDateTime.ofInstant(first.start(), Formats.ZONE);
            LocalDateTime end = LocalDateTime.ofInstant(first.end(), Formats.ZONE);
            BookingRequest request = new BookingRequest(event.title(), event.description(), "", hostPointId, pointIds,
                    start, end, null, event.dropped(), BookingRequest.Visibility.INTERNAL);
            planned.add(new ConferenceService.Planned(request, event.rrule(), event.occurrences(), event.uid()));
        }
        ConferenceService.ImportOutcome outcome = service.importMeetings(planned, commit, fileName);
        List<Meeting> meetings = new ArrayList<>();
        for (int i = 0; i < read.events().size(); i++) {
            IcsImportReader.Event event = read.events().get(i);
            BookingResult result = outcome.results().isEmpty() ? null : outcome.results().get(i);
            meetings.add(new Meeting(event, result == null ? List.of() : result.conflicts(),
                    outcome.alreadyImported().contains(event.uid()),
                    outcome.committed() && result != null ? result.meetingId() : 0));
        }
        return new Preview(fileName, meetings, read.cancelled(), List.of(), outcome.committed());
    }
}
