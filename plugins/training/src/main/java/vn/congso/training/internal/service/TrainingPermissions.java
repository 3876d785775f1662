package vn.congso.training.internal.service;

/**
 * The permissions the training services check, in Shiro wildcard syntax. Core's built-in roles
 * already grant them: {@code trainer} all of them, {@code learner} {@link #COURSE_ENROL} and
 * {@link #EXAM_TAKE}.
 */
public final class TrainingPermissions {

    /** Create, edit, publish and delete courses and lessons; enrol other people; edit the question bank. */
    public static final String COURSE_MANAGE = "training:course:manage";
    /** See published courses, enrol oneself, study lessons. */
    public static final String COURSE_ENROL = "training:course:enrol";
    /** Create and edit exams, grant extra time. */
    public static final String EXAM_MANAGE = "training:exam:manage";
    /** Sit exams and see one's own results and certificates. */
    public static final String EXAM_TAKE = "training:exam:take";
    /** See reports, everyone's results and certificates. */
    public static final String REPORT_VIEW = "training:report:view";
    /** Revoke a certificate. */
    public static final String CERTIFICATE_REVOKE = "training:certificate:revoke";

    private TrainingPermissions() {
    }
}
