package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.audit.AuditLog;
import vn.congso.training.internal.exam.AttemptState;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.question.TrueFalseQuestion;

/** The scheduled sweeper submits an abandoned attempt on its own, as the system actor, and stops cleanly. */
class AttemptSweeperTest {

    @TempDir
    Path folder;

    @Test
    void submitsAnAbandonedAttemptWithoutAnyBrowser() throws Exception {
        TrainingFixture f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
        f.bank.createQuestion("Q", TrueFalseQuestion.of("Câu", true));
        Instant now = f.clock.instant();
        long exam = f.exams.create(new ExamService.ExamDraft("Thi", "", null, new ExamSettings(Duration.ofMinutes(1),
                now, now.plusSeconds(3600), 1, 50, GradingMethod.LAST, Duration.ZERO),
                List.of(new DrawRule("Q", 1)), ExamService.ReviewOptions.FULL, 0));
        f.become("an.nguyen", TrainingFixture.LEARNER);
        long attempt = f.exams.startOrResume(exam).attemptId();
        f.users.clear();
        f.clock.advance(Duration.ofMinutes(2));

        AttemptSweeper sweeper = new AttemptSweeper(f.exams, f.users, TrainingFixture.config());
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (f.audit.count("training.attempt.auto-submit", AuditLog.Outcome.SUCCESS) == 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            sweeper.stop();
        }
        AuditLog.Entry entry = f.audit.entries.stream().filter(e -> e.action().equals("training.attempt.auto-submit"))
                .findFirst().orElseThrow();
        assertEquals(AttemptSweeper.ACTOR, entry.actor());
        assertEquals(String.valueOf(attempt), entry.target());
        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertEquals(AttemptState.AUTO_SUBMITTED, f.exams.result(attempt).state());
        long before = f.audit.entries.size();
        Thread.sleep(1_500);
        assertTrue(f.audit.entries.size() == before, "the stopped sweeper does nothing more");
        f.users.clear();
    }
}
