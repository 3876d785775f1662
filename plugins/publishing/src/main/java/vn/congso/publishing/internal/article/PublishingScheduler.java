package vn.congso.publishing.internal.article;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.security.RunAs;

/**
 * Publishes scheduled articles and takes down those whose unpublish time came, every
 * {@value #SECONDS} seconds (and writes the portal's visits and views counted meanwhile), as the system actor {@value #ACTOR}, with nobody signed in. Its first
 * run, right after start, catches up with what came due while the server was down.
 */
@Component(immediate = true)
public final class PublishingScheduler {

    /** How the scheduler appears in the audit log. */
    static final String ACTOR = "system:publishing-scheduler";
    /** Interval between runs. */
    static final long SECONDS = 15;

    private final Logger log = LoggerFactory.getLogger(PublishingScheduler.class);
    private final ScheduledExecutorService executor;
    private final ArticleService articles;
    private final RunAs runAs;
    private final CurrentUser actor;

    /**
     * Starts.
     *
     * @param articles the articles
     * @param runAs to act as the system actor
     */
    @Activate
    public PublishingScheduler(@Reference ArticleService articles, @Reference RunAs runAs) {
        this(articles, runAs, true);
    }

    PublishingScheduler(ArticleService articles, RunAs runAs, boolean start) {
        this.articles = articles;
        this.runAs = runAs;
        this.actor = runAs.system(ACTOR);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "publishing-scheduler");
            t.setDaemon(true);
            return t;
        });
        if (start) {
            executor.scheduleWithFixedDelay(this::run, 0, SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * One run; never throws, or the executor would stop scheduling it.
     *
     * @return how many articles changed, -1 when the run failed
     */
    int run() {
        articles.flushAudience();
        try {
            int changed = runAs.call(actor, articles::runDue);
            if (changed > 0) {
                log.info("Scheduled publishing changed {} article(s)", changed);
            }
            return changed;
        } catch (Exception e) {
            log.warn("Scheduled publishing failed; retrying at the next run", e);
            return -1;
        }
    }

    /** Stops. */
    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
