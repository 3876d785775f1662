package vn.congso.training.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.AttemptState;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.Response;

/**
 * Exams and the attempts learners make at them. The server's clock is authoritative: the view
 * shows {@link AttemptSession#deadline()} counted down from {@link #serverTime()}, every answer
 * is stored when it changes and acknowledged, and a background sweeper submits attempts whose
 * time (plus grace) ran out, whether or not a browser is still open. An attempt is graded
 * exactly once.
 *
 * <p>Managing exams needs {@link TrainingPermissions#EXAM_MANAGE} (audited); sitting them
 * {@link TrainingPermissions#EXAM_TAKE}, and only one's own attempts; other people's results
 * need {@link TrainingPermissions#REPORT_VIEW}. Unknown ids are refused with
 * {@code training.exam.not-found} or {@code training.attempt.not-found}.
 */
public interface ExamService {

    /** When learners may review a submitted attempt. */
    enum ReviewTime {
        /** As soon as the attempt is submitted. */
        IMMEDIATELY,
        /** Once the exam has closed. */
        AFTER_CLOSE,
        /** Never; learners see only whether they passed. */
        NEVER
    }

    /**
     * What learners may see when reviewing an attempt ({@link #when()} permitting).
     *
     * @param when from when review is open
     * @param marks each question's mark and the total score
     * @param responses what they answered
     * @param correctAnswers the right answers
     * @param feedback the questions' and answers' feedback
     */
    record ReviewOptions(ReviewTime when, boolean marks, boolean responses, boolean correctAnswers,
            boolean feedback) {
        /** Everything, right after submission. */
        public static final ReviewOptions FULL = new ReviewOptions(ReviewTime.IMMEDIATELY, true, true, true, true);

        /** Checks the parts. */
        public ReviewOptions {
            Objects.requireNonNull(when, "when");
        }
    }

    /**
     * What a trainer enters for an exam.
     *
     * @param title the title, required
     * @param description instructions shown before starting (plain text), may be empty
     * @param courseId the course it belongs to, or null for a standalone exam
     * @param settings time limit, window, attempts, pass mark, grading method, grace
     * @param drawRules how many questions to draw from which category, at least one rule
     * @param review what learners may review
     * @param certificateValidityMonths how long a certificate earned here is valid; 0 for ever
     */
    record ExamDraft(String title, String description, Long courseId, ExamSettings settings,
            List<DrawRule> drawRules, ReviewOptions review, int certificateValidityMonths) {
        /** Copies the rules and normalises absent texts. */
        public ExamDraft {
            title = Objects.requireNonNullElse(title, "").strip();
            description = Objects.requireNonNullElse(description, "").strip();
            drawRules = List.copyOf(drawRules);
        }
    }

    /**
     * A stored exam.
     *
     * @param id the exam id
     * @param draft its content
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     */
    record Exam(long id, ExamDraft draft, Instant createdAt, Instant updatedAt) {

        /** @return how many questions an attempt has */
        public int questionCount() {
            return draft.drawRules().stream().mapToInt(DrawRule::count).sum();
        }
    }

    /**
     * Extra time granted to one learner for one exam.
     *
     * @param username the learner
     * @param extra the extra time, positive
     */
    record ExtraTime(String username, Duration extra) {
    }

    /**
     * The caller's standing in an exam, for the page before starting.
     *
     * @param exam the exam
     * @param attemptsUsed attempts started so far
     * @param inProgressAttemptId the attempt to resume, or null
     * @param finalPercentage the percentage that counts under the grading method; empty before any graded attempt
     * @param passed whether that percentage passes
     * @param extraTime extra time granted to the caller, zero for most
     * @param serverTime the server's time now
     */
    record ExamOverview(Exam exam, int attemptsUsed, Long inProgressAttemptId, OptionalDouble finalPercentage,
            boolean passed, Duration extraTime, Instant serverTime) {

        /** @return attempts the caller may still start */
        public int attemptsLeft() {
            return Math.max(0, exam.draft().settings().maxAttempts() - attemptsUsed);
        }
    }

    /**
     * One question of an attempt as the learner sees it.
     *
     * @param position 0-based place in the attempt
     * @param questionId the bank question
     * @param question its content as when the attempt started; the view must not show answers or feedback
     * @param optionOrder display order: for choice questions indexes into {@code choices()}, for
     *     matching questions indexes into {@code answerOptions()}; empty for other types
     * @param response the last acknowledged response, or null when unanswered
     * @param version how many times the response was saved, 0 when unanswered
     * @param flagged whether the learner flagged it to come back to
     */
    record AttemptQuestion(int position, long questionId, Question question, List<Integer> optionOrder,
            Response response, long version, boolean flagged) {
        /** Copies the order. */
        public AttemptQuestion {
            optionOrder = List.copyOf(optionOrder);
        }
    }

    /**
     * An attempt in progress, as {@link #startOrResume} returns it: the same questions in the same
     * order, with every acknowledged answer, however often it is reopened.
     *
     * @param attemptId the attempt
     * @param examId its exam
     * @param examTitle the exam's title
     * @param number 1 for the learner's first attempt, and so on
     * @param state {@link AttemptState#IN_PROGRESS} unless it was just submitted by the sweeper
     * @param startedAt when it started
     * @param deadline when it must end (time limit, extra time and the exam's close applied)
     * @param serverTime the server's time now, for the timer
     * @param questions the questions in attempt order
     */
    record AttemptSession(long attemptId, long examId, String examTitle, int number, AttemptState state,
            Instant startedAt, Instant deadline, Instant serverTime, List<AttemptQuestion> questions) {
        /** Copies the questions. */
        public AttemptSession {
            questions = List.copyOf(questions);
        }

        /** @return time left on the timer, never negative */
        public Duration remaining() {
            Duration left = Duration.between(serverTime, deadline);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /**
     * The acknowledgement of a saved answer ("Đã lưu").
     *
     * @param attemptId the attempt
     * @param questionId the question
     * @param version the stored version of this answer, growing with each save
     * @param savedAt the server's time when it was stored
     * @param deadline the attempt's deadline, for the timer
     */
    record SaveAck(long attemptId, long questionId, long version, Instant savedAt, Instant deadline) {
    }

    /**
     * One question of a submitted attempt, showing only what the review options allow.
     *
     * @param position 0-based place in the attempt
     * @param questionId the bank question
     * @param question its content
     * @param optionOrder the order the learner saw (see {@link AttemptQuestion#optionOrder()})
     * @param response the learner's response; null when unanswered or when responses are hidden
     * @param mark the mark earned; NaN when marks are hidden
     * @param maxMark what the question was worth
     * @param showCorrectAnswer whether the view may show the right answer
     * @param feedback the general and answer feedback that applies; empty when feedback is hidden
     */
    record QuestionReview(int position, long questionId, Question question, List<Integer> optionOrder,
            Response response, double mark, double maxMark, boolean showCorrectAnswer, List<String> feedback) {
        /** Copies the lists. */
        public QuestionReview {
            optionOrder = List.copyOf(optionOrder);
            feedback = List.copyOf(feedback);
        }
    }

    /**
     * A submitted (or running) attempt's outcome.
     *
     * @param attemptId the attempt
     * @param examId the exam
     * @param username the learner
     * @param number 1 for the learner's first attempt, and so on
     * @param state where it is
     * @param startedAt when it started
     * @param submittedAt when it was submitted; null while in progress
     * @param percentage the score in percent; NaN while in progress or when marks are hidden
     * @param passed whether it passed; false while in progress
     * @param certificateCode the certificate this attempt earned, or null
     * @param reviewOpen whether {@link #questions()} is filled
     * @param questions per-question review, empty unless review is open
     */
    record AttemptResult(long attemptId, long examId, String username, int number, AttemptState state,
            Instant startedAt, Instant submittedAt, double percentage, boolean passed, String certificateCode,
            boolean reviewOpen, List<QuestionReview> questions) {
        /** Copies the reviews. */
        public AttemptResult {
            questions = List.copyOf(questions);
        }
    }

    /**
     * Every exam the caller may see: all for exam managers; for learners the standalone exams and
     * those of published courses.
     *
     * @return the exams, newest first
     */
    List<Exam> list();

    /**
     * The exams of one course, oldest first.
     *
     * @param courseId the course
     * @return its exams
     */
    List<Exam> ofCourse(long courseId);

    /**
     * One exam.
     *
     * @param examId the exam
     * @return the exam
     */
    Exam get(long examId);

    /**
     * Creates an exam after checking its settings and that the bank holds enough questions.
     *
     * @param draft the exam
     * @return its id
     * @throws TrainingException {@code training.exam.title-required}, {@code training.exam.no-draw-rules},
     *     the settings' problems ({@code training.exam.time-limit-positive},
     *     {@code training.exam.closes-before-opens}, ...), {@code training.draw.not-enough},
     *     {@code training.course.not-found}
     */
    long create(ExamDraft draft);

    /**
     * Changes an exam; attempts already started keep their questions and deadline.
     *
     * @param examId the exam
     * @param draft the new content
     * @throws TrainingException as {@link #create}
     */
    void update(long examId, ExamDraft draft);

    /**
     * Deletes an exam nobody has attempted.
     *
     * @param examId the exam
     * @throws TrainingException {@code training.exam.has-attempts}
     */
    void delete(long examId);

    /**
     * Grants a learner extra time; {@link Duration#ZERO} takes it back. Applies to attempts started afterwards.
     *
     * @param examId the exam
     * @param username the learner
     * @param extra the extra time, not negative
     * @throws TrainingException {@code training.exam.extra-time-negative}, {@code training.enrol.unknown-user}
     */
    void setExtraTime(long examId, String username, Duration extra);

    /**
     * The extra time granted for an exam, by username.
     *
     * @param examId the exam
     * @return the grants
     */
    List<ExtraTime> extraTimes(long examId);

    /**
     * The caller's standing in an exam.
     *
     * @param examId the exam
     * @return the overview
     */
    ExamOverview overview(long examId);

    /**
     * Resumes the caller's attempt in progress, or starts a new one (drawing questions with a
     * fresh seed that is stored, so the attempt always shows the same questions).
     *
     * @param examId the exam
     * @return the attempt
     * @throws TrainingException {@code training.attempt.exam-not-open}, {@code training.attempt.exam-closed},
     *     {@code training.attempt.no-attempts-left}, {@code training.draw.not-enough},
     *     {@code training.enrol.not-enrolled} (exam of a course the caller is not enrolled in)
     */
    AttemptSession startOrResume(long examId);

    /**
     * Stores the caller's response to one question of their attempt, replacing the previous one.
     *
     * @param attemptId the attempt
     * @param questionId the question, one of the attempt's
     * @param response the response; null clears it
     * @return the acknowledgement
     * @throws TrainingException {@code training.attempt.time-over} after the deadline plus grace,
     *     {@code training.attempt.already-submitted}, {@code training.attempt.not-yours},
     *     {@code training.attempt.question-not-in-attempt}, {@code training.attempt.wrong-response}
     */
    SaveAck saveAnswer(long attemptId, long questionId, Response response);

    /**
     * Flags or unflags one question of the caller's attempt in progress ("review later"); the
     * flag is kept with the attempt, so it follows the learner to another browser.
     *
     * @param attemptId the attempt
     * @param questionId the question, one of the attempt's
     * @param flagged the new state
     * @throws TrainingException as {@link #saveAnswer} does, for the same reasons
     */
    void flag(long attemptId, long questionId, boolean flagged);

    /**
     * Submits and grades the caller's attempt; of two concurrent submissions exactly one succeeds.
     * Passing an exam issues a certificate.
     *
     * @param attemptId the attempt
     * @return the result
     * @throws TrainingException {@code training.attempt.already-submitted}, {@code training.attempt.time-over}
     *     (the sweeper submits it), {@code training.attempt.not-yours}
     */
    AttemptResult submit(long attemptId);

    /**
     * Submits and grades every attempt whose deadline plus grace has passed. The sweeper calls
     * it every few seconds as {@code system:training-sweeper}; calling it by hand is harmless.
     *
     * @return how many attempts were submitted
     */
    int submitOverdue();

    /**
     * The caller's attempts at an exam, in order.
     *
     * @param examId the exam
     * @return the results (without per-question review)
     */
    List<AttemptResult> myAttempts(long examId);

    /**
     * Everyone's attempts at an exam, by learner then attempt number, without per-question
     * review (report viewers; open one with {@link #result}).
     *
     * @param examId the exam
     * @return the results
     */
    List<AttemptResult> attemptsOf(long examId);

    /**
     * One attempt's result with the review its options allow: the caller's own, or anyone's
     * for report viewers (who always see the full review).
     *
     * @param attemptId the attempt
     * @return the result
     */
    AttemptResult result(long attemptId);

    /**
     * The progress, in the exam's course, of the person who made an attempt: the caller's own,
     * or anyone's for report viewers. A passed attempt earns the course's certificate only with
     * every lesson studied, and the result page says how many are left.
     *
     * @param attemptId the attempt
     * @return the progress, or null when the exam belongs to no course
     */
    CourseService.Progress courseProgress(long attemptId);

    /**
     * Only the state of the caller's attempt: one row read, for a screen that re-checks its
     * attempt while open (whether the server submitted it).
     *
     * @param attemptId the attempt
     * @return its state
     * @throws TrainingException {@code training.attempt.not-found}, {@code training.attempt.not-yours}
     */
    AttemptState state(long attemptId);

    /**
     * The server's time now; the exam timer is set from it, not from the browser's clock.
     *
     * @return the server's time
     */
    Instant serverTime();
}
