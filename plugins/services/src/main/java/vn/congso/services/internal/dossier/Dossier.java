package vn.congso.services.internal.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One dossier.
 *
 * @param id the database id
 * @param code the code the citizen is given
 * @param procedureCode the procedure
 * @param applicant the citizen's account, empty for a paper dossier
 * @param applicantName the applicant's name
 * @param phone the applicant's phone
 * @param email the applicant's e-mail, maybe empty
 * @param channel {@code online} or {@code counter}
 * @param receivingUnit the unit code of the desk it was submitted to, as it was then
 * @param settlingUnit the unit code that holds it now (the district after a hand-over)
 * @param status where it stands
 * @param submittedAt when it was submitted
 * @param receivedAt when the desk accepted it (the clock's start)
 * @param dueDate the due day
 * @param settledAt when it was settled
 * @param onTime whether it was settled on or before the due day
 * @param returnedAt when the result was returned
 * @param note the last request or remark
 * @param form the e-form's values, stored form
 * @param step where a processing dossier stands in its procedure's steps ({@link Step#code()}), empty when none
 * @param assignee the specialist it is assigned to, empty when none
 */
public record Dossier(long id, String code, String procedureCode, String applicant, String applicantName, String phone,
        String email, String channel, String receivingUnit, String settlingUnit, Status status, Instant submittedAt,
        Optional<Instant> receivedAt, Optional<LocalDate> dueDate, Optional<Instant> settledAt, Optional<Boolean> onTime,
        Optional<Instant> returnedAt, String note, Map<String, String> form, String step, String assignee) {

    /** Online submission. */
    public static final String ONLINE = "online";
    /** Paper dossier at the counter. */
    public static final String COUNTER = "counter";
}
