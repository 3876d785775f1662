package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo course, bank and exam load once, as the system actor, and form a usable exam. */
class DemoDataTest {

    @Test
    void theDemoLearnersAreTheSixTheBrowserTestsSignInWithAllLearners() {
        assertEquals(6, DemoData.LEARNERS.size());
        assertTrue(DemoData.LEARNERS.stream().allMatch(a -> a.roles().equals(java.util.Set.of("learner"))));
        assertEquals(5, DemoData.LEARNERS.stream().map(a -> a.unitId()).distinct().count());
    }

    @TempDir
    Path folder;

    @Test
    void loadsOnceWithLessonsBankExamAndLearners() throws Exception {
        TrainingFixture f = new TrainingFixture(folder);
        var actor = f.users.system("system:training-demo");
        java.util.concurrent.atomic.AtomicInteger learnersAsked = new java.util.concurrent.atomic.AtomicInteger();
        assertTrue(f.users.call(actor, () -> DemoData.load(f.database, f.courses, f.bank, f.exams, f.directory,
                f.clock, () -> learnersAsked.incrementAndGet())));
        assertFalse(f.users.call(actor, () -> DemoData.load(f.database, f.courses, f.bank, f.exams, f.directory,
                f.clock, () -> learnersAsked.incrementAndGet())), "never twice");
        assertEquals(1, learnersAsked.get(), "the demo learners are asked for once, with the demo");
        assertEquals(1, f.count("trn_course"));
        assertEquals(5, f.count("trn_lesson"));
        assertEquals(54, f.count("trn_question"));
        assertEquals(1, f.count("trn_exam"));
        // Enabled learners only: dung.pham is disabled, the trainer is not a learner.
        assertEquals(3, f.count("trn_enrolment"));

        f.become("chi.le", TrainingFixture.LEARNER);
        CourseService.CourseSummary course = f.courses.list().get(0);
        assertEquals(DemoData.COURSE_TITLE, course.title());
        assertTrue(course.published());
        CourseService.Course full = f.courses.get(course.id());
        assertTrue(full.lessons().get(0).title().startsWith("Bài 1"), full.lessons().get(0).title());
        ExamService.AttemptSession attempt = f.exams.startOrResume(full.examIds().get(0));
        assertEquals(24, attempt.questions().size());
        f.users.clear();
    }
}
