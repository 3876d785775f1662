package vn.congso.admin.internal.shell;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.ShellUtil;
import vn.congso.admin.internal.ActionResult;
import vn.congso.admin.internal.DryRun;
import vn.congso.admin.internal.PluginService;
import vn.congso.admin.internal.Problem;
import vn.congso.admin.internal.TrustResult;

/**
 * What every {@code congso:plugin-*} command shares: the service acting for the Karaf user who
 * runs the command, and printing results. The console speaks English (the administrator's
 * shell); texts come from the same translation keys as the view.
 */
abstract class PluginCommand implements Action {

    @Reference
    PluginService plugins;

    /** The service acting as {@code console:<karaf user>}. */
    PluginService service() {
        return plugins.forConsole(ShellUtil.getCurrentUserName());
    }

    static String text(Problem problem) {
        ResourceBundle texts = ResourceBundle.getBundle("OSGI-INF/l10n/admin", Locale.ENGLISH,
                PluginCommand.class.getClassLoader());
        String pattern = texts.containsKey(problem.key()) ? texts.getString(problem.key()) : problem.key();
        try {
            return new java.text.MessageFormat(pattern, Locale.ENGLISH).format(problem.args().toArray());
        } catch (IllegalArgumentException e) {
            // A pattern that does not parse must not hide the reason: show the key and its arguments.
            return problem.toString();
        }
    }

    /**
     * Prints {@code STATUS bsn/version [reason key]: reason}; the key is stable for scripts and
     * searches. Anything but DONE is thrown instead, so that Karaf prints "Error executing
     * command: …" and a script ({@code bin/client -b}) fails.
     *
     * @throws ConsoleRefusal when the action did not succeed
     */
    static Object print(ActionResult result) {
        String line = result.status() + result.plugin().map(p -> " " + p).orElse("")
                + result.problem().map(p -> " [" + p.key() + "]: " + text(p)).orElse("");
        if (!result.succeeded()) {
            throw new ConsoleRefusal(line);
        }
        System.out.println(line);
        return null;
    }

    /**
     * Prints a dry run; throws when it holds refusals.
     *
     * @throws ConsoleRefusal naming the first refusal
     */
    static void printOrRefuse(DryRun plan) {
        print(plan);
        if (!plan.acceptable()) {
            Problem first = plan.refusals().get(0);
            throw new ConsoleRefusal("REFUSED" + plan.plugin().map(p -> " " + p).orElse("") + " [" + first.key() + "]: "
                    + text(first));
        }
    }

    /** Says how a trust store change ended; anything but DONE is thrown. */
    static Object print(TrustResult result, String done) {
        String line = result.status() + result.signer().map(s -> " " + s.name()).orElse("")
                + result.problem().map(p -> " [" + p.key() + "]: " + text(p)).orElse("");
        if (!result.succeeded()) {
            throw new ConsoleRefusal(line);
        }
        System.out.println(line + result.signer().map(s -> ": " + done + " " + s.subject() + " (SHA-256 " + s.fingerprint()
                + ")").orElse(""));
        return null;
    }

    static void print(DryRun plan) {
        System.out.println("Dry run (" + plan.kind() + ")" + plan.plugin().map(p -> " of " + p).orElse(""));
        System.out.println("  signed by:  " + plan.signer().orElse("(unsigned)"));
        System.out.println("  install:    " + plan.toInstall());
        System.out.println("  update:     " + plan.toUpdate());
        System.out.println("  refresh:    " + plan.toRefresh());
        plan.providers().forEach(p -> System.out.println("  " + p.requirement() + " <- " + p.provider()));
        plan.refusals().forEach(p -> System.out.println("  REFUSED [" + p.key() + "]: " + text(p)));
        if (plan.acceptable()) {
            System.out.println("  OK: would install");
        }
    }

    static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
