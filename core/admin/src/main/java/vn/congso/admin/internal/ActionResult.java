package vn.congso.admin.internal;

import java.util.Optional;

/**
 * How an action of {@link PluginService} ended. Refusals and failures are values, not
 * exceptions, so the view and the shell can show them; only a missing permission throws.
 *
 * @param status how it ended
 * @param plugin the plugin concerned, when known (after an automatic rollback: the version now
 *        running again)
 * @param problem why it was refused, failed or rolled back; empty on success
 * @param dryRun the dry run that preceded an install or upgrade, when there was one
 */
public record ActionResult(Status status, Optional<BundleRef> plugin, Optional<Problem> problem,
        Optional<DryRun> dryRun) {

    /** How an action ended. */
    public enum Status {
        /** It took effect. */
        DONE,
        /** It was refused before anything changed. */
        REFUSED,
        /** It was tried and failed; what it had changed was undone (the installed set is as before). */
        FAILED,
        /** An upgrade failed and the previous version was restored and is running again. */
        ROLLED_BACK
    }

    /**
     * Whether the action took effect.
     *
     * @return {@code true} for {@link Status#DONE}
     */
    public boolean succeeded() {
        return status == Status.DONE;
    }

    static ActionResult done(BundleRef plugin, DryRun dryRun) {
        return new ActionResult(Status.DONE, Optional.ofNullable(plugin), Optional.empty(), Optional.ofNullable(dryRun));
    }

    static ActionResult refused(BundleRef plugin, Problem problem, DryRun dryRun) {
        return new ActionResult(Status.REFUSED, Optional.ofNullable(plugin), Optional.of(problem),
                Optional.ofNullable(dryRun));
    }

    static ActionResult failed(BundleRef plugin, Problem problem, DryRun dryRun) {
        return new ActionResult(Status.FAILED, Optional.ofNullable(plugin), Optional.of(problem),
                Optional.ofNullable(dryRun));
    }

    static ActionResult rolledBack(BundleRef restored, Problem problem, DryRun dryRun) {
        return new ActionResult(Status.ROLLED_BACK, Optional.ofNullable(restored), Optional.of(problem),
                Optional.ofNullable(dryRun));
    }
}
