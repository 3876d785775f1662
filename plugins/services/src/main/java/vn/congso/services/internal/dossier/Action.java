package vn.congso.services.internal.dossier;

import java.util.Locale;

/** What can be done to a dossier, each one audited as {@code services.dossier.<code>}. */
public enum Action {
    /** The citizen submits (or the desk enters a paper dossier). */
    SUBMIT,
    /** The desk accepts it as complete: the clock starts. */
    RECEIVE,
    /** The desk refuses it as not receivable. */
    REFUSE,
    /** The desk or the specialist asks the citizen for more. */
    REQUEST_SUPPLEMENT,
    /** The citizen supplies what was asked. */
    SUPPLEMENT,
    /** The commune's desk hands an inter-level dossier over to the district. */
    TRANSFER,
    /** The settling unit settles it. */
    SETTLE,
    /** The receiving desk returns the result. */
    RETURN,
    /** The citizen withdraws it. */
    WITHDRAW,
    /** The late unit issues the apology and new appointment letter (template 04): the status stays. */
    APOLOGISE,
    /** The desk (or the leader) assigns the dossier to a specialist of the settling unit. */
    ASSIGN,
    /** The assigned specialist proposes the result to the leader. */
    PROPOSE,
    /** The leader approves the proposed result: the dossier is settled. */
    APPROVE,
    /** The leader sends the proposal back to the specialist with a note. */
    SEND_BACK;

    /** @return the code used in audit actions, events and translation keys */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @param code a stored value @return the action */
    public static Action of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
