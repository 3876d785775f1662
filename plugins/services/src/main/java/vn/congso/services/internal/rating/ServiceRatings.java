package vn.congso.services.internal.rating;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.dossier.Status;
import vn.congso.services.internal.dossier.WorkflowException;

/**
 * The owner's rating of the service, once per dossier, after its result was returned: a score
 * from 1 (very dissatisfied) to 5 (very satisfied) and an optional comment of at most
 * {@value #MAX_COMMENT} characters. Ratings of 4 and 5 count as satisfied, as Decision 766's
 * satisfaction index counts them. Every rating and refusal is audited.
 */
@Component(service = ServiceRatings.class)
public final class ServiceRatings {

    /** The longest comment accepted. */
    public static final int MAX_COMMENT = 500;
    /** The lowest score counted as satisfied. */
    public static final int SATISFIED = 4;
    private static final String ACTION = "services.rating.submit";

    /**
     * A rating.
     *
     * @param dossierId the dossier
     * @param score 1 to 5
     * @param comment the comment, maybe empty
     * @param ratedAt when
     */
    public record Rating(long dossierId, int score, String comment, Instant ratedAt) {
    }

    /**
     * Ratings given in a period.
     *
     * @param count how many
     * @param scoreSum the scores added up (the average's numerator)
     * @param satisfied how many of 4 or 5
     * @param byScore how many of each score, index 0 for score 1
     */
    public record Summary(long count, long scoreSum, long satisfied, long[] byScore) {
        /** @return the average score, empty without ratings */
        public java.util.OptionalDouble average() {
            return count == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) scoreSum / count);
        }
    }

    private final DataSource dataSource;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param database the platform database
     * @param users who is rating
     * @param audit the audit log
     */
    @Activate
    public ServiceRatings(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit) {
        this(database.dataSource(), users, audit, Clock.systemUTC());
    }

    ServiceRatings(DataSource dataSource, CurrentUserService users, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Rates a dossier.
     *
     * @param dossierId the dossier, the current user's own
     * @param score 1 to 5
     * @param comment optional
     * @return the rating
     * @throws AccessDeniedException without {@code services:dossier:submit}
     * @throws WorkflowException when the dossier is not the user's (the same answer as an unknown
     *         one), its result was not returned yet, it was rated already, or the score or the comment
     *         is out of bounds; nothing is saved
     */
    public Rating rate(long dossierId, int score, String comment) {
        CurrentUser user = users.current();
        String target = String.valueOf(dossierId);
        if (!user.isAuthenticated() || !user.isPermitted(ServicesPermissions.SUBMIT)) {
            audit.record(ACTION, target, Outcome.DENIED, "missing " + ServicesPermissions.SUBMIT);
            throw new AccessDeniedException(ServicesPermissions.SUBMIT);
        }
        String text = comment == null ? "" : comment.strip();
        if (score < 1 || score > 5) {
            throw refused(target, "services.rating.score-invalid");
        }
        if (text.length() > MAX_COMMENT) {
            throw refused(target, "services.rating.comment-too-long", MAX_COMMENT);
        }
        Instant now = clock.instant();
        Rating rating = Jdbc.transaction(dataSource, c -> {
            Optional<String[]> dossier = Optional.ofNullable(Jdbc.one(c,
                    "SELECT applicant, status FROM svc_dossier WHERE id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, dossierId));
            if (dossier.isEmpty() || !dossier.get()[0].equals(user.id())) {
                throw new WorkflowException("services.rating.not-found");
            }
            if (Status.of(dossier.get()[1]) != Status.RETURNED) {
                throw new WorkflowException("services.rating.not-returned");
            }
            if (!Jdbc.list(c, "SELECT 1 FROM svc_rating WHERE dossier_id = ?", rs -> 1, dossierId).isEmpty()) {
                throw new WorkflowException("services.rating.already");
            }
            // The primary key settles a double click: the second insert fails and rolls back.
            Jdbc.update(c, "INSERT INTO svc_rating (dossier_id, score, rating_comment, rated_by, rated_at) "
                    + "VALUES (?, ?, ?, ?, ?)", dossierId, score, text, user.id(), Timestamp.from(now));
            return new Rating(dossierId, score, text, now);
        });
        audit.record(ACTION, target, Outcome.SUCCESS, AuditLog.Message.of("services.audit.detail.rated", score));
        return rating;
    }

    private WorkflowException refused(String target, String key, Object... args) {
        audit.record(ACTION, target, Outcome.DENIED, AuditLog.Message.of(key, args));
        return new WorkflowException(key, args);
    }

    /**
     * The current user's rating of a dossier of theirs.
     *
     * @param dossierId the dossier
     * @return the rating, empty when not rated or not the user's
     */
    public Optional<Rating> ratingOf(long dossierId) {
        CurrentUser user = users.current();
        if (!user.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Jdbc.transaction(dataSource, c -> Jdbc.one(c,
                "SELECT r.dossier_id, r.score, r.rating_comment, r.rated_at FROM svc_rating r "
                        + "JOIN svc_dossier d ON d.id = r.dossier_id WHERE r.dossier_id = ? AND d.applicant = ?",
                rs -> new Rating(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                dossierId, user.id())));
    }

    /**
     * The ratings given in a period, of dossiers received by a unit or by all. Reads without a
     * permission check: the statistics screen requires {@code services:report:view}, and the
     * indicator runs as the platform's system actor.
     *
     * @param from inclusive
     * @param to exclusive
     * @param unit a receiving unit's code, or "" for all
     * @return the figures
     */
    public Summary summary(Instant from, Instant to, String unit) {
        return Jdbc.transaction(dataSource, c -> {
            long[] byScore = new long[5];
            String sql = "SELECT r.score, COUNT(*) FROM svc_rating r JOIN svc_dossier d ON d.id = r.dossier_id "
                    + "WHERE r.rated_at >= ? AND r.rated_at < ?" + (unit.isEmpty() ? "" : " AND d.receiving_unit = ?")
                    + " GROUP BY r.score";
            Object[] args = unit.isEmpty() ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                    : new Object[] {Timestamp.from(from), Timestamp.from(to), unit};
            Jdbc.list(c, sql, rs -> byScore[rs.getInt(1) - 1] = rs.getLong(2), args);
            long count = 0;
            long sum = 0;
            long satisfied = 0;
            for (int i = 0; i < 5; i++) {
                count += byScore[i];
                sum += byScore[i] * (i + 1);
                satisfied += i + 1 >= SATISFIED ? byScore[i] : 0;
            }
            return new Summary(count, sum, satisfied, byScore);
        });
    }
}
