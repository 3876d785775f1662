package vn.congso.services.internal.dossier;

import java.util.Locale;

/** Where a dossier stands. */
public enum Status {
    /** Submitted online (or entered at the counter), waiting for the desk to check it. */
    SUBMITTED,
    /** Accepted as complete, the clock runs: at the receiving unit or handed over to the settling one. */
    PROCESSING,
    /** Waiting for the citizen to supplement it (template 02); the clock is stopped. */
    SUPPLEMENT,
    /** Settled; the result waits at the desk. */
    SETTLED,
    /** The result was returned to the citizen. */
    RETURNED,
    /** Refused as not receivable (template 03). */
    REFUSED,
    /** Withdrawn by the citizen. */
    WITHDRAWN;

    /** @return the stored value, also the suffix of its translation key {@code services.status.*} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @param code a stored value @return the status */
    public static Status of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** @return whether the dossier is still with the administration or the citizen */
    public boolean open() {
        return this == SUBMITTED || this == PROCESSING || this == SUPPLEMENT;
    }
}
