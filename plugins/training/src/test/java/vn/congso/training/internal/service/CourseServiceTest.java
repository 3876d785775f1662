package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.service.CourseService.CourseDraft;
import vn.congso.training.internal.service.CourseService.LessonDraft;

/** Courses, lessons, enrolment and progress on a real database. */
class CourseServiceTest {

    @TempDir
    Path folder;

    private TrainingFixture f;
    private long course;
    private List<Long> lessons;

    @BeforeEach
    void setUp() throws Exception {
        f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
        course = f.courses.create(new CourseDraft("Soạn thảo văn bản", "Word cơ bản", "it-basics", 60));
        lessons = List.of(f.courses.addLesson(course, new LessonDraft("Bài 1", "# Mở đầu", "")),
                f.courses.addLesson(course, new LessonDraft("Bài 2", "Định dạng", "https://www.youtube.com/watch?v=x")),
                f.courses.addLesson(course, new LessonDraft("Bài 3", "In ấn", "")));
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    @Test
    void learnersSeeOnlyPublishedCourses() {
        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertTrue(f.courses.list().isEmpty());
        assertEquals("training.course.not-found",
                assertThrows(TrainingException.class, () -> f.courses.get(course)).problems().get(0).key());
        f.become("trainer", TrainingFixture.TRAINER);
        f.courses.setPublished(course, true);
        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertEquals(List.of(course), f.courses.list().stream().map(CourseService.CourseSummary::id).toList());
        assertEquals(3, f.courses.get(course).lessons().size());
    }

    @Test
    void badInputIsRefusedWithEveryProblem() {
        TrainingException e = assertThrows(TrainingException.class,
                () -> f.courses.create(new CourseDraft(" ", "", "astrology", -5)));
        assertEquals(List.of("training.course.title-required", "training.course.category-unknown",
                "training.course.minutes-negative"), e.problems().stream().map(Problem::key).toList());
        assertEquals("training.lesson.video-url-invalid", assertThrows(TrainingException.class,
                () -> f.courses.addLesson(course, new LessonDraft("Bài", "", "javascript:alert(1)"))).problems()
                .get(0).key());
        long empty = f.courses.create(new CourseDraft("Trống", "", "other", 0));
        assertEquals("training.course.no-lessons", assertThrows(TrainingException.class,
                () -> f.courses.setPublished(empty, true)).problems().get(0).key());
    }

    @Test
    void lessonsReorderAndCloseRanksWhenOneIsDeleted() {
        f.courses.reorderLessons(course, List.of(lessons.get(2), lessons.get(0), lessons.get(1)));
        assertEquals(List.of("Bài 3", "Bài 1", "Bài 2"),
                f.courses.get(course).lessons().stream().map(CourseService.Lesson::title).toList());
        assertThrows(TrainingException.class, () -> f.courses.reorderLessons(course, List.of(lessons.get(0))));
        f.courses.deleteLesson(lessons.get(0));
        List<CourseService.Lesson> rest = f.courses.get(course).lessons();
        assertEquals(List.of(0, 1), rest.stream().map(CourseService.Lesson::position).toList());
    }

    @Test
    void overLongTextsAreRefusedByTheServiceWithTheirLimit() {
        String title = "T".repeat(vn.congso.training.internal.TextLimits.TITLE + 1);
        TrainingException refused = assertThrows(TrainingException.class,
                () -> f.courses.create(new CourseDraft(title, "", "it-basics", 0)));
        assertEquals("training.course.title-too-long", refused.problems().get(0).key());
        assertEquals(List.of(vn.congso.training.internal.TextLimits.TITLE), refused.problems().get(0).args());
        String markdown = "x".repeat(vn.congso.training.internal.TextLimits.LESSON_MARKDOWN + 1);
        TrainingException lesson = assertThrows(TrainingException.class,
                () -> f.courses.updateLesson(lessons.get(0), new LessonDraft("Bài 1", markdown, "")));
        assertEquals("training.lesson.markdown-too-long", lesson.problems().get(0).key());
        assertEquals("# Mở đầu", f.courses.get(course).lessons().get(0).markdown(), "nothing changed");
        // At the limit is fine.
        f.courses.updateLesson(lessons.get(0), new LessonDraft("Bài 1", markdown.substring(1), ""));
    }

    @Test
    void attachmentsAreCheckedAndServedBack() {
        byte[] pdf = "%PDF-1.7 bài giảng".getBytes(StandardCharsets.UTF_8);
        long id = f.courses.addAttachment(lessons.get(0), "bai-giang.pdf", pdf);
        CourseService.Attachment attachment = f.courses.attachment(id);
        assertEquals("bai-giang.pdf", attachment.info().name());
        assertEquals(pdf.length, attachment.info().size());
        assertEquals(new String(pdf, StandardCharsets.UTF_8), new String(attachment.content(), StandardCharsets.UTF_8));
        assertEquals(1, f.courses.get(course).lessons().get(0).attachments().size());
        assertEquals("application/pdf", attachment.info().mediaType());
        assertEquals("training.attachment.type-refused", assertThrows(TrainingException.class,
                () -> f.courses.addAttachment(lessons.get(0), "x.html", pdf)).problems().get(0).key());
    }

    @Test
    void anAttachmentWhoseContentDoesNotMatchItsNameIsRefusedWhateverTheBrowserSaid() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        for (Object[] bad : new Object[][] {{"so-do.pdf", png}, {"anh.png", html}, {"setup.pdf", exe},
                {"anh.exe", png}}) {
            TrainingException refused = assertThrows(TrainingException.class,
                    () -> f.courses.addAttachment(lessons.get(0), (String) bad[0], (byte[]) bad[1]), (String) bad[0]);
            assertEquals("training.attachment.type-refused", refused.problems().get(0).key());
        }
        assertEquals(0, f.courses.get(course).lessons().get(0).attachments().size(), "nothing stored");
        long id = f.courses.addAttachment(lessons.get(0), "so-do.PNG", png);
        assertEquals("image/png", f.courses.attachment(id).info().mediaType());
    }

    @Test
    void unitsAreEnrolledWithADeadlineAndProgressLeadsToCompletion() {
        f.courses.setPublished(course, true);
        Instant deadline = f.clock.instant().plus(Duration.ofDays(30));
        CourseService.EnrolmentResult result = f.courses.enrolUnits(course, List.of("xa-tai-van", "xa-lieu-tu"),
                deadline);
        // dung.pham's account is disabled: not enrolled.
        assertEquals(new CourseService.EnrolmentResult(3, 0), result);
        assertEquals(new CourseService.EnrolmentResult(0, 1), f.courses.enrolUsers(course, List.of("an.nguyen"),
                deadline));
        assertEquals("training.enrol.unknown-user", assertThrows(TrainingException.class,
                () -> f.courses.enrolUsers(course, List.of("dung.pham"), null)).problems().get(0).key());
        assertEquals(1, f.audit.count("training.enrol.units", Outcome.SUCCESS));

        f.become("an.nguyen", TrainingFixture.LEARNER);
        CourseService.Progress start = f.courses.progress(course);
        assertTrue(start.enrolled());
        assertEquals(deadline, start.deadline());
        assertTrue(start.examPassed(), "a course without an exam needs none");
        for (long lesson : lessons) {
            f.courses.markViewed(lesson);
            f.courses.markViewed(lesson);
        }
        CourseService.Progress done = f.courses.progress(course);
        assertEquals(3, done.lessonsViewed());
        assertTrue(done.completed());
        f.become("chi.le", TrainingFixture.LEARNER);
        assertFalse(f.courses.progress(course).completed());
    }

    @Test
    void onlyEnrolledLearnersRecordViewsAndLearnersCannotManage() {
        f.courses.setPublished(course, true);
        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertEquals("training.enrol.not-enrolled", assertThrows(TrainingException.class,
                () -> f.courses.markViewed(lessons.get(0))).problems().get(0).key());
        f.courses.enrolSelf(course);
        f.courses.enrolSelf(course);
        f.courses.markViewed(lessons.get(0));
        assertEquals(1, f.courses.myEnrolments().size());
        assertThrows(AccessDeniedException.class, () -> f.courses.create(new CourseDraft("X", "", "other", 0)));
        assertThrows(AccessDeniedException.class, () -> f.courses.enrolUsers(course, List.of("chi.le"), null));
        assertThrows(AccessDeniedException.class, () -> f.courses.progressOf(course, "chi.le"));
        assertEquals(1, f.audit.count("training.course.create", Outcome.DENIED));
    }

    @Test
    void deletingACourseKeepsItsExamsAsStandalone() throws Exception {
        f.bank.createQuestion("Q", vn.congso.training.internal.question.TrueFalseQuestion.of("Câu", true));
        Instant now = f.clock.instant();
        long exam = f.exams.create(new ExamService.ExamDraft("Thi", "", course,
                new vn.congso.training.internal.exam.ExamSettings(Duration.ofMinutes(5), now, now.plusSeconds(3600), 1,
                        50, vn.congso.training.internal.exam.GradingMethod.LAST, Duration.ZERO),
                List.of(new vn.congso.training.internal.exam.DrawRule("Q", 1)), ExamService.ReviewOptions.FULL, 0));
        f.courses.delete(course);
        assertEquals(0, f.count("trn_lesson"));
        assertEquals(null, f.exams.get(exam).draft().courseId());
    }
}
