package vn.congso.training.internal.ui;

/** The training plugin's routes, in one place so links and contributions agree. */
final class Routes {

    /** Learners: the course catalogue and their own courses and certificates. */
    static final String CATALOGUE = "training";
    /** Learners: one course, followed by {@code /<courseId>}. */
    static final String COURSE = "training/course";
    /** Learners: one lesson, followed by {@code /<courseId>/<lessonId>}. */
    static final String LESSON = "training/lesson";
    /** Learners: an exam's overview before starting, followed by {@code /<examId>}. */
    static final String EXAM = "training/exam";
    /** Learners: taking an attempt, followed by {@code /<attemptId>}. */
    static final String ATTEMPT = "training/attempt";
    /** Learners and report viewers: an attempt's result, followed by {@code /<attemptId>}. */
    static final String RESULT = "training/result";
    /** Anyone: certificate verification, followed by {@code /<code>}. */
    static final String VERIFY = "training/verify";
    /** Trainers: the course list. */
    static final String MANAGE_COURSES = "training/manage/courses";
    /** Trainers: one course's editor, followed by {@code /<courseId>}. */
    static final String EDIT_COURSE = "training/manage/course";
    /** Trainers: the question bank. */
    static final String QUESTIONS = "training/manage/questions";
    /** Exam managers: exams. */
    static final String EXAMS = "training/manage/exams";
    /** Report viewers: anyone's attempt with its review, followed by {@code /<attemptId>}. */
    static final String REVIEW = "training/manage/attempt";
    /** Report viewers: reports. */
    static final String REPORTS = "training/reports";
    /** Report viewers: certificates issued, and revoking them. */
    static final String CERTIFICATES = "training/manage/certificates";

    private Routes() {
    }

    static String course(long courseId) {
        return COURSE + "/" + courseId;
    }

    static String lesson(long courseId, long lessonId) {
        return LESSON + "/" + courseId + "/" + lessonId;
    }

    static String exam(long examId) {
        return EXAM + "/" + examId;
    }

    static String attempt(long attemptId) {
        return ATTEMPT + "/" + attemptId;
    }

    static String result(long attemptId) {
        return RESULT + "/" + attemptId;
    }

    static String editCourse(long courseId) {
        return EDIT_COURSE + "/" + courseId;
    }
}
