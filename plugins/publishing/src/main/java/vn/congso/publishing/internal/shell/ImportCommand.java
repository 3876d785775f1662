package vn.congso.publishing.internal.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleException;
import vn.congso.publishing.internal.article.ArticleImport;
import vn.congso.publishing.internal.article.ArticleService;

/**
 * {@code congso:publishing-import <folder|archive.zip> [--commit]}: reads Markdown and HTML files
 * with front matter as {@code console:<karaf user>} and prints what would be imported; with
 * {@code --commit} imports every article as a draft in one transaction. Any problem, named by file
 * and line, is the command's error (nothing imported), so a script running {@code bin/client -b}
 * sees it fail.
 */
@Service
@Command(scope = "congso", name = "publishing-import",
        description = "Import articles (Markdown/HTML with front matter) from a folder or a ZIP archive, as drafts")
public final class ImportCommand implements Action {

    @Reference
    ArticleService articles;

    @Reference
    RunAs runAs;

    @Reference
    TranslationService translations;

    @Argument(index = 0, name = "path", description = "A folder or a .zip archive on the server", required = true)
    String path;

    @Option(name = "--commit", description = "Import (without it, only show what would be imported)")
    boolean commit;

    @Override
    public Object execute() throws Exception {
        Path source = Path.of(path);
        if (!Files.isDirectory(source) && !Files.isRegularFile(source)) {
            throw new ConsoleRefusal("No such folder or file: " + source.toAbsolutePath());
        }
        CurrentUser actor = runAs.system("console:" + ShellUtil.getCurrentUserName());
        try {
            return runAs.call(actor, () -> run(source));
        } catch (AccessDeniedException e) {
            throw new ConsoleRefusal("Nothing imported: permission " + e.permission() + " is missing");
        } catch (ArticleException e) {
            throw new ConsoleRefusal("Nothing imported: " + english(e.key(), List.of(e.args())));
        } catch (IOException e) {
            throw new ConsoleRefusal("Nothing imported: cannot read " + source.getFileName() + " (" + e.getMessage() + ")");
        }
    }

    private Object run(Path source) throws IOException {
        ArticleImport.Preview preview = articles.previewImport(source);
        if (!preview.ok()) {
            StringBuilder message = new StringBuilder("Nothing imported: ").append(preview.problems().size())
                    .append(" problem(s)");
            for (ArticleImport.Problem p : preview.problems()) {
                message.append("\n  ").append(p.file().isEmpty() ? source.getFileName().toString() : p.file())
                        .append(p.line() > 0 ? ":" + p.line() : "").append(": ").append(english(p.key(), p.args()));
            }
            throw new ConsoleRefusal(message.toString());
        }
        for (ArticleImport.Item item : preview.items()) {
            System.out.println("  " + item.file() + "\t" + item.draft().categoryId() + "\t" + item.draft().title());
        }
        for (String ignored : preview.ignored()) {
            System.out.println("  (ignored, not an article) " + ignored);
        }
        if (!commit) {
            System.out.println(preview.items().size() + " article(s) would be imported as drafts; run again with --commit.");
            return null;
        }
        List<Article> created = articles.importAll(preview);
        System.out.println("Imported " + created.size() + " article(s) as drafts (first id " + created.get(0).id() + ").");
        return null;
    }

    private String english(String key, List<Object> args) {
        return translations.translate(key, TranslationService.ENGLISH, args.toArray()) + " [" + key + "]";
    }

    /** A refusal or failure the console reports as the command's error. */
    static final class ConsoleRefusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConsoleRefusal(String message) {
            super(message);
        }
    }
}
