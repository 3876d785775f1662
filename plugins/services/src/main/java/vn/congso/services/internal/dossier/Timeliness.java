package vn.congso.services.internal.dossier;

import java.util.Locale;

/** How a dossier stands against its due day (translation keys {@code services.timeliness.*}). */
public enum Timeliness {
    /** The clock has not started (not yet received) or is stopped. */
    NOT_STARTED,
    /** Open, within time. */
    IN_TIME,
    /** Open, due within the configured number of working days. */
    DUE_SOON,
    /** Open, past its due day. */
    OVERDUE,
    /** Settled on or before its due day. */
    SETTLED_ON_TIME,
    /** Settled after its due day. */
    SETTLED_LATE,
    /** Refused or withdrawn. */
    CLOSED;

    /** @return the key suffix */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
