package vn.congso.training.internal.service;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.security.UserDirectory;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TextLimits;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.AttemptScore;
import vn.congso.training.internal.exam.AttemptState;
import vn.congso.training.internal.exam.AttemptTiming;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamAttempt;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.exam.OptionOrder;
import vn.congso.training.internal.exam.QuestionDraw;
import vn.congso.training.internal.exam.QuestionMark;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TrueFalseQuestion;
import vn.congso.training.internal.store.Jdbc;
import vn.congso.training.internal.store.QuestionStore;
import vn.congso.training.internal.store.ResponseCodec;

/**
 * Exams and attempts over the platform database.
 *
 * <p>Concurrency: every change to an attempt first updates its own row guarded by
 * {@code state = 'IN_PROGRESS'}. That row lock orders a save against a submission on Derby and
 * PostgreSQL alike: a save either commits before the submission grades (and is graded) or finds
 * the attempt submitted (and is refused), so no acknowledged answer is ever left out, and of two
 * submissions only one changes the state and grades.
 */
@Component(service = ExamService.class)
public final class JdbcExamService implements ExamService {

    private static final int MAX_TITLE = TextLimits.TITLE;
    private static final String ATTEMPT_COLUMNS = "a.id, a.exam_id, a.username, a.attempt_no, a.seed, a.state,"
            + " a.started_at, a.time_limit_seconds, a.extra_seconds, a.closes_at, a.grace_seconds, a.deadline_at,"
            + " a.submitted_at, a.percentage, a.passed, a.shuffle_options";

    private final Logger log = LoggerFactory.getLogger(JdbcExamService.class);
    private final Jdbc jdbc;
    private final Guard guard;
    private final Clock clock;
    private final QuestionStore store;
    private final CertificateIssuer certificates;
    private final UserDirectory directory;
    private final SecureRandom seeds = new SecureRandom();

    /**
     * Creates the service.
     *
     * @param database the platform database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param directory people and units, for certificates
     */
    @Activate
    public JdbcExamService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference UserDirectory directory) {
        this(database, users, audit, directory, Clock.systemUTC(), new QuestionStore());
    }

    JdbcExamService(Database database, CurrentUserService users, AuditLog audit, UserDirectory directory, Clock clock,
            QuestionStore store) {
        this.jdbc = new Jdbc(database.dataSource());
        this.guard = new Guard(users, audit);
        this.clock = clock;
        this.store = store;
        this.certificates = new CertificateIssuer(directory);
        this.directory = directory;
    }

    // ---- exams ---------------------------------------------------------------------------

    @Override
    public List<Exam> list() {
        guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        boolean all = guard.has(TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            List<Exam> exams = new ArrayList<>();
            for (long id : Jdbc.list(c, "SELECT e.id FROM trn_exam e LEFT JOIN trn_course c ON c.id = e.course_id"
                    + (all ? "" : " WHERE e.course_id IS NULL OR c.published = ?") + " ORDER BY e.id DESC",
                    rs -> rs.getLong(1), all ? new Object[0] : new Object[] {true})) {
                exams.add(exam(c, id));
            }
            return exams;
        });
    }

    @Override
    public List<Exam> ofCourse(long courseId) {
        guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        boolean all = guard.has(TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            List<Exam> exams = new ArrayList<>();
            for (long id : Jdbc.list(c, "SELECT id FROM trn_exam WHERE course_id = ? ORDER BY id", rs -> rs.getLong(1),
                    courseId)) {
                exams.add(visibleExam(c, id, all));
            }
            return exams;
        });
    }

    @Override
    public Exam get(long examId) {
        guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        boolean all = guard.has(TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> visibleExam(c, examId, all));
    }

    private static Exam visibleExam(Connection c, long examId, boolean all) throws SQLException {
        Exam exam = exam(c, examId);
        if (!all && exam.draft().courseId() != null) {
            Boolean published = Jdbc.one(c, "SELECT published FROM trn_course WHERE id = ?", rs -> rs.getBoolean(1),
                    exam.draft().courseId());
            if (!Boolean.TRUE.equals(published)) {
                throw new TrainingException("training.exam.not-found", examId);
            }
        }
        return exam;
    }

    static Exam exam(Connection c, long examId) throws SQLException {
        List<DrawRule> rules = Jdbc.list(c, "SELECT category_path, question_count FROM trn_exam_draw WHERE exam_id = ?"
                + " ORDER BY position", rs -> new DrawRule(rs.getString(1), rs.getInt(2)), examId);
        Exam exam = Jdbc.one(c, "SELECT * FROM trn_exam WHERE id = ?", rs -> {
            ExamSettings settings = new ExamSettings(Duration.ofSeconds(rs.getLong("time_limit_seconds")),
                    Jdbc.instant(rs, "opens_at"), Jdbc.instant(rs, "closes_at"), rs.getInt("max_attempts"),
                    rs.getDouble("pass_mark"), GradingMethod.valueOf(rs.getString("grading_method")),
                    Duration.ofSeconds(rs.getLong("grace_seconds")), rs.getBoolean("shuffle_options"));
            ReviewOptions review = new ReviewOptions(ReviewTime.valueOf(rs.getString("review_when")),
                    rs.getBoolean("review_marks"), rs.getBoolean("review_responses"),
                    rs.getBoolean("review_correct"), rs.getBoolean("review_feedback"));
            ExamDraft draft = new ExamDraft(rs.getString("title"), rs.getString("description"),
                    Jdbc.nullableLong(rs, "course_id"), settings, rules, review,
                    rs.getInt("certificate_validity_months"));
            return new Exam(examId, draft, Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
        }, examId);
        if (exam == null) {
            throw new TrainingException("training.exam.not-found", examId);
        }
        return exam;
    }

    @Override
    public long create(ExamDraft draft) {
        guard.change("training.exam.create", draft.title(), TrainingPermissions.EXAM_MANAGE);
        long id;
        try {
            id = jdbc.transaction(c -> {
                validate(c, draft);
                Instant now = clock.instant();
                long examId = Jdbc.insert(c, "INSERT INTO trn_exam (course_id, title, description, time_limit_seconds,"
                        + " opens_at, closes_at, max_attempts, pass_mark, grading_method, grace_seconds, review_when,"
                        + " review_marks, review_responses, review_correct, review_feedback,"
                        + " certificate_validity_months, shuffle_options, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns(draft, now, now));
                writeRules(c, examId, draft.drawRules());
                return examId;
            });
        } catch (TrainingException e) {
            guard.refused("training.exam.create", draft.title(), e.getMessage());
            throw e;
        }
        guard.done("training.exam.create", id, draft.title());
        return id;
    }

    private static Object[] columns(ExamDraft d, Instant created, Instant updated) {
        ExamSettings s = d.settings();
        ReviewOptions r = d.review();
        List<Object> values = new ArrayList<>(List.of(Jdbc.bigint(d.courseId()), d.title(), d.description(),
                s.timeLimit().toSeconds(), s.opensAt(), s.closesAt(), s.maxAttempts(), s.passMark(), s.gradingMethod(),
                s.grace().toSeconds(), r.when(), r.marks(), r.responses(), r.correctAnswers(), r.feedback(),
                d.certificateValidityMonths(), s.shuffleOptions()));
        if (created != null) {
            values.add(created);
        }
        values.add(updated);
        return values.toArray();
    }

    private static void writeRules(Connection c, long examId, List<DrawRule> rules) throws SQLException {
        Jdbc.update(c, "DELETE FROM trn_exam_draw WHERE exam_id = ?", examId);
        for (int i = 0; i < rules.size(); i++) {
            Jdbc.update(c, "INSERT INTO trn_exam_draw (exam_id, position, category_path, question_count)"
                    + " VALUES (?, ?, ?, ?)", examId, i, rules.get(i).category(), rules.get(i).count());
        }
    }

    private void validate(Connection c, ExamDraft draft) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (draft.title().isEmpty()) {
            problems.add(Problem.of("training.exam.title-required"));
        } else if (draft.title().length() > MAX_TITLE) {
            problems.add(Problem.of("training.course.title-too-long", MAX_TITLE));
        }
        if (draft.description().length() > TextLimits.DESCRIPTION) {
            problems.add(Problem.of("training.exam.description-too-long", TextLimits.DESCRIPTION));
        }
        if (draft.settings() == null) {
            problems.add(Problem.of("training.exam.settings-required"));
        } else {
            problems.addAll(draft.settings().validate());
        }
        if (draft.review() == null) {
            problems.add(Problem.of("training.exam.settings-required"));
        }
        if (draft.certificateValidityMonths() < 0) {
            problems.add(Problem.of("training.exam.validity-negative"));
        }
        if (draft.drawRules().isEmpty()) {
            problems.add(Problem.of("training.exam.no-draw-rules"));
        }
        if (draft.courseId() != null && Jdbc.one(c, "SELECT 1 FROM trn_course WHERE id = ?", rs -> 1,
                draft.courseId()) == null) {
            problems.add(Problem.of("training.course.not-found", draft.courseId()));
        }
        if (!problems.isEmpty()) {
            throw new TrainingException(problems);
        }
        // Drawing from the bank as it is now names every category that holds too few questions.
        QuestionDraw.draw(bank(c, draft.drawRules()), draft.drawRules(), new Random(0));
    }

    /** The drawable questions (id and current version) of each category a rule names. */
    private static Map<String, List<long[]>> bank(Connection c, List<DrawRule> rules) throws SQLException {
        Map<String, List<long[]>> bank = new LinkedHashMap<>();
        for (DrawRule rule : rules) {
            if (!bank.containsKey(rule.category())) {
                bank.put(rule.category(), Jdbc.list(c, "SELECT q.id, q.current_version FROM trn_question q"
                        + " JOIN trn_question_category c ON c.id = q.category_id WHERE c.path = ? AND q.retired = ?"
                        + " ORDER BY q.id", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, rule.category(), false));
            }
        }
        return bank;
    }

    @Override
    public void update(long examId, ExamDraft draft) {
        guard.change("training.exam.update", examId, TrainingPermissions.EXAM_MANAGE);
        try {
            jdbc.transaction(c -> {
                exam(c, examId);
                validate(c, draft);
                Object[] values = columns(draft, null, clock.instant());
                Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
                params[values.length] = examId;
                Jdbc.update(c, "UPDATE trn_exam SET course_id = ?, title = ?, description = ?, time_limit_seconds = ?,"
                        + " opens_at = ?, closes_at = ?, max_attempts = ?, pass_mark = ?, grading_method = ?,"
                        + " grace_seconds = ?, review_when = ?, review_marks = ?, review_responses = ?,"
                        + " review_correct = ?, review_feedback = ?, certificate_validity_months = ?,"
                        + " shuffle_options = ?, updated_at = ? WHERE id = ?", params);
                writeRules(c, examId, draft.drawRules());
                return null;
            });
        } catch (TrainingException e) {
            guard.refused("training.exam.update", examId, e.getMessage());
            throw e;
        }
        guard.done("training.exam.update", examId, draft.title());
    }

    @Override
    public void delete(long examId) {
        guard.change("training.exam.delete", examId, TrainingPermissions.EXAM_MANAGE);
        jdbc.transaction(c -> {
            exam(c, examId);
            if (Jdbc.one(c, "SELECT COUNT(*) FROM trn_attempt WHERE exam_id = ?", rs -> rs.getInt(1), examId) > 0) {
                throw new TrainingException("training.exam.has-attempts");
            }
            Jdbc.update(c, "DELETE FROM trn_exam_draw WHERE exam_id = ?", examId);
            Jdbc.update(c, "DELETE FROM trn_exam_extra_time WHERE exam_id = ?", examId);
            return Jdbc.update(c, "DELETE FROM trn_exam WHERE id = ?", examId);
        });
        guard.done("training.exam.delete", examId, "");
    }

    @Override
    public void setExtraTime(long examId, String username, Duration extra) {
        guard.change("training.exam.extra-time", examId, TrainingPermissions.EXAM_MANAGE);
        if (extra == null || extra.isNegative()) {
            throw new TrainingException("training.exam.extra-time-negative");
        }
        if (username == null || username.isBlank()) {
            throw new TrainingException("training.enrol.unknown-user", String.valueOf(username));
        }
        jdbc.transaction(c -> {
            exam(c, examId);
            Jdbc.update(c, "DELETE FROM trn_exam_extra_time WHERE exam_id = ? AND username = ?", examId, username);
            if (!extra.isZero()) {
                Jdbc.update(c, "INSERT INTO trn_exam_extra_time (exam_id, username, extra_seconds) VALUES (?, ?, ?)",
                        examId, username, extra.toSeconds());
            }
            return null;
        });
        guard.done("training.exam.extra-time", examId, username + " +" + extra);
    }

    @Override
    public List<ExtraTime> extraTimes(long examId) {
        guard.read(TrainingPermissions.EXAM_MANAGE);
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT username, extra_seconds FROM trn_exam_extra_time"
                + " WHERE exam_id = ? ORDER BY username", rs -> new ExtraTime(rs.getString(1),
                        Duration.ofSeconds(rs.getLong(2))), examId));
    }

    private static Duration extraTime(Connection c, long examId, String username) throws SQLException {
        Long seconds = Jdbc.one(c, "SELECT extra_seconds FROM trn_exam_extra_time WHERE exam_id = ? AND username = ?",
                rs -> rs.getLong(1), examId, username);
        return seconds == null ? Duration.ZERO : Duration.ofSeconds(seconds);
    }

    // ---- attempts ------------------------------------------------------------------------

    /** An attempt row. */
    private record Row(long id, long examId, String username, int number, ExamAttempt attempt, Double percentage,
            Boolean passed, boolean shuffleOptions) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        AttemptState state = AttemptState.valueOf(rs.getString("state"));
        AttemptTiming timing = new AttemptTiming(Jdbc.instant(rs, "started_at"),
                Duration.ofSeconds(rs.getLong("time_limit_seconds")), Duration.ofSeconds(rs.getLong("extra_seconds")),
                Jdbc.instant(rs, "closes_at"), Duration.ofSeconds(rs.getLong("grace_seconds")));
        ExamAttempt attempt = new ExamAttempt(timing, rs.getLong("seed"), state, Jdbc.instant(rs, "submitted_at"));
        boolean passed = rs.getBoolean("passed");
        Boolean passedOrNull = rs.wasNull() ? null : passed;
        return new Row(rs.getLong("id"), rs.getLong("exam_id"), rs.getString("username"), rs.getInt("attempt_no"),
                attempt, Jdbc.nullableDouble(rs, "percentage"), passedOrNull, rs.getBoolean("shuffle_options"));
    }

    private static Row attempt(Connection c, long attemptId) throws SQLException {
        Row row = Jdbc.one(c, "SELECT " + ATTEMPT_COLUMNS + " FROM trn_attempt a WHERE a.id = ?",
                JdbcExamService::row, attemptId);
        if (row == null) {
            throw new TrainingException("training.attempt.not-found", attemptId);
        }
        return row;
    }

    private Row ownAttempt(Connection c, long attemptId, CurrentUser user, String action) throws SQLException {
        Row row = attempt(c, attemptId);
        if (!row.username().equals(user.id())) {
            guard.refused(action, attemptId, "attempt of " + row.username());
            throw new TrainingException("training.attempt.not-yours");
        }
        return row;
    }

    @Override
    public ExamOverview overview(long examId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        boolean all = guard.has(TrainingPermissions.EXAM_MANAGE, TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            Exam exam = visibleExam(c, examId, all);
            int used = attemptsUsed(c, examId, user.id());
            Long running = Jdbc.one(c, "SELECT id FROM trn_attempt WHERE exam_id = ? AND username = ? AND state = ?",
                    rs -> rs.getLong(1), examId, user.id(), AttemptState.IN_PROGRESS);
            ExamResults.Standing standing = ExamResults.standing(c, examId, user.id());
            return new ExamOverview(exam, used, running, standing.percentage(), standing.passed(),
                    extraTime(c, examId, user.id()), clock.instant());
        });
    }

    private static int attemptsUsed(Connection c, long examId, String username) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM trn_attempt WHERE exam_id = ? AND username = ?", rs -> rs.getInt(1),
                examId, username);
    }

    @Override
    public AttemptSession startOrResume(long examId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        if (!user.isAuthenticated()) {
            throw new vn.congso.api.security.AccessDeniedException(TrainingPermissions.EXAM_TAKE);
        }
        boolean manager = guard.has(TrainingPermissions.EXAM_MANAGE);
        for (int round = 0; round < 3; round++) {
            try {
                return jdbc.transaction(c -> startOrResume(c, examId, user, manager));
            } catch (DuplicateStart e) {
                // Another tab or browser started the same attempt number a moment ago: resume it.
                log.debug("Concurrent start of exam {} by {}; resuming", examId, user.id());
            }
        }
        throw new TrainingException("training.attempt.busy");
    }

    /** Signals that the attempt number was taken by a concurrent start. */
    private static final class DuplicateStart extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateStart() {
            super(null, null, false, false);
        }
    }

    private AttemptSession startOrResume(Connection c, long examId, CurrentUser user, boolean manager)
            throws SQLException {
        Exam exam = visibleExam(c, examId, manager);
        Row running = Jdbc.one(c, "SELECT " + ATTEMPT_COLUMNS + " FROM trn_attempt a WHERE a.exam_id = ? AND"
                + " a.username = ? AND a.state = ?", JdbcExamService::row, examId, user.id(), AttemptState.IN_PROGRESS);
        Instant now = clock.instant();
        if (running != null) {
            if (running.attempt().isOverdue(now)) {
                ExamAttempt auto = running.attempt().autoSubmit(clock);
                finish(c, running, auto.state(), auto.submittedAt());
                guard.done("training.attempt.auto-submit", running.id(), "on resume");
                return session(c, attempt(c, running.id()), exam);
            }
            return session(c, running, exam);
        }
        Long courseId = exam.draft().courseId();
        if (courseId != null && !manager && Jdbc.one(c, "SELECT 1 FROM trn_enrolment WHERE course_id = ? AND"
                + " username = ?", rs -> 1, courseId, user.id()) == null) {
            throw new TrainingException("training.enrol.not-enrolled", user.id());
        }
        int used = attemptsUsed(c, examId, user.id());
        long seed = seeds.nextLong();
        ExamAttempt attempt = ExamAttempt.start(exam.draft().settings(), extraTime(c, examId, user.id()), used, seed,
                clock);
        List<long[]> drawn = QuestionDraw.draw(bank(c, exam.draft().drawRules()), exam.draft().drawRules(),
                new Random(seed));
        AttemptTiming t = attempt.timing();
        long attemptId;
        try {
            attemptId = Jdbc.insert(c, "INSERT INTO trn_attempt (exam_id, username, attempt_no, seed, state, started_at,"
                    + " time_limit_seconds, extra_seconds, closes_at, grace_seconds, deadline_at, overdue_at,"
                    + " shuffle_options, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", examId, user.id(),
                    used + 1, seed, AttemptState.IN_PROGRESS, t.start(), t.timeLimit().toSeconds(),
                    t.extraTime().toSeconds(), t.closesAt(), t.grace().toSeconds(), t.deadline(),
                    t.deadline().plus(t.grace()), exam.draft().settings().shuffleOptions(),
                    UnitAtTime.of(directory, user.id()));
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                throw new DuplicateStart();
            }
            throw e;
        }
        for (int i = 0; i < drawn.size(); i++) {
            Jdbc.update(c, "INSERT INTO trn_attempt_answer (attempt_id, position, question_id, question_version,"
                    + " max_mark, version) VALUES (?, ?, ?, ?, ?, ?)", attemptId, i, drawn.get(i)[0],
                    (int) drawn.get(i)[1], 1.0, 0L);
        }
        guard.done("training.attempt.start", attemptId,
                AuditLog.Message.of("training.audit.attempt-start", examId, used + 1));
        return session(c, attempt(c, attemptId), exam);
    }

    /** An answer row with its question. */
    private record Answer(int position, long questionId, int questionVersion, Question question, double maxMark,
            Response response, long version, Double score, boolean flagged) {
    }

    private List<Answer> answers(Connection c, long attemptId) throws SQLException {
        List<Object[]> rows = Jdbc.list(c, "SELECT position, question_id, question_version, max_mark, response, version,"
                + " score, flagged FROM trn_attempt_answer WHERE attempt_id = ? ORDER BY position",
                rs -> new Object[] {rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getDouble(4), rs.getString(5),
                        rs.getLong(6), Jdbc.nullableDouble(rs, "score"), rs.getBoolean("flagged")}, attemptId);
        List<Answer> answers = new ArrayList<>();
        for (Object[] r : rows) {
            Question question = store.read(c, (Long) r[1], (Integer) r[2]);
            answers.add(new Answer((Integer) r[0], (Long) r[1], (Integer) r[2], question, (Double) r[3],
                    ResponseCodec.decode((String) r[4]), (Long) r[5], (Double) r[6], (Boolean) r[7]));
        }
        return answers;
    }

    private AttemptSession session(Connection c, Row row, Exam exam) throws SQLException {
        List<AttemptQuestion> questions = new ArrayList<>();
        for (Answer a : answers(c, row.id())) {
            questions.add(new AttemptQuestion(a.position(), a.questionId(), a.question(),
                    optionOrder(a.question(), row, a.position()), a.response(), a.version(), a.flagged()));
        }
        return new AttemptSession(row.id(), row.examId(), exam.draft().title(), row.number(), row.attempt().state(),
                row.attempt().timing().start(), row.attempt().timing().deadline(), clock.instant(), questions);
    }

    private static List<Integer> optionOrder(Question question, Row row, int position) {
        return optionOrder(question, row.shuffleOptions(), row.attempt().seed(), position);
    }

    /**
     * The display order of a question's options: shuffled from the attempt's seed and the
     * question's position, or as written when the exam (at the attempt's start) did not shuffle.
     */
    static List<Integer> optionOrder(Question question, boolean shuffle, long seed, int position) {
        int count;
        if (question instanceof ChoiceQuestion q) {
            count = q.choices().size();
        } else if (question instanceof MatchingQuestion q) {
            count = q.answerOptions().size();
        } else {
            return List.of();
        }
        return shuffle ? OptionOrder.shuffled(count, seed, position) : OptionOrder.asWritten(count);
    }

    @Override
    public SaveAck saveAnswer(long attemptId, long questionId, Response response) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        return jdbc.transaction(c -> {
            Instant now = clock.instant();
            Row row = lockForAnswer(c, attemptId, user, now, "training.attempt.save");
            Object[] answer = Jdbc.one(c, "SELECT question_version, version FROM trn_attempt_answer WHERE attempt_id = ?"
                    + " AND question_id = ?", rs -> new Object[] {rs.getInt(1), rs.getLong(2)}, attemptId, questionId);
            if (answer == null) {
                throw new TrainingException("training.attempt.question-not-in-attempt", questionId);
            }
            Question question = store.read(c, questionId, (Integer) answer[0]);
            try {
                question.score(response);
            } catch (IllegalArgumentException e) {
                throw new TrainingException("training.attempt.wrong-response");
            }
            long version = (Long) answer[1] + 1;
            Jdbc.update(c, "UPDATE trn_attempt_answer SET response = ?, version = ?, saved_at = ? WHERE attempt_id = ?"
                    + " AND question_id = ?", response == null ? Jdbc.Null.CLOB : ResponseCodec.encode(response),
                    version, now, attemptId, questionId);
            return new SaveAck(attemptId, questionId, version, now, row.attempt().timing().deadline());
        });
    }

    /**
     * Locks the caller's attempt row for a change to its answers, or says why it takes none:
     * not theirs, already submitted, or time over.
     */
    private Row lockForAnswer(Connection c, long attemptId, CurrentUser user, Instant now, String action)
            throws SQLException {
        // Lock the attempt row first; see the class comment.
        int locked = Jdbc.update(c, "UPDATE trn_attempt SET last_saved_at = ? WHERE id = ? AND username = ? AND"
                + " state = ? AND overdue_at > ?", now, attemptId, user.id(), AttemptState.IN_PROGRESS, now);
        Row row = ownAttempt(c, attemptId, user, action);
        if (locked == 0) {
            // Says why: already submitted, or time over (the domain rule decides).
            row.attempt().checkAcceptsAnswer(clock);
            throw new TrainingException("training.attempt.time-over");
        }
        return row;
    }

    @Override
    public void flag(long attemptId, long questionId, boolean flagged) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        jdbc.transaction(c -> {
            lockForAnswer(c, attemptId, user, clock.instant(), "training.attempt.flag");
            if (Jdbc.update(c, "UPDATE trn_attempt_answer SET flagged = ? WHERE attempt_id = ? AND question_id = ?",
                    flagged, attemptId, questionId) == 0) {
                throw new TrainingException("training.attempt.question-not-in-attempt", questionId);
            }
            return null;
        });
    }

    @Override
    public AttemptResult submit(long attemptId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        jdbc.transaction(c -> {
            Row row = ownAttempt(c, attemptId, user, "training.attempt.submit");
            ExamAttempt submitted = row.attempt().submit(clock);
            finish(c, row, submitted.state(), submitted.submittedAt());
            return null;
        });
        guard.done("training.attempt.submit", attemptId, "");
        return result(attemptId);
    }

    /**
     * Submits and grades an attempt in the caller's transaction. The guarded update makes it
     * happen once: a second caller changes no row and is refused.
     */
    private void finish(Connection c, Row row, AttemptState state, Instant at) throws SQLException {
        int changed = Jdbc.update(c, "UPDATE trn_attempt SET state = ?, submitted_at = ? WHERE id = ? AND state = ?",
                state, at, row.id(), AttemptState.IN_PROGRESS);
        if (changed == 0) {
            throw new TrainingException("training.attempt.already-submitted");
        }
        List<QuestionMark> marks = new ArrayList<>();
        for (Answer a : answers(c, row.id())) {
            QuestionMark mark;
            try {
                mark = QuestionMark.grade(a.question(), a.response(), a.maxMark());
            } catch (IllegalArgumentException e) {
                log.warn("Attempt {} question {}: stored response does not fit; scored 0", row.id(), a.questionId());
                mark = new QuestionMark(a.maxMark(), 0);
            }
            marks.add(mark);
            Jdbc.update(c, "UPDATE trn_attempt_answer SET score = ? WHERE attempt_id = ? AND position = ?", mark.score(),
                    row.id(), a.position());
        }
        AttemptScore score = new AttemptScore(marks);
        double passMark = Jdbc.one(c, "SELECT pass_mark FROM trn_exam WHERE id = ?", rs -> rs.getDouble(1),
                row.examId());
        boolean passed = score.passed(passMark);
        Jdbc.update(c, "UPDATE trn_attempt SET score = ?, max_score = ?, percentage = ?, passed = ? WHERE id = ?",
                score.total(), score.maximum(), score.percentage(), passed, row.id());
        // an exam of a course certifies the course's completion: issued once every lesson is studied too
        if (passed && ExamResults.standing(c, row.examId(), row.username()).passed()
                && Completion.certificateDue(c, row.examId(), row.username())) {
            String code = certificates.issueIfDue(c, row.id(), row.examId(), row.username(), score.percentage(), at);
            if (code != null) {
                guard.done("training.certificate.issue", code, row.username() + ", exam " + row.examId());
            }
        }
    }

    @Override
    public int submitOverdue() {
        guard.read(TrainingPermissions.EXAM_MANAGE);
        Instant now = clock.instant();
        List<Long> overdue = jdbc.transaction(c -> Jdbc.list(c, "SELECT id FROM trn_attempt WHERE state = ? AND"
                + " overdue_at <= ? ORDER BY overdue_at", rs -> rs.getLong(1), AttemptState.IN_PROGRESS, now));
        int submitted = 0;
        for (long attemptId : overdue) {
            try {
                jdbc.transaction(c -> {
                    Row row = attempt(c, attemptId);
                    ExamAttempt auto = row.attempt().autoSubmit(clock);
                    finish(c, row, auto.state(), auto.submittedAt());
                    return null;
                });
                submitted++;
                guard.done("training.attempt.auto-submit", attemptId, "");
            } catch (TrainingException e) {
                // The learner submitted it in the meantime.
                log.debug("Attempt {} not auto-submitted: {}", attemptId, e.getMessage());
            }
        }
        return submitted;
    }

    @Override
    public List<AttemptResult> myAttempts(long examId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        return jdbc.transaction(c -> {
            Exam exam = exam(c, examId);
            List<AttemptResult> results = new ArrayList<>();
            for (Row row : Jdbc.list(c, "SELECT " + ATTEMPT_COLUMNS + " FROM trn_attempt a WHERE a.exam_id = ? AND"
                    + " a.username = ? ORDER BY a.attempt_no", JdbcExamService::row, examId, user.id())) {
                results.add(result(c, row, exam, false, false));
            }
            return results;
        });
    }

    @Override
    public List<AttemptResult> attemptsOf(long examId) {
        guard.read(TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            Exam exam = exam(c, examId);
            List<AttemptResult> results = new ArrayList<>();
            for (Row row : Jdbc.list(c, "SELECT " + ATTEMPT_COLUMNS + " FROM trn_attempt a WHERE a.exam_id = ?"
                    + " ORDER BY a.username, a.attempt_no", JdbcExamService::row, examId)) {
                results.add(result(c, row, exam, false, true));
            }
            return results;
        });
    }

    @Override
    public AttemptResult result(long attemptId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.REPORT_VIEW);
        boolean viewer = guard.has(TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            Row row = attempt(c, attemptId);
            if (!viewer && !row.username().equals(user.id())) {
                throw new TrainingException("training.attempt.not-yours");
            }
            return result(c, row, exam(c, row.examId()), true, viewer);
        });
    }

    @Override
    public CourseService.Progress courseProgress(long attemptId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE, TrainingPermissions.REPORT_VIEW);
        boolean viewer = guard.has(TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> {
            Row row = attempt(c, attemptId);
            if (!viewer && !row.username().equals(user.id())) {
                throw new TrainingException("training.attempt.not-yours");
            }
            Long courseId = exam(c, row.examId()).draft().courseId();
            return courseId == null ? null : Completion.progress(c, courseId, row.username());
        });
    }

    @Override
    public AttemptState state(long attemptId) {
        CurrentUser user = guard.read(TrainingPermissions.EXAM_TAKE);
        return jdbc.transaction(c -> {
            Object[] row = Jdbc.one(c, "SELECT username, state FROM trn_attempt WHERE id = ?",
                    rs -> new Object[] {rs.getString(1), rs.getString(2)}, attemptId);
            if (row == null) {
                throw new TrainingException("training.attempt.not-found", attemptId);
            }
            if (!row[0].equals(user.id())) {
                throw new TrainingException("training.attempt.not-yours");
            }
            return AttemptState.valueOf((String) row[1]);
        });
    }

    private AttemptResult result(Connection c, Row row, Exam exam, boolean withReview, boolean full)
            throws SQLException {
        ReviewOptions review = full ? ReviewOptions.FULL : exam.draft().review();
        Instant now = clock.instant();
        boolean finished = row.attempt().state().isFinished();
        boolean open = finished && (full || review.when() == ReviewTime.IMMEDIATELY
                || review.when() == ReviewTime.AFTER_CLOSE && !now.isBefore(exam.draft().settings().closesAt()));
        String code = Jdbc.one(c, "SELECT code FROM trn_certificate WHERE attempt_id = ?", rs -> rs.getString(1),
                row.id());
        double percentage = finished && (full || review.marks()) && row.percentage() != null ? row.percentage()
                : Double.NaN;
        List<QuestionReview> questions = new ArrayList<>();
        if (withReview && open) {
            for (Answer a : answers(c, row.id())) {
                double mark = review.marks() && a.score() != null ? a.score() * a.maxMark() : Double.NaN;
                questions.add(new QuestionReview(a.position(), a.questionId(), a.question(),
                        optionOrder(a.question(), row, a.position()),
                        review.responses() ? a.response() : null, mark, a.maxMark(), review.correctAnswers(),
                        review.feedback() ? feedback(a.question(), a.response()) : List.of()));
            }
        }
        return new AttemptResult(row.id(), row.examId(), row.username(), row.number(), row.attempt().state(),
                row.attempt().timing().start(), row.attempt().submittedAt(), percentage,
                Boolean.TRUE.equals(row.passed()), code, withReview && open, questions);
    }

    /** The feedback that applies to a response: the answers' own, then the question's general feedback. */
    static List<String> feedback(Question question, Response response) {
        List<String> texts = new ArrayList<>();
        try {
            if (question instanceof ChoiceQuestion q && response instanceof Response.Selection s) {
                s.choices().stream().sorted().filter(i -> i >= 0 && i < q.choices().size())
                        .map(i -> q.choices().get(i).feedback()).forEach(texts::add);
            } else if (question instanceof TrueFalseQuestion q && response instanceof Response.Truth t) {
                texts.add(t.value() ? q.feedbackTrue() : q.feedbackFalse());
            } else if (question instanceof ShortAnswerQuestion q && response instanceof Response.Text t) {
                q.match(t.value()).ifPresent(a -> texts.add(a.feedback()));
            } else if (question instanceof NumericalQuestion q && response instanceof Response.Number n) {
                q.match(n.value()).ifPresent(a -> texts.add(a.feedback()));
            }
        } catch (RuntimeException e) {
            // A response that does not fit gets no answer feedback.
        }
        texts.add(question.prompt().generalFeedback());
        return texts.stream().filter(t -> !t.isEmpty()).toList();
    }

    @Override
    public Instant serverTime() {
        return clock.instant();
    }
}
