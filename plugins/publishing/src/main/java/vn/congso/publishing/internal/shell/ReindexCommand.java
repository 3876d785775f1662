package vn.congso.publishing.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Message;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.publishing.internal.search.ArticleIndex;

/**
 * {@code congso:publishing-reindex}: remakes the search index from the database. A failure is an
 * exception, so a script (bin/client -b) sees "Error executing command" and fails.
 */
@Service
@Command(scope = "congso", name = "publishing-reindex", description = "Rebuild the publishing search index from the database")
public final class ReindexCommand implements Action {

    @Reference
    ArticleIndex index;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        int count = index.rebuild();
        audit.record("publishing.index.rebuild", "", Outcome.SUCCESS, Message.of("publishing.audit.reindexed", count));
        System.out.println("Search index rebuilt: " + count + " published article(s).");
        return null;
    }
}
