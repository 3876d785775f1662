package vn.congso.training.internal.exam;

/** Where an attempt is in its life; only {@link #IN_PROGRESS} takes answers. */
public enum AttemptState {
    /** Started, taking answers. */
    IN_PROGRESS,
    /** Submitted by the learner. */
    SUBMITTED,
    /** Submitted by the server when time ran out. */
    AUTO_SUBMITTED;

    /** @return whether the attempt is over and may be graded */
    public boolean isFinished() {
        return this != IN_PROGRESS;
    }
}
