package vn.congso.training.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.ShellUtil;
import vn.congso.api.CurrentUser;
import vn.congso.api.security.RunAs;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exchange.ImportError;
import vn.congso.training.internal.service.QuestionBankService;

/**
 * What both import commands do: preview the file as {@code console:<karaf user>}, print the
 * errors with their lines or elements and stop, or commit every question in one transaction and
 * print the counts. The console speaks English; texts come from the plugin's translation files.
 */
abstract class ImportCommand implements Action {

    @Reference
    QuestionBankService bank;

    @Reference
    RunAs runAs;

    @Argument(index = 0, name = "file", description = "The file to import", required = true)
    String file;

    @Argument(index = 1, name = "category", description = "Bank category the questions go into, e.g. \"Tin học/Word\"",
            required = true)
    String category;

    /** @return the file's format */
    abstract QuestionBankService.ImportFormat format();

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("No such file: " + path.toAbsolutePath());
            return null;
        }
        CurrentUser actor = runAs.system("console:" + ShellUtil.getCurrentUserName());
        return runAs.call(actor, () -> {
            QuestionBankService.ImportPreview preview;
            try (InputStream in = Files.newInputStream(path)) {
                preview = bank.preview(format(), in, category);
            }
            if (!preview.succeeded()) {
                System.err.println("Nothing imported: " + preview.errors().size() + " error(s) in " + path.getFileName());
                for (ImportError error : preview.errors()) {
                    String where = error.line() > 0 ? "line " + error.line() : error.element();
                    System.err.println("  " + where + ": " + text(error.problem()));
                }
                return null;
            }
            for (Map.Entry<String, Integer> entry : preview.countsByCategory().entrySet()) {
                System.out.println("  " + entry.getValue() + "\t" + entry.getKey());
            }
            try {
                QuestionBankService.ImportSummary summary = bank.commit(preview, QuestionBankService.ImportProgress.NONE);
                System.out.println("Imported " + summary.questions() + " question(s), " + summary.categoriesCreated()
                        + " new categor" + (summary.categoriesCreated() == 1 ? "y" : "ies") + ".");
            } catch (TrainingException e) {
                System.err.println("Nothing imported:");
                e.problems().forEach(p -> System.err.println("  " + text(p)));
            }
            return null;
        });
    }

    /** A problem in English, with its key for searches and scripts. */
    static String text(Problem problem) {
        for (String name : new String[] {"OSGI-INF/l10n/training", "OSGI-INF/l10n/training-services"}) {
            try {
                ResourceBundle texts = ResourceBundle.getBundle(name, Locale.ENGLISH, ImportCommand.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                if (texts.containsKey(problem.key())) {
                    return new MessageFormat(texts.getString(problem.key()), Locale.ENGLISH)
                            .format(problem.args().toArray()) + " [" + problem.key() + "]";
                }
            } catch (MissingResourceException e) {
                // try the next file
            }
        }
        return problem.key() + " " + problem.args();
    }
}
