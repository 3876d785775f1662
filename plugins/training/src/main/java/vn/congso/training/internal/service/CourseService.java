package vn.congso.training.internal.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.congso.api.upload.FileType;
import vn.congso.training.internal.TrainingException;

/**
 * Courses, their lessons and attachments, enrolment and progress.
 *
 * <p>Reading needs {@link TrainingPermissions#COURSE_ENROL} (learners see published courses only)
 * or {@link TrainingPermissions#COURSE_MANAGE} (trainers see drafts too). Changing courses,
 * lessons and other people's enrolments needs {@code COURSE_MANAGE} and is audited. Unknown ids
 * are refused with {@code training.course.not-found}, {@code training.lesson.not-found} or
 * {@code training.attachment.not-found}.
 */
public interface CourseService {

    /** Course categories; each has the translation key {@code training.course.category.<id>}. */
    List<String> CATEGORIES = List.of("it-basics", "public-services", "digital-signature", "information-security",
            "other");

    /** Largest lesson attachment, in bytes (20 MB). */
    long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    /** What a lesson attachment may be, recognised by its content (magic bytes) and matching its extension. */
    List<FileType> ATTACHMENT_FILE_TYPES = List.of(FileType.PDF, FileType.PNG, FileType.JPEG, FileType.GIF,
            FileType.WEBP);

    /**
     * What a trainer enters for a course.
     *
     * @param title the course title, required, at most 200 characters
     * @param summary a short description (plain text), may be empty
     * @param category one of {@link #CATEGORIES}
     * @param estimatedMinutes how long studying it takes, 0 when unknown
     */
    record CourseDraft(String title, String summary, String category, int estimatedMinutes) {
        /** Normalises absent texts to empty ones. */
        public CourseDraft {
            title = Objects.requireNonNullElse(title, "").strip();
            summary = Objects.requireNonNullElse(summary, "").strip();
            category = Objects.requireNonNullElse(category, "");
        }
    }

    /**
     * A course as listed.
     *
     * @param id the course id
     * @param title the title
     * @param summary the summary
     * @param category one of {@link #CATEGORIES}
     * @param estimatedMinutes how long studying it takes, 0 when unknown
     * @param published whether learners see it
     * @param lessonCount how many lessons it has
     * @param createdAt when it was created
     * @param updatedAt when it was last changed
     */
    record CourseSummary(long id, String title, String summary, String category, int estimatedMinutes,
            boolean published, int lessonCount, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A course with its lessons in order.
     *
     * @param summary the course
     * @param lessons its lessons, by position
     * @param examIds the exams that belong to the course, oldest first; the first is the one that
     *     counts for completion
     */
    record Course(CourseSummary summary, List<Lesson> lessons, List<Long> examIds) {
        /** Copies the lists. */
        public Course {
            lessons = List.copyOf(lessons);
            examIds = List.copyOf(examIds);
        }
    }

    /**
     * What a trainer enters for a lesson.
     *
     * @param title the lesson title, required
     * @param markdown the body in Markdown (rendered safely by
     *     {@link vn.congso.training.internal.content.SafeMarkdown})
     * @param videoUrl an {@code https://} link to a video, or empty
     */
    record LessonDraft(String title, String markdown, String videoUrl) {
        /** Normalises absent texts to empty ones. */
        public LessonDraft {
            title = Objects.requireNonNullElse(title, "").strip();
            markdown = Objects.requireNonNullElse(markdown, "");
            videoUrl = Objects.requireNonNullElse(videoUrl, "").strip();
        }
    }

    /**
     * A lesson.
     *
     * @param id the lesson id
     * @param courseId its course
     * @param position 0-based place in the course
     * @param title the title
     * @param markdown the body, Markdown source
     * @param videoUrl a video link, or empty
     * @param attachments its files, without content
     */
    record Lesson(long id, long courseId, int position, String title, String markdown, String videoUrl,
            List<AttachmentInfo> attachments) {
        /** Copies the list. */
        public Lesson {
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * A lesson attachment's description.
     *
     * @param id the attachment id
     * @param lessonId its lesson
     * @param name the file name as uploaded
     * @param mediaType the media type of one of {@link #ATTACHMENT_FILE_TYPES}, read from the content
     * @param size bytes
     */
    record AttachmentInfo(long id, long lessonId, String name, String mediaType, long size) {
    }

    /**
     * An attachment with its bytes.
     *
     * @param info the description
     * @param content the file
     */
    record Attachment(AttachmentInfo info, byte[] content) {
    }

    /**
     * One person enrolled in one course.
     *
     * @param courseId the course
     * @param username the learner
     * @param enrolledBy who enrolled them (themselves or a trainer)
     * @param enrolledAt when
     * @param deadline by when they should complete it; null when none
     */
    record Enrolment(long courseId, String username, String enrolledBy, Instant enrolledAt, Instant deadline) {
    }

    /**
     * What an enrolment of several people did.
     *
     * @param enrolled people newly enrolled
     * @param alreadyEnrolled people who were enrolled before (their deadline is updated)
     */
    record EnrolmentResult(int enrolled, int alreadyEnrolled) {
    }

    /**
     * A learner's progress in a course.
     *
     * @param courseId the course
     * @param username the learner
     * @param enrolled whether the learner is enrolled
     * @param viewedLessonIds the lessons the learner has opened
     * @param lessonCount how many lessons the course has
     * @param examPassed whether the course's first exam has been passed (true when it has none)
     * @param deadline the enrolment deadline, or null
     */
    record Progress(long courseId, String username, boolean enrolled, Set<Long> viewedLessonIds, int lessonCount,
            boolean examPassed, Instant deadline) {
        /** Copies the set. */
        public Progress {
            viewedLessonIds = Set.copyOf(viewedLessonIds);
        }

        /** @return how many lessons were viewed */
        public int lessonsViewed() {
            return viewedLessonIds.size();
        }

        /** @return whether every lesson was viewed and the course exam passed */
        public boolean completed() {
            return enrolled && lessonsViewed() >= lessonCount && examPassed;
        }
    }

    /**
     * Courses the caller may see: all for trainers, published ones for learners, newest first.
     *
     * @return the courses
     */
    List<CourseSummary> list();

    /**
     * One course with its lessons. Learners get published courses only.
     *
     * @param courseId the course
     * @return the course
     * @throws TrainingException {@code training.course.not-found}
     */
    Course get(long courseId);

    /**
     * Creates a draft course.
     *
     * @param draft the content
     * @return the new course's id
     * @throws TrainingException {@code training.course.title-required}, {@code training.course.title-too-long},
     *     {@code training.course.category-unknown}, {@code training.course.minutes-negative}
     */
    long create(CourseDraft draft);

    /**
     * Changes a course's description.
     *
     * @param courseId the course
     * @param draft the new content
     * @throws TrainingException as {@link #create}, or {@code training.course.not-found}
     */
    void update(long courseId, CourseDraft draft);

    /**
     * Publishes a course or takes it back to draft.
     *
     * @param courseId the course
     * @param published whether learners may see it
     * @throws TrainingException {@code training.course.no-lessons} when publishing a course without lessons
     */
    void setPublished(long courseId, boolean published);

    /**
     * Deletes a course with its lessons, attachments, enrolments and progress. Its exams stay,
     * standalone, so results and certificates are never lost.
     *
     * @param courseId the course
     */
    void delete(long courseId);

    /**
     * Appends a lesson to a course.
     *
     * @param courseId the course
     * @param draft the lesson
     * @return the new lesson's id
     * @throws TrainingException {@code training.lesson.title-required}, {@code training.lesson.video-url-invalid}
     */
    long addLesson(long courseId, LessonDraft draft);

    /**
     * Changes a lesson.
     *
     * @param lessonId the lesson
     * @param draft its new content
     */
    void updateLesson(long lessonId, LessonDraft draft);

    /**
     * Deletes a lesson with its attachments and views; the others close ranks.
     *
     * @param lessonId the lesson
     */
    void deleteLesson(long lessonId);

    /**
     * Puts a course's lessons in a new order.
     *
     * @param courseId the course
     * @param lessonIds every lesson id of the course, in the new order
     * @throws TrainingException {@code training.lesson.order-mismatch} when the ids are not exactly the course's lessons
     */
    void reorderLessons(long courseId, List<Long> lessonIds);

    /**
     * Attaches a PDF or image to a lesson.
     *
     * @param lessonId the lesson
     * @param name the file name; its extension must match the content
     * @param content the bytes, at most {@link #MAX_ATTACHMENT_BYTES}; their type (one of
     *     {@link #ATTACHMENT_FILE_TYPES}) is read from the bytes themselves, never taken from the sender
     * @return the attachment's id
     * @throws TrainingException {@code training.attachment.type-refused}, {@code training.attachment.too-large},
     *     {@code training.attachment.empty}
     */
    long addAttachment(long lessonId, String name, byte[] content);

    /**
     * An attachment with its bytes, for download; same visibility as its course.
     *
     * @param attachmentId the attachment
     * @return the attachment
     */
    Attachment attachment(long attachmentId);

    /**
     * Removes an attachment.
     *
     * @param attachmentId the attachment
     */
    void deleteAttachment(long attachmentId);

    /**
     * Enrols the caller in a published course; enrolling twice keeps the first enrolment.
     *
     * @param courseId the course
     * @return the enrolment
     */
    Enrolment enrolSelf(long courseId);

    /**
     * Enrols chosen people (trainers). Unknown or disabled accounts are refused.
     *
     * @param courseId the course
     * @param usernames the people
     * @param deadline by when they should complete it, or null
     * @return how many were enrolled
     * @throws TrainingException {@code training.enrol.unknown-user} naming the first unknown account
     */
    EnrolmentResult enrolUsers(long courseId, Collection<String> usernames, Instant deadline);

    /**
     * Enrols every enabled person of the given units (trainers), for example everyone of xã Tài Văn.
     *
     * @param courseId the course
     * @param unitIds the units
     * @param deadline by when they should complete it, or null
     * @return how many were enrolled
     * @throws TrainingException {@code training.enrol.unknown-unit}
     */
    EnrolmentResult enrolUnits(long courseId, Collection<String> unitIds, Instant deadline);

    /**
     * Removes one enrolment (trainers); lesson views are kept.
     *
     * @param courseId the course
     * @param username the learner
     */
    void unenrol(long courseId, String username);

    /**
     * Everyone enrolled in a course (trainers, report viewers), by username.
     *
     * @param courseId the course
     * @return the enrolments
     */
    List<Enrolment> enrolments(long courseId);

    /**
     * The caller's own enrolments, newest first.
     *
     * @return the enrolments
     */
    List<Enrolment> myEnrolments();

    /**
     * Records that the caller opened a lesson of a course they are enrolled in; repeating it is harmless.
     *
     * @param lessonId the lesson
     * @throws TrainingException {@code training.enrol.not-enrolled}
     */
    void markViewed(long lessonId);

    /**
     * The caller's progress in a course.
     *
     * @param courseId the course
     * @return the progress
     */
    Progress progress(long courseId);

    /**
     * Someone's progress (trainers, report viewers).
     *
     * @param courseId the course
     * @param username the learner
     * @return the progress
     */
    Progress progressOf(long courseId, String username);
}
