package vn.congso.training.internal.service;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.upload.FileType;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TextLimits;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.store.Jdbc;

/** Courses, lessons, attachments, enrolment and progress over the platform database. */
@Component(service = CourseService.class)
public final class JdbcCourseService implements CourseService {

    private static final int MAX_TITLE = TextLimits.TITLE;
    private static final int MAX_SUMMARY = TextLimits.SUMMARY;

    private final Jdbc jdbc;
    private final Guard guard;
    private final UserDirectory directory;
    private final CertificateIssuer certificates;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param database the platform database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param directory people and units
     */
    @Activate
    public JdbcCourseService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference UserDirectory directory) {
        this(database, users, audit, directory, Clock.systemUTC());
    }

    JdbcCourseService(Database database, CurrentUserService users, AuditLog audit, UserDirectory directory,
            Clock clock) {
        this.jdbc = new Jdbc(database.dataSource());
        this.guard = new Guard(users, audit);
        this.directory = directory;
        this.clock = clock;
        this.certificates = new CertificateIssuer(directory);
    }

    private boolean manager() {
        return guard.has(TrainingPermissions.COURSE_MANAGE);
    }

    @Override
    public List<CourseSummary> list() {
        guard.read(TrainingPermissions.COURSE_ENROL, TrainingPermissions.COURSE_MANAGE);
        boolean all = manager();
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT c.*, (SELECT COUNT(*) FROM trn_lesson l WHERE"
                + " l.course_id = c.id) AS lesson_count FROM trn_course c"
                + (all ? "" : " WHERE c.published = ?") + " ORDER BY c.created_at DESC, c.id DESC",
                JdbcCourseService::summary, all ? new Object[0] : new Object[] {true}));
    }

    private static CourseSummary summary(java.sql.ResultSet rs) throws SQLException {
        return new CourseSummary(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                rs.getString("category"), rs.getInt("estimated_minutes"), rs.getBoolean("published"),
                rs.getInt("lesson_count"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    @Override
    public Course get(long courseId) {
        guard.read(TrainingPermissions.COURSE_ENROL, TrainingPermissions.COURSE_MANAGE);
        boolean all = manager();
        return jdbc.transaction(c -> {
            CourseSummary summary = visibleCourse(c, courseId, all);
            List<Lesson> lessons = Jdbc.list(c, "SELECT * FROM trn_lesson WHERE course_id = ? ORDER BY position",
                    rs -> new Lesson(rs.getLong("id"), courseId, rs.getInt("position"), rs.getString("title"),
                            rs.getString("body"), rs.getString("video_url"), List.of()), courseId);
            List<Lesson> withFiles = new ArrayList<>();
            for (Lesson l : lessons) {
                withFiles.add(new Lesson(l.id(), l.courseId(), l.position(), l.title(), l.markdown(), l.videoUrl(),
                        attachments(c, l.id())));
            }
            List<Long> exams = Jdbc.list(c, "SELECT id FROM trn_exam WHERE course_id = ? ORDER BY id",
                    rs -> rs.getLong(1), courseId);
            return new Course(summary, withFiles, exams);
        });
    }

    private static List<AttachmentInfo> attachments(Connection c, long lessonId) throws SQLException {
        return Jdbc.list(c, "SELECT id, name, media_type, size_bytes FROM trn_lesson_attachment WHERE lesson_id = ?"
                + " ORDER BY id", rs -> new AttachmentInfo(rs.getLong(1), lessonId, rs.getString(2),
                        rs.getString(3), rs.getLong(4)), lessonId);
    }

    /** The course, refused as not found when it does not exist or a learner may not see it. */
    private static CourseSummary visibleCourse(Connection c, long courseId, boolean drafts) throws SQLException {
        CourseSummary summary = Jdbc.one(c, "SELECT c.*, (SELECT COUNT(*) FROM trn_lesson l WHERE"
                + " l.course_id = c.id) AS lesson_count FROM trn_course c WHERE c.id = ?",
                JdbcCourseService::summary, courseId);
        if (summary == null || !(drafts || summary.published())) {
            throw new TrainingException("training.course.not-found", courseId);
        }
        return summary;
    }

    @Override
    public long create(CourseDraft draft) {
        CurrentUser user = guard.change("training.course.create", draft.title(), TrainingPermissions.COURSE_MANAGE);
        validate(draft);
        Instant now = clock.instant();
        long id = jdbc.transaction(c -> Jdbc.insert(c, "INSERT INTO trn_course (title, summary, category,"
                + " estimated_minutes, published, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                draft.title(), draft.summary(), draft.category(), draft.estimatedMinutes(), false, user.id(), now,
                now));
        guard.done("training.course.create", id, draft.title());
        return id;
    }

    private static void validate(CourseDraft draft) {
        List<Problem> problems = new ArrayList<>();
        if (draft.title().isEmpty()) {
            problems.add(Problem.of("training.course.title-required"));
        } else if (draft.title().length() > MAX_TITLE) {
            problems.add(Problem.of("training.course.title-too-long", MAX_TITLE));
        }
        if (draft.summary().length() > MAX_SUMMARY) {
            problems.add(Problem.of("training.course.summary-too-long", MAX_SUMMARY));
        }
        if (!CATEGORIES.contains(draft.category())) {
            problems.add(Problem.of("training.course.category-unknown", draft.category()));
        }
        if (draft.estimatedMinutes() < 0) {
            problems.add(Problem.of("training.course.minutes-negative"));
        }
        if (!problems.isEmpty()) {
            throw new TrainingException(problems);
        }
    }

    @Override
    public void update(long courseId, CourseDraft draft) {
        guard.change("training.course.update", courseId, TrainingPermissions.COURSE_MANAGE);
        validate(draft);
        int changed = jdbc.transaction(c -> Jdbc.update(c, "UPDATE trn_course SET title = ?, summary = ?,"
                + " category = ?, estimated_minutes = ?, updated_at = ? WHERE id = ?", draft.title(), draft.summary(),
                draft.category(), draft.estimatedMinutes(), clock.instant(), courseId));
        requireFound(changed, "training.course.not-found", courseId);
        guard.done("training.course.update", courseId, draft.title());
    }

    @Override
    public void setPublished(long courseId, boolean published) {
        String action = published ? "training.course.publish" : "training.course.unpublish";
        guard.change(action, courseId, TrainingPermissions.COURSE_MANAGE);
        jdbc.transaction(c -> {
            CourseSummary course = visibleCourse(c, courseId, true);
            if (published && course.lessonCount() == 0) {
                throw new TrainingException("training.course.no-lessons");
            }
            return Jdbc.update(c, "UPDATE trn_course SET published = ?, updated_at = ? WHERE id = ?", published,
                    clock.instant(), courseId);
        });
        guard.done(action, courseId, "");
    }

    @Override
    public void delete(long courseId) {
        guard.change("training.course.delete", courseId, TrainingPermissions.COURSE_MANAGE);
        jdbc.transaction(c -> {
            CourseSummary course = visibleCourse(c, courseId, true);
            // Exams stay as standalone exams: their attempts and certificates are records.
            Jdbc.update(c, "UPDATE trn_exam SET course_id = NULL WHERE course_id = ?", courseId);
            Jdbc.update(c, "DELETE FROM trn_lesson_view WHERE lesson_id IN (SELECT id FROM trn_lesson WHERE"
                    + " course_id = ?)", courseId);
            Jdbc.update(c, "DELETE FROM trn_lesson_attachment WHERE lesson_id IN (SELECT id FROM trn_lesson WHERE"
                    + " course_id = ?)", courseId);
            Jdbc.update(c, "DELETE FROM trn_lesson WHERE course_id = ?", courseId);
            Jdbc.update(c, "DELETE FROM trn_enrolment WHERE course_id = ?", courseId);
            Jdbc.update(c, "DELETE FROM trn_course WHERE id = ?", courseId);
            return course;
        });
        guard.done("training.course.delete", courseId, "");
    }

    @Override
    public long addLesson(long courseId, LessonDraft draft) {
        guard.change("training.lesson.create", courseId, TrainingPermissions.COURSE_MANAGE);
        validate(draft);
        long id = jdbc.transaction(c -> {
            visibleCourse(c, courseId, true);
            int position = Jdbc.one(c, "SELECT COUNT(*) FROM trn_lesson WHERE course_id = ?", rs -> rs.getInt(1),
                    courseId);
            Instant now = clock.instant();
            long lessonId = Jdbc.insert(c, "INSERT INTO trn_lesson (course_id, position, title, body, video_url,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", courseId, position, draft.title(),
                    draft.markdown(), draft.videoUrl(), now, now);
            touch(c, courseId);
            return lessonId;
        });
        guard.done("training.lesson.create", id, "course " + courseId + ": " + draft.title());
        return id;
    }

    private static void validate(LessonDraft draft) {
        List<Problem> problems = new ArrayList<>();
        if (draft.title().isEmpty()) {
            problems.add(Problem.of("training.lesson.title-required"));
        } else if (draft.title().length() > MAX_TITLE) {
            problems.add(Problem.of("training.course.title-too-long", MAX_TITLE));
        }
        if (draft.markdown().length() > TextLimits.LESSON_MARKDOWN) {
            problems.add(Problem.of("training.lesson.markdown-too-long", TextLimits.LESSON_MARKDOWN));
        }
        if (draft.videoUrl().length() > TextLimits.URL) {
            problems.add(Problem.of("training.lesson.video-url-too-long", TextLimits.URL));
        } else if (!draft.videoUrl().isEmpty() && !isWebLink(draft.videoUrl())) {
            problems.add(Problem.of("training.lesson.video-url-invalid", draft.videoUrl()));
        }
        if (!problems.isEmpty()) {
            throw new TrainingException(problems);
        }
    }

    /** Only absolute https (or http) links with a host: no javascript:, data: or relative URLs. */
    static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && url.length() <= 500;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private void touch(Connection c, long courseId) throws SQLException {
        Jdbc.update(c, "UPDATE trn_course SET updated_at = ? WHERE id = ?", clock.instant(), courseId);
    }

    private static long courseOfLesson(Connection c, long lessonId) throws SQLException {
        Long courseId = Jdbc.one(c, "SELECT course_id FROM trn_lesson WHERE id = ?", rs -> rs.getLong(1), lessonId);
        if (courseId == null) {
            throw new TrainingException("training.lesson.not-found", lessonId);
        }
        return courseId;
    }

    @Override
    public void updateLesson(long lessonId, LessonDraft draft) {
        guard.change("training.lesson.update", lessonId, TrainingPermissions.COURSE_MANAGE);
        validate(draft);
        jdbc.transaction(c -> {
            long courseId = courseOfLesson(c, lessonId);
            Jdbc.update(c, "UPDATE trn_lesson SET title = ?, body = ?, video_url = ?, updated_at = ? WHERE id = ?",
                    draft.title(), draft.markdown(), draft.videoUrl(), clock.instant(), lessonId);
            touch(c, courseId);
            return null;
        });
        guard.done("training.lesson.update", lessonId, draft.title());
    }

    @Override
    public void deleteLesson(long lessonId) {
        guard.change("training.lesson.delete", lessonId, TrainingPermissions.COURSE_MANAGE);
        jdbc.transaction(c -> {
            long courseId = courseOfLesson(c, lessonId);
            Jdbc.update(c, "DELETE FROM trn_lesson_view WHERE lesson_id = ?", lessonId);
            Jdbc.update(c, "DELETE FROM trn_lesson_attachment WHERE lesson_id = ?", lessonId);
            Jdbc.update(c, "DELETE FROM trn_lesson WHERE id = ?", lessonId);
            List<Long> rest = Jdbc.list(c, "SELECT id FROM trn_lesson WHERE course_id = ? ORDER BY position",
                    rs -> rs.getLong(1), courseId);
            renumber(c, rest);
            touch(c, courseId);
            return null;
        });
        guard.done("training.lesson.delete", lessonId, "");
    }

    private static void renumber(Connection c, List<Long> lessonIds) throws SQLException {
        for (int i = 0; i < lessonIds.size(); i++) {
            Jdbc.update(c, "UPDATE trn_lesson SET position = ? WHERE id = ?", i, lessonIds.get(i));
        }
    }

    @Override
    public void reorderLessons(long courseId, List<Long> lessonIds) {
        guard.change("training.lesson.reorder", courseId, TrainingPermissions.COURSE_MANAGE);
        jdbc.transaction(c -> {
            visibleCourse(c, courseId, true);
            List<Long> current = Jdbc.list(c, "SELECT id FROM trn_lesson WHERE course_id = ?", rs -> rs.getLong(1),
                    courseId);
            if (lessonIds.size() != current.size() || !new HashSet<>(current).equals(new HashSet<>(lessonIds))) {
                throw new TrainingException("training.lesson.order-mismatch");
            }
            renumber(c, lessonIds);
            touch(c, courseId);
            return null;
        });
        guard.done("training.lesson.reorder", courseId, lessonIds.toString());
    }

    @Override
    public long addAttachment(long lessonId, String name, byte[] content) {
        guard.change("training.attachment.create", lessonId, TrainingPermissions.COURSE_MANAGE);
        String fileName = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        List<Problem> problems = new ArrayList<>();
        String type = "";
        if (content == null || content.length == 0) {
            problems.add(Problem.of("training.attachment.empty"));
        } else if (content.length > MAX_ATTACHMENT_BYTES) {
            problems.add(Problem.of("training.attachment.too-large", MAX_ATTACHMENT_BYTES / (1024 * 1024)));
        } else {
            // The type comes from the bytes and must agree with the name: a browser's content type is not asked.
            Optional<FileType> sniffed = FileType.sniff(Arrays.copyOf(content, Math.min(content.length,
                    FileType.HEAD_BYTES)));
            if (sniffed.isEmpty() || !ATTACHMENT_FILE_TYPES.contains(sniffed.get())
                    || !sniffed.get().matchesName(fileName)) {
                problems.add(Problem.of("training.attachment.type-refused", fileName));
            } else {
                type = sniffed.get().mediaType();
            }
        }
        if (fileName.isEmpty() || fileName.length() > 255) {
            problems.add(Problem.of("training.attachment.name-invalid"));
        }
        if (!problems.isEmpty()) {
            throw new TrainingException(problems);
        }
        String mediaType = type;
        long id = jdbc.transaction(c -> {
            long courseId = courseOfLesson(c, lessonId);
            long attachmentId = Jdbc.insert(c, "INSERT INTO trn_lesson_attachment (lesson_id, name, media_type,"
                    + " size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?, ?)", lessonId, fileName, mediaType,
                    (long) content.length, content, clock.instant());
            touch(c, courseId);
            return attachmentId;
        });
        guard.done("training.attachment.create", id, fileName + " (" + content.length + " bytes)");
        return id;
    }

    @Override
    public Attachment attachment(long attachmentId) {
        guard.read(TrainingPermissions.COURSE_ENROL, TrainingPermissions.COURSE_MANAGE);
        boolean drafts = manager();
        return jdbc.transaction(c -> {
            Object[] row = Jdbc.one(c, "SELECT a.lesson_id, a.name, a.media_type, a.size_bytes, a.content,"
                    + " l.course_id FROM trn_lesson_attachment a JOIN trn_lesson l ON l.id = a.lesson_id"
                    + " WHERE a.id = ?", rs -> new Object[] {new AttachmentInfo(attachmentId, rs.getLong(1),
                            rs.getString(2), rs.getString(3), rs.getLong(4)), rs.getBytes(5), rs.getLong(6)},
                    attachmentId);
            if (row == null) {
                throw new TrainingException("training.attachment.not-found", attachmentId);
            }
            visibleCourse(c, (Long) row[2], drafts);
            return new Attachment((AttachmentInfo) row[0], (byte[]) row[1]);
        });
    }

    @Override
    public void deleteAttachment(long attachmentId) {
        guard.change("training.attachment.delete", attachmentId, TrainingPermissions.COURSE_MANAGE);
        int changed = jdbc.transaction(c -> Jdbc.update(c, "DELETE FROM trn_lesson_attachment WHERE id = ?",
                attachmentId));
        requireFound(changed, "training.attachment.not-found", attachmentId);
        guard.done("training.attachment.delete", attachmentId, "");
    }

    @Override
    public Enrolment enrolSelf(long courseId) {
        CurrentUser user = guard.change("training.enrol.self", courseId, TrainingPermissions.COURSE_ENROL);
        if (!user.isAuthenticated()) {
            throw new vn.congso.api.security.AccessDeniedException(TrainingPermissions.COURSE_ENROL);
        }
        Enrolment enrolment = jdbc.transaction(c -> {
            visibleCourse(c, courseId, false);
            Enrolment existing = enrolment(c, courseId, user.id());
            if (existing != null) {
                return existing;
            }
            Instant now = clock.instant();
            Jdbc.update(c, "INSERT INTO trn_enrolment (course_id, username, enrolled_by, enrolled_at, deadline, unit_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", courseId, user.id(), user.id(), now, Jdbc.Null.TIMESTAMP,
                    UnitAtTime.of(directory, user.id()));
            return new Enrolment(courseId, user.id(), user.id(), now, null);
        });
        guard.done("training.enrol.self", courseId, user.id());
        return enrolment;
    }

    private static Enrolment enrolment(Connection c, long courseId, String username) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM trn_enrolment WHERE course_id = ? AND username = ?",
                JdbcCourseService::enrolment, courseId, username);
    }

    private static Enrolment enrolment(java.sql.ResultSet rs) throws SQLException {
        return new Enrolment(rs.getLong("course_id"), rs.getString("username"), rs.getString("enrolled_by"),
                Jdbc.instant(rs, "enrolled_at"), Jdbc.instant(rs, "deadline"));
    }

    @Override
    public EnrolmentResult enrolUsers(long courseId, Collection<String> usernames, Instant deadline) {
        guard.change("training.enrol.users", courseId, TrainingPermissions.COURSE_MANAGE);
        Set<String> accounts = new LinkedHashSet<>();
        for (String username : usernames) {
            UserDirectory.Person person = directory.person(username).filter(UserDirectory.Person::enabled)
                    .orElseThrow(() -> new TrainingException("training.enrol.unknown-user", username));
            accounts.add(person.username());
        }
        EnrolmentResult result = enrol(courseId, accounts, deadline);
        guard.done("training.enrol.users", courseId, result.enrolled() + " enrolled: " + accounts);
        return result;
    }

    @Override
    public EnrolmentResult enrolUnits(long courseId, Collection<String> unitIds, Instant deadline) {
        guard.change("training.enrol.units", courseId, TrainingPermissions.COURSE_MANAGE);
        Set<String> known = new HashSet<>();
        directory.units().forEach(u -> known.add(u.id()));
        Set<String> accounts = new LinkedHashSet<>();
        for (String unitId : unitIds) {
            if (!known.contains(unitId)) {
                throw new TrainingException("training.enrol.unknown-unit", unitId);
            }
            directory.peopleOf(unitId).forEach(p -> accounts.add(p.username()));
        }
        EnrolmentResult result = enrol(courseId, accounts, deadline);
        guard.done("training.enrol.units", courseId, result.enrolled() + " enrolled from " + unitIds);
        return result;
    }

    private EnrolmentResult enrol(long courseId, Set<String> usernames, Instant deadline) {
        String by = guard.user().id();
        return jdbc.transaction(c -> {
            visibleCourse(c, courseId, true);
            Instant now = clock.instant();
            int added = 0;
            int existing = 0;
            for (String username : usernames) {
                if (Jdbc.update(c, "UPDATE trn_enrolment SET deadline = ? WHERE course_id = ? AND username = ?",
                        Jdbc.ts(deadline), courseId, username) > 0) {
                    existing++;
                } else {
                    Jdbc.update(c, "INSERT INTO trn_enrolment (course_id, username, enrolled_by, enrolled_at,"
                            + " deadline, unit_id) VALUES (?, ?, ?, ?, ?, ?)", courseId, username, by, now,
                            Jdbc.ts(deadline), UnitAtTime.of(directory, username));
                    added++;
                }
            }
            return new EnrolmentResult(added, existing);
        });
    }

    @Override
    public void unenrol(long courseId, String username) {
        guard.change("training.enrol.remove", courseId, TrainingPermissions.COURSE_MANAGE);
        int changed = jdbc.transaction(c -> Jdbc.update(c, "DELETE FROM trn_enrolment WHERE course_id = ? AND"
                + " username = ?", courseId, username));
        requireFound(changed, "training.enrol.not-enrolled", username);
        guard.done("training.enrol.remove", courseId, username);
    }

    @Override
    public List<Enrolment> enrolments(long courseId) {
        guard.read(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT * FROM trn_enrolment WHERE course_id = ? ORDER BY username",
                JdbcCourseService::enrolment, courseId));
    }

    @Override
    public List<Enrolment> myEnrolments() {
        CurrentUser user = guard.read(TrainingPermissions.COURSE_ENROL, TrainingPermissions.COURSE_MANAGE);
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT * FROM trn_enrolment WHERE username = ?"
                + " ORDER BY enrolled_at DESC", JdbcCourseService::enrolment, user.id()));
    }

    @Override
    public void markViewed(long lessonId) {
        CurrentUser user = guard.read(TrainingPermissions.COURSE_ENROL, TrainingPermissions.COURSE_MANAGE);
        jdbc.transaction(c -> {
            long courseId = courseOfLesson(c, lessonId);
            if (enrolment(c, courseId, user.id()) == null) {
                throw new TrainingException("training.enrol.not-enrolled", user.id());
            }
            if (Jdbc.one(c, "SELECT 1 FROM trn_lesson_view WHERE lesson_id = ? AND username = ?", rs -> 1, lessonId,
                    user.id()) == null) {
                try {
                    Jdbc.update(c, "INSERT INTO trn_lesson_view (lesson_id, username, first_viewed_at)"
                            + " VALUES (?, ?, ?)", lessonId, user.id(), clock.instant());
                } catch (SQLException e) {
                    // Two tabs opening the lesson at once: the other one recorded it (and issues).
                    if (!Jdbc.isDuplicateKey(e)) {
                        throw e;
                    }
                    return List.<String>of();
                }
                // the last lesson after a passed exam completes the course: its certificate is due now
                return Completion.issueDue(c, certificates, courseId, user.id(), clock.instant());
            }
            return List.<String>of();
        }).forEach(code -> guard.done("training.certificate.issue", code, user.id() + ", course lessons completed"));
    }

    @Override
    public Progress progress(long courseId) {
        CurrentUser user = guard.read(TrainingPermissions.COURSE_ENROL, TrainingPermissions.COURSE_MANAGE);
        return jdbc.transaction(c -> progress(c, courseId, user.id()));
    }

    @Override
    public Progress progressOf(long courseId, String username) {
        guard.read(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.REPORT_VIEW);
        return jdbc.transaction(c -> progress(c, courseId, username));
    }

    static Progress progress(Connection c, long courseId, String username) throws SQLException {
        visibleCourse(c, courseId, true);
        return Completion.progress(c, courseId, username);
    }

    private static void requireFound(int changed, String key, Object id) {
        if (changed == 0) {
            throw new TrainingException(key, id);
        }
    }
}
