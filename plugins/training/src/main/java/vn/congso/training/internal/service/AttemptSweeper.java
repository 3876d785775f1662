package vn.congso.training.internal.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.security.RunAs;

/**
 * Submits attempts whose time ran out, every few seconds, as the system actor
 * {@code system:training-sweeper}, whether or not the learner's browser is still open. Its first
 * run, right after start, submits the attempts whose time ran out while the server was down.
 */
@Component(configurationPid = TrainingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AttemptSweeper {

    /** How the sweeper appears in the audit log. */
    static final String ACTOR = "system:training-sweeper";

    private final Logger log = LoggerFactory.getLogger(AttemptSweeper.class);
    private final ScheduledExecutorService executor;
    private final ExamService exams;
    private final CurrentUser actor;
    private final RunAs runAs;

    /**
     * Starts sweeping.
     *
     * @param exams the exam service
     * @param runAs to act as the system actor
     * @param config the interval
     */
    @Activate
    public AttemptSweeper(@Reference ExamService exams, @Reference RunAs runAs, TrainingConfig config) {
        this.exams = exams;
        this.runAs = runAs;
        this.actor = runAs.system(ACTOR);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "training-attempt-sweeper");
            t.setDaemon(true);
            return t;
        });
        long seconds = Math.max(1, config.sweepSeconds());
        executor.scheduleWithFixedDelay(this::sweep, 0, seconds, TimeUnit.SECONDS);
    }

    /** One run; never throws, or the executor would stop scheduling it. */
    void sweep() {
        try {
            int submitted = runAs.call(actor, exams::submitOverdue);
            if (submitted > 0) {
                log.info("Auto-submitted {} overdue exam attempt(s)", submitted);
            }
        } catch (Exception e) {
            log.warn("Auto-submit sweep failed; retrying at the next run", e);
        }
    }

    /** Stops sweeping; an attempt being graded finishes or rolls back in its own transaction. */
    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
