package vn.congso.training.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.ShellUtil;
import vn.congso.api.CurrentUser;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.RunAs;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exchange.ImportError;
import vn.congso.training.internal.service.QuestionBankService;

/**
 * What both import commands do: preview the file as {@code console:<karaf user>}, then either
 * refuse it, naming every error with its line or element, or commit every question in one
 * transaction and print the counts. Every refusal and failure is thrown as
 * {@link ConsoleRefusal}, so Karaf prints "Error executing command: …" and a script running
 * {@code bin/client -b} sees the command fail. The console speaks English; texts come from the
 * platform's translations, formatted safely (a GIFT message may contain braces).
 */
abstract class ImportCommand implements Action {

    @Reference
    QuestionBankService bank;

    @Reference
    RunAs runAs;

    @Reference
    TranslationService translations;

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
            throw new ConsoleRefusal("No such file: " + path.toAbsolutePath());
        }
        CurrentUser actor = runAs.system("console:" + ShellUtil.getCurrentUserName());
        QuestionBankService.ImportSummary summary;
        try {
            summary = runAs.call(actor, () -> importFile(path));
        } catch (TrainingException e) {
            throw new ConsoleRefusal("Nothing imported from " + path.getFileName() + ":\n" + lines(e.problems()));
        } catch (AccessDeniedException e) {
            throw new ConsoleRefusal("Nothing imported: permission " + e.permission() + " is missing");
        } catch (IOException e) {
            throw new ConsoleRefusal("Nothing imported: cannot read " + path.getFileName() + " (" + e.getMessage() + ")");
        }
        System.out.println("Imported " + summary.questions() + " question(s), " + summary.categoriesCreated()
                + " new categor" + (summary.categoriesCreated() == 1 ? "y" : "ies") + ".");
        return null;
    }

    private QuestionBankService.ImportSummary importFile(Path path) throws IOException {
        QuestionBankService.ImportPreview preview;
        try (InputStream in = Files.newInputStream(path)) {
            preview = bank.preview(format(), in, category);
        }
        if (!preview.succeeded()) {
            StringBuilder message = new StringBuilder("Nothing imported: ").append(preview.errors().size())
                    .append(" error(s) in ").append(path.getFileName());
            for (ImportError error : preview.errors()) {
                String where = error.line() > 0 ? "line " + error.line()
                        : error.element().isEmpty() ? "file" : error.element();
                message.append("\n  ").append(where).append(": ").append(text(error.problem()));
            }
            throw new ConsoleRefusal(message.toString());
        }
        for (Map.Entry<String, Integer> entry : preview.countsByCategory().entrySet()) {
            System.out.println("  " + entry.getValue() + "\t" + entry.getKey());
        }
        return bank.commit(preview, QuestionBankService.ImportProgress.NONE);
    }

    private String lines(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (Problem problem : problems) {
            out.append(out.length() == 0 ? "  " : "\n  ").append(text(problem));
        }
        return out.toString();
    }

    /** A problem in English, with its key for searches and scripts. */
    String text(Problem problem) {
        return translations.translate(problem.key(), TranslationService.ENGLISH, problem.args().toArray())
                + " [" + problem.key() + "]";
    }

    /** A refusal or failure the console reports as the command's error. */
    static final class ConsoleRefusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsoleRefusal(String message) {
            super(message);
        }
    }
}
