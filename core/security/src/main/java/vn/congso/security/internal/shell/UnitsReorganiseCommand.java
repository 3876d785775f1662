package vn.congso.security.internal.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import vn.congso.api.TranslationService;
import vn.congso.security.internal.units.ReorganisationFile;
import vn.congso.security.internal.units.ReorganisationPlanner;
import vn.congso.security.internal.units.UnitProblem;
import vn.congso.security.internal.units.UnitService;

/**
 * {@code congso:units-reorganise <file> [--apply]}: previews a reorganisation file (the default)
 * or applies it, all or nothing. A refused file fails the command with every problem and its
 * line, so Karaf prints "Error executing command: …" and a script ({@code bin/client -b}) fails.
 * Whoever holds the Karaf console is an administrator already; the audit log names the console
 * user. The console speaks English.
 */
@Service
@Command(scope = "congso", name = "units-reorganise",
        description = "Preview (default) or apply (--apply) a reorganisation of administrative units from a CSV file")
public class UnitsReorganiseCommand implements Action {

    @Reference
    UnitService units;

    @Reference
    TranslationService translations;

    @Argument(index = 0, name = "file", required = true, description = "The reorganisation file (UTF-8 CSV)")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--apply", description = "Apply the changes (all or nothing) instead of only previewing them")
    boolean apply;

    // Karaf reads options only before arguments; "<file> --apply" is accepted as written too.
    @Argument(index = 1, name = "--apply", required = false, description = "--apply after the file, same as the option")
    String trailing;

    @Override
    public Object execute() throws IOException {
        if (trailing != null) {
            if (!trailing.equals("--apply")) {
                throw new IllegalArgumentException("Nothing changed: unexpected argument " + trailing
                        + " (only --apply may follow the file)");
            }
            apply = true;
        }
        Path path = readable(file);
        byte[] bytes = Files.readAllBytes(path);
        String name = path.getFileName().toString();
        UnitService.Outcome outcome = apply ? units.applyForConsole(bytes, name, actor()) : units.previewForConsole(bytes);
        if (!outcome.succeeded()) {
            StringBuilder message = new StringBuilder("Nothing changed: ").append(outcome.problems().size())
                    .append(" problem(s) in ").append(name);
            for (UnitProblem problem : outcome.problems()) {
                message.append("\n  ").append(problem.line() > 0 ? "line " + problem.line() : "file").append(": ")
                        .append(translations.translate(problem.key(), TranslationService.ENGLISH,
                                problem.args().toArray()))
                        .append(" [").append(problem.key()).append(']');
            }
            throw new IllegalArgumentException(message.toString());
        }
        ReorganisationPlanner.Plan plan = outcome.plan().orElseThrow();
        for (ReorganisationPlanner.Change change : plan.changes()) {
            System.out.println("  line " + change.line() + ": "
                    + translations.translate(change.key(), TranslationService.ENGLISH, change.args().toArray()));
        }
        System.out.println((apply ? "Applied" : "Preview (nothing changed; add --apply to apply)") + ": "
                + plan.reorganisation().title() + ", effective " + plan.reorganisation().effective() + ", "
                + plan.created().size() + " new unit(s), " + plan.ended().size() + " ended, "
                + plan.reparented().size() + " moved under another unit, " + plan.moves().size() + " account(s) moved");
        return null;
    }

    /** Checks the operator's path before anything is read. */
    static Path readable(String argument) throws IOException {
        Path path;
        try {
            path = Path.of(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Nothing changed: not a valid path: " + e.getMessage());
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("Nothing changed: no such file: " + path);
        }
        if (Files.size(path) > ReorganisationFile.MAX_BYTES) {
            throw new IllegalArgumentException("Nothing changed: " + path + " is larger than "
                    + ReorganisationFile.MAX_BYTES / 1024 + " KB");
        }
        return path;
    }

    /** The Karaf user JAAS put on the command's thread, as {@code console:<user>}. */
    @SuppressWarnings("removal") // Subject.getSubject: Karaf 4.4 still binds the shell user this way
    private static String actor() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals("UserPrincipal")) {
                    return "console:" + principal.getName();
                }
            }
        }
        return "console:local";
    }
}
