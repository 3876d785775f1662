package vn.congso.conference.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import vn.congso.api.CurrentUser;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.RunAs;
import vn.congso.api.text.Formats;
import vn.congso.api.upload.SpooledUpload;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.upload.UploadSpool;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.IcsImportReader;
import vn.congso.conference.internal.domain.Slot;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.ConferenceService;
import vn.congso.conference.internal.service.IcsImport;

/**
 * {@code congso:conference-import FILE --host POINT --points all|ID,... [--commit]}: reads an
 * {@code .ics} file (the same size limit and text/calendar check as the screen), prints the
 * preview (each meeting with its times in Asia/Ho_Chi_Minh, skipped events) and, with
 * {@code --commit}, saves every meeting or none through the booking path, as
 * {@code console:<karaf user>}. Every problem of the file, every clash and every refusal is
 * thrown, so Karaf prints "Error executing command: …" and {@code bin/client -b} fails. A file with
 * nothing new to import (already imported) is refused too. The console speaks English.
 */
@Service
@Command(scope = "congso", name = "conference-import",
        description = "Import meetings from an .ics file (preview; --commit saves all or nothing)")
public final class ImportIcsCommand implements Action {

    @Reference
    ConferenceService service;

    @Reference
    RunAs runAs;

    @Reference
    TranslationService translations;

    @Argument(index = 0, name = "file", description = "The .ics file", required = true)
    String file;

    @Option(name = "--host", description = "The host point: its id or unit code", required = true)
    String host;

    @Option(name = "--points", description = "The participating points: all, or ids / unit codes separated by commas",
            required = true)
    String points;

    @Option(name = "--commit", description = "Save the meetings (without it, only the preview is printed)")
    boolean commit;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ConsoleRefusal("No such file: " + path.toAbsolutePath());
        }
        CurrentUser actor = runAs.system("console:" + ShellUtil.getCurrentUserName());
        IcsImport.Preview preview;
        try {
            preview = runAs.call(actor, () -> run(path));
        } catch (ConferenceException e) {
            throw new ConsoleRefusal("Nothing imported: " + english(e.key(), e.args()) + " [" + e.key() + "]");
        } catch (AccessDeniedException e) {
            throw new ConsoleRefusal("Nothing imported: permission " + e.permission() + " is missing");
        } catch (UploadRefusedException e) {
            throw new ConsoleRefusal("Nothing imported from " + path.getFileName() + ": "
                    + english(e.key(), e.args().toArray()) + " [" + e.key() + "]");
        } catch (IOException e) {
            throw new ConsoleRefusal("Nothing imported: cannot read " + path.getFileName() + " (" + e.getMessage() + ")");
        }
        print(preview);
        if (!preview.problems().isEmpty()) {
            StringBuilder message = new StringBuilder("Nothing imported: ").append(preview.problems().size())
                    .append(" problem(s) in ").append(path.getFileName());
            for (IcsImportReader.Problem p : preview.problems()) {
                message.append("\n  ").append(english(p.key(), IcsImportReader.args(p, TranslationService.ENGLISH)))
                        .append(" [").append(p.key()).append(']');
            }
            throw new ConsoleRefusal(message.toString());
        }
        List<Conflict> conflicts = preview.conflicts();
        if (!conflicts.isEmpty()) {
            StringBuilder message = new StringBuilder("Nothing imported: ").append(conflicts.size()).append(" clash(es)");
            for (Conflict c : conflicts) {
                message.append("\n  ").append(conflict(c));
            }
            throw new ConsoleRefusal(message.toString());
        }
        if (preview.toImport().isEmpty()) {
            throw new ConsoleRefusal("Nothing imported: " + english("conference.import.nothing") + " ("
                    + preview.meetings().size() + " imported before, " + preview.cancelled().size() + " cancelled)");
        }
        if (preview.committed()) {
            System.out.println("Imported " + preview.toImport().size() + " meeting(s) from " + path.getFileName() + ".");
        } else {
            System.out.println("Dry run: " + preview.toImport().size() + " meeting(s) can be imported; "
                    + "nothing saved (add --commit to save).");
        }
        return null;
    }

    private IcsImport.Preview run(Path path) throws IOException {
        List<ConnectionPoint> known = service.points();
        ConnectionPoint hostPoint = point(known, host);
        Set<Long> ids = new LinkedHashSet<>();
        if ("all".equalsIgnoreCase(points.strip())) {
            known.forEach(p -> ids.add(p.id()));
        } else {
            for (String token : points.split(",")) {
                if (!token.isBlank()) {
                    ids.add(point(known, token).id());
                }
            }
        }
        long limit = service.settings().importMaxBytes();
        try (InputStream in = Files.newInputStream(path);
                SpooledUpload received = UploadSpool.spool(in, path.getFileName().toString(), Files.size(path), limit,
                        IcsImportReader.calendar())) {
            return new IcsImport(service).run(path.getFileName().toString(), received.readAllBytes(), hostPoint.id(),
                    ids, commit);
        }
    }

    /** A point by id or unit code, only among the known points. */
    private static ConnectionPoint point(List<ConnectionPoint> known, String token) {
        String wanted = token.strip();
        return known.stream().filter(p -> String.valueOf(p.id()).equals(wanted) || p.unitCode().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> new ConsoleRefusal("Nothing imported: no connection point \"" + wanted
                        + "\" (use an id or a unit code)"));
    }

    private void print(IcsImport.Preview preview) {
        System.out.println(preview.fileName() + ":");
        for (IcsImport.Meeting m : preview.meetings()) {
            IcsImportReader.Event e = m.event();
            if (m.alreadyImported()) {
                System.out.println("  skipped, imported before: " + e.title() + " (UID " + e.uid() + ")");
                continue;
            }
            List<Slot> kept = e.kept();
            System.out.println("  line " + e.line() + ": " + e.title() + ", " + kept.size() + " occurrence(s)"
                    + (Formats.ZONE.getId().equals(e.zone()) ? "" : ", given in " + e.zone()) + " (UID " + e.uid() + ")");
            for (Slot s : kept) {
                System.out.println("    " + Formats.dateTime(s.start(), TranslationService.ENGLISH) + " - "
                        + Formats.dateTime(s.end(), TranslationService.ENGLISH));
            }
        }
        for (IcsImportReader.Skipped s : preview.cancelled()) {
            System.out.println("  skipped, cancelled in the file: line " + s.line() + ": " + s.title());
        }
    }

    private String conflict(Conflict c) {
        return switch (c.kind()) {
            case MEETING -> english("conference.conflict.meeting", c.pointName(), time(c.occurrence()),
                    c.with(), time(c.withStart()), time(c.withEnd()));
            case BLACKOUT -> english("conference.conflict.blackout", c.pointName(), time(c.occurrence()),
                    c.with());
            case MAINTENANCE -> english("conference.conflict.maintenance", c.pointName(),
                    time(c.occurrence()));
        };
    }

    private static String time(java.time.Instant instant) {
        return Formats.dateTime(instant, TranslationService.ENGLISH);
    }

    private String english(String key, Object... args) {
        return translations.translate(key, TranslationService.ENGLISH, args);
    }

    /** A refusal or failure the console reports as the command's error. */
    static final class ConsoleRefusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsoleRefusal(String message) {
            super(message);
        }
    }
}
