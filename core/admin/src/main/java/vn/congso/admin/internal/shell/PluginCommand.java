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
        return new java.text.MessageFormat(pattern, Locale.ENGLISH).format(problem.args().toArray());
    }

    /** Prints {@code STATUS bsn/version [reason key]: reason}; the key is stable for scripts and searches. */
    static Object print(ActionResult result) {
        System.out.println(result.status() + result.plugin().map(p -> " " + p).orElse("")
                + result.problem().map(p -> " [" + p.key() + "]: " + text(p)).orElse(""));
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
