package vn.congso.services.internal.dossier;

import java.util.Locale;

/**
 * Where a dossier in {@link Status#PROCESSING} stands in its procedure's steps (translation keys
 * {@code services.step.*}): the desk that received it assigns it, the specialist proposes a
 * result, the leader approves it. Procedures settled on the spot (no working days) have no steps.
 */
public enum Step {
    /** Received, waiting for the desk (or the leader) to assign a specialist. */
    RECEIVE,
    /** With the assigned specialist. */
    SPECIALIST,
    /** The specialist's proposal waits for the leader's approval. */
    LEADER;

    /** @return the stored value */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param code a stored value, maybe empty or null
     * @return the step, or null for none
     */
    public static Step ofNullable(String code) {
        return code == null || code.isEmpty() ? null : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
