package vn.congso.services.internal.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online dossiers and the one-stop desk. Every method checks the caller's permission and, for
 * transitions, {@link Workflow}; every transition and every refusal is audited as
 * {@code services.dossier.<action>}.
 */
public interface DossierService {

    /** File types an attachment may have (checked on the content, not the name alone). */
    List<vn.congso.api.upload.FileType> FILE_TYPES = List.of(vn.congso.api.upload.FileType.PDF,
            vn.congso.api.upload.FileType.PNG, vn.congso.api.upload.FileType.JPEG);

    /** How many files a dossier may carry. */
    int MAX_FILES = 10;

    /**
     * A file to attach, already received within the limits.
     *
     * @param fileName the name the sender gave it
     * @param content its bytes
     */
    record NewFile(String fileName, byte[] content) {
    }

    /**
     * What a citizen submits.
     *
     * @param procedureCode the procedure
     * @param unit the unit whose desk receives it
     * @param applicantName the applicant's name
     * @param phone the phone
     * @param email the e-mail, maybe empty
     * @param form the e-form as typed
     * @param files the attachments
     * @param token the form's one-time token: a second submit with the same token returns the first dossier
     */
    record Submission(String procedureCode, String unit, String applicantName, String phone, String email,
            Map<String, String> form, List<NewFile> files, String token) {
    }

    /**
     * A stored file's description.
     *
     * @param id its id
     * @param fileName its name
     * @param mediaType the type its content showed
     * @param size its size in bytes
     */
    record FileInfo(long id, String fileName, String mediaType, long size) {
    }

    /**
     * One step of a dossier's history.
     *
     * @param at when
     * @param actor who
     * @param action what
     * @param from the status before
     * @param to the status after
     * @param unit the unit that acted
     * @param note the remark
     */
    record Event(Instant at, String actor, String action, String from, String to, String unit, String note) {
    }

    /**
     * What an anonymous look-up shows: no personal data.
     *
     * @param code the dossier code
     * @param procedureName the procedure
     * @param status where it stands
     * @param dueDate the due day, if the clock has started
     */
    record LookupResult(String code, String procedureName, Status status, Optional<LocalDate> dueDate) {
    }

    /**
     * The look-up was refused because the client asked too often.
     */
    final class TooManyLookupsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates it. */
        public TooManyLookupsException() {
            super("services.lookup.too-many");
        }
    }

    /**
     * Submits an online dossier as the current citizen.
     *
     * @param submission what is submitted
     * @param locale the page's language, for reading numbers and dates
     * @return the dossier (the earlier one when the token was used before)
     * @throws FormException with every field's problem when the e-form is not valid
     * @throws WorkflowException when the procedure is not online, the unit is wrong or a file is refused
     */
    Dossier submit(Submission submission, java.util.Locale locale);

    /**
     * Carries out a transition.
     *
     * @param dossierId the dossier
     * @param action the action (not {@link Action#SUBMIT})
     * @param note the remark or the request to the citizen (required for a refusal and a supplement request)
     * @param files files the citizen adds with a supplement
     * @return the dossier after it
     */
    Dossier act(long dossierId, Action action, String note, List<NewFile> files);

    /**
     * @param id a dossier id
     * @return the dossier, when the caller may see it (its owner, or an officer of its units)
     */
    Optional<Dossier> get(long id);

    /**
     * @return the current citizen's dossiers, newest first
     */
    List<Dossier> mine();

    /**
     * The desk's queue: open and settled dossiers of the officer's unit, oldest due first.
     *
     * @param status only this status, or every non-final one when empty
     * @param limit the most to return
     * @return the dossiers
     */
    default List<Dossier> queue(Optional<Status> status, int limit) {
        return queue(status, "", limit);
    }

    /**
     * The desk's queue narrowed to the dossiers whose code contains a text, searched in the whole
     * queue (not only in its first rows).
     *
     * @param status only this status, or every non-final one when empty
     * @param codePart part of the dossier code, any case; empty for all
     * @param limit the most to return
     * @return the dossiers, oldest due first
     */
    List<Dossier> queue(Optional<Status> status, String codePart, int limit);

    /**
     * @return the officer's unit's counts by status, open ones and settled ones
     */
    Map<Status, Integer> queueCounts();

    /** The desk's watches over its dossiers in processing, beside the statuses. */
    enum Watch {
        /** Due today or within the configured number of working days ({@code dueSoonDays}). */
        DUE_SOON,
        /** Past the due day: nothing moves until the apology letter (template 04) is issued. */
        OVERDUE,
        /** Assigned to the caller (a specialist's own work). */
        MINE;

        /** @return the code used in the desk's filter and translation keys ({@code services.watch.*}) */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The unit's dossiers in processing under a watch, searched in the whole queue.
     *
     * @param watch which ones
     * @param codePart part of the dossier code, any case; empty for all
     * @param limit the most to return
     * @return the dossiers, oldest due first
     */
    List<Dossier> watched(Watch watch, String codePart, int limit);

    /**
     * @return the officer's unit's counts per watch
     */
    Map<Watch, Integer> watchCounts();

    /**
     * @param dossierId a dossier the caller may see
     * @return its history, oldest first
     */
    List<Event> history(long dossierId);

    /**
     * @param dossierId a dossier the caller may see
     * @return its files
     */
    List<FileInfo> files(long dossierId);

    /**
     * @param fileId a file
     * @return its bytes, for the dossier's owner and its units' officers only
     */
    byte[] fileContent(long fileId);

    /**
     * The receipt and appointment slip (template 01 of Circular 01/2018) as a PDF.
     *
     * @param dossierId a dossier the caller may see
     * @return the PDF
     */
    byte[] receipt(long dossierId);

    /**
     * The anonymous look-up: the same empty answer for an unknown code and wrong digits.
     * Rate-limited per client.
     *
     * @param code the dossier code
     * @param phoneLastDigits the last four digits of the applicant's phone
     * @return the status and due day, or empty
     * @throws TooManyLookupsException when the client asked too often
     */
    Optional<LookupResult> lookup(String code, String phoneLastDigits);

    /**
     * How a dossier stands against its due day today.
     *
     * @param dossier a dossier
     * @return the timeliness
     */
    Timeliness timeliness(Dossier dossier);

    /**
     * The unit code an officer acts for.
     *
     * @return the current user's unit today, or empty
     */
    String currentUnit();

    /** The letters of Circular 01/2018 a dossier may carry besides the receipt, by template number. */
    enum Letter {
        /** Template 02: the request to supplement, for the last request. */
        SUPPLEMENT_REQUEST("02", "pdf/supplement-request.xhtml"),
        /** Template 03: the refusal to receive. */
        REFUSAL("03", "pdf/refusal.xhtml"),
        /** Template 04: the apology and new appointment, for the last one issued. */
        APOLOGY("04", "pdf/apology.xhtml"),
        /** Template 05: the control sheet, every hand-over of the dossier with its time and whether it was in time. */
        CONTROL_SHEET("05", "pdf/control-sheet.xhtml");

        private final String number;
        private final String template;

        Letter(String number, String template) {
            this.number = number;
            this.template = template;
        }

        /** @return the template's number in the circular, also part of the file name */
        public String number() {
            return number;
        }

        /** @return the XHTML template's resource path */
        public String template() {
            return template;
        }

        /** @return the suffix of its translation key {@code services.letter.*} */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One apology and new appointment letter (template 04).
     *
     * @param issuedAt when
     * @param issuedBy who
     * @param unit the unit that apologised
     * @param reason why the dossier is late
     * @param previousDue the due day it missed
     * @param newDue the new appointment
     */
    record Apology(Instant issuedAt, String issuedBy, String unit, String reason, LocalDate previousDue, LocalDate newDue) {
    }

    /**
     * Issues the apology and new appointment letter of a late (or about to be late) dossier: the
     * due day moves to the new one, the citizen is told, and the dossier may proceed again.
     *
     * @param dossierId the dossier
     * @param newDue the new appointment: a working day after today and after the present due day
     * @param reason why it is late (required)
     * @return the dossier after it
     */
    Dossier apologise(long dossierId, LocalDate newDue, String reason);

    /**
     * @param dossierId a dossier the caller may see
     * @return its apology letters, oldest first
     */
    List<Apology> apologies(long dossierId);

    /**
     * @param dossier a dossier
     * @return whether it is past its due day with its result not yet returned, so that it cannot
     *         proceed until an apology letter gives it a new due day
     */
    boolean needsApology(Dossier dossier);

    /**
     * @param dossierId a dossier the caller may see
     * @return the letters it has, in template order
     */
    List<Letter> letters(long dossierId);

    /**
     * A letter of Circular 01/2018 as a PDF.
     *
     * @param dossierId a dossier the caller may see (its owner or an officer of its units)
     * @param letter which one
     * @return the PDF
     * @throws WorkflowException when the dossier has no such letter
     */
    byte[] letter(long dossierId, Letter letter);

    /**
     * Assigns a processing dossier to a specialist of its settling unit (the desk or the leader).
     *
     * @param dossierId the dossier
     * @param specialist the account: enabled, of the settling unit today, a specialist or officer
     * @param note an optional remark
     * @return the dossier after it
     */
    Dossier assign(long dossierId, String specialist, String note);

    /**
     * @param dossierId a dossier the caller may see
     * @return the accounts it may be assigned to, by username
     */
    List<vn.congso.api.security.UserDirectory.Person> assignees(long dossierId);

    /**
     * @param procedureCode a procedure
     * @return its steps' shares of its working days (the default when none were set)
     */
    StepPlan stepPlan(String procedureCode);

    /**
     * Sets a procedure's steps' shares (catalogue administrators); the specialist has the rest.
     *
     * @param procedureCode the procedure
     * @param receiveHalfDays the desk's share, in half days
     * @param leaderHalfDays the leader's share, in half days (at least one when the procedure has working days)
     * @return the plan
     */
    StepPlan setStepPlan(String procedureCode, int receiveHalfDays, int leaderHalfDays);

    /**
     * @param dossier a received dossier
     * @return each step's due time, empty before receipt or for a procedure without steps
     */
    List<StepPlan.StepDue> schedule(Dossier dossier);

    /** The longest period the tracking book covers at once, in days. */
    int BOOK_MAX_DAYS = 366;
    /** The most dossiers the tracking book lists at once. */
    int BOOK_MAX_ROWS = 5000;

    /**
     * The desk's tracking book (template 06 of Circular 01/2018) for the officer's unit: the
     * dossiers submitted to it, or settled by it, in a period, as an A4 landscape PDF.
     *
     * @param from the first day
     * @param to the last day (at most {@link #BOOK_MAX_DAYS} days after the first)
     * @return the PDF
     * @throws WorkflowException for a wrong period or more than {@link #BOOK_MAX_ROWS} dossiers
     */
    byte[] trackingBook(LocalDate from, LocalDate to);

    /**
     * The same tracking book as CSV (UTF-8 with a byte order mark, cells safe for spreadsheets).
     *
     * @param from the first day
     * @param to the last day
     * @return the CSV
     */
    byte[] trackingBookCsv(LocalDate from, LocalDate to);

    /**
     * A paper dossier a walk-in citizen brings to the counter.
     *
     * @param procedureCode the procedure (online or not)
     * @param applicantName the applicant's name
     * @param phone the phone
     * @param idNumber the identity card number (12 digits, or 9 for an old card)
     * @param email the e-mail, maybe empty
     * @param form the e-form as typed
     * @param files the scanned papers
     * @param token the form's one-time token: a second entry with the same token returns the first dossier
     */
    record CounterEntry(String procedureCode, String applicantName, String phone, String idNumber, String email,
            Map<String, String> form, List<NewFile> files, String token) {
    }

    /**
     * The desk officer enters a paper dossier at the counter of the officer's unit: checked like
     * an online one (e-form, files' limits and content), recorded as channel {@code counter},
     * and received at once (the clock starts; receipt 01 can be printed).
     *
     * @param entry what the citizen brought
     * @param locale the page's language, for reading numbers and dates
     * @return the received dossier (the earlier one when the token was used before)
     * @throws FormException with every field's problem
     * @throws WorkflowException when the unit cannot receive the procedure or a file is refused
     */
    Dossier enterAtCounter(CounterEntry entry, java.util.Locale locale);

    /** An e-form refused, with each field's problem. */
    final class FormException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, vn.congso.services.internal.catalogue.FormValidation.Problem> problems;

        /**
         * @param problems each field's problem
         */
        public FormException(Map<String, vn.congso.services.internal.catalogue.FormValidation.Problem> problems) {
            super("services.form.invalid");
            this.problems = Map.copyOf(problems);
        }

        /** @return each field's problem, by field key */
        public Map<String, vn.congso.services.internal.catalogue.FormValidation.Problem> problems() {
            return problems;
        }
    }
}
