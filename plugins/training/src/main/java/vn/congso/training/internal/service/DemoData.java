package vn.congso.training.internal.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccountProvisioning;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.store.Jdbc;

/**
 * Loads the demo course "Kỹ năng công nghệ thông tin cơ bản" on first start: its five lessons,
 * the 54-question GIFT bank, a course exam, asks the platform for six demo learners in five units
 * (created only when the platform's {@code demoAccounts} setting allows, one-time passwords in
 * {@code data/demo-accounts.txt}), and enrols every enabled account holding the {@code learner}
 * role. Runs once per database, never again, even when the demo is later deleted; turned off
 * with {@code demoData=false} in {@code etc/vn.congso.training.cfg}.
 */
@Component(configurationPid = TrainingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class DemoData {

    /** The course title. */
    static final String COURSE_TITLE = "Kỹ năng công nghệ thông tin cơ bản";
    static final String EXAM_TITLE = "Bài thi cuối khóa " + COURSE_TITLE.toLowerCase(java.util.Locale.ROOT);
    /** The bank category the demo questions go into. */
    static final String CATEGORY = "Kỹ năng CNTT cơ bản";
    /** Questions drawn from each of the demo bank's categories. */
    static final int PER_CATEGORY = 3;
    /** The marker row in {@code trn_setting}. */
    static final String MARKER = "demo.loaded";

    /** The demo learners: civil servants of several communes and of the district office. */
    static final List<AccountProvisioning.DemoAccount> LEARNERS = List.of(
            learner("tranthilan.taivan", "Trần Thị Lan", "xa-tai-van"),
            learner("lyvanhung.taivan", "Lý Văn Hùng", "xa-tai-van"),
            learner("nguyenthimai.lichhoithuong", "Nguyễn Thị Mai", "xa-lich-hoi-thuong"),
            learner("thachsophal.dai-an-2", "Thạch Sô Phal", "xa-dai-an-2"),
            learner("lethithu.lieutu", "Lê Thị Thu", "xa-lieu-tu"),
            learner("phamvanminh.huyen", "Phạm Văn Minh", "district"));

    private static final String ACTOR = "system:training-demo";
    private static final String LEARNER_ROLE = TrainingRoles.LEARNER;

    private final Logger log = LoggerFactory.getLogger(DemoData.class);

    /**
     * Loads the demo data when enabled and not loaded before.
     *
     * @param database the platform database
     * @param courses the course service
     * @param bank the question bank
     * @param exams the exam service
     * @param directory people, for enrolment
     * @param runAs to act as {@code system:training-demo}
     * @param provisioning creates the demo learners
     * @param roles the declared roles, so the learner role exists first
     * @param config whether to load
     */
    @Activate
    public DemoData(@Reference Database database, @Reference CourseService courses,
            @Reference QuestionBankService bank, @Reference ExamService exams, @Reference UserDirectory directory,
            @Reference RunAs runAs, @Reference AccountProvisioning provisioning, @Reference TrainingRoles roles,
            TrainingConfig config) {
        if (!config.demoData()) {
            return;
        }
        CurrentUser actor = runAs.system(ACTOR);
        try {
            runAs.call(actor, () -> load(database, courses, bank, exams, directory, Clock.systemUTC(),
                    () -> provisioning.createDemoAccounts(LEARNERS)));
        } catch (Exception e) {
            log.error("Training demo data could not be loaded; it will not be tried again", e);
        }
    }

    /**
     * Loads the demo once.
     *
     * @return whether it was loaded now (false when it had been before)
     */
    static boolean load(Database database, CourseService courses, QuestionBankService bank, ExamService exams,
            UserDirectory directory, Clock clock) throws IOException {
        return load(database, courses, bank, exams, directory, clock, () -> { });
    }

    /**
     * Loads the demo once, creating the demo learners first.
     *
     * @param createLearners asks the platform for the demo learners
     * @return whether it was loaded now (false when it had been before)
     */
    static boolean load(Database database, CourseService courses, QuestionBankService bank, ExamService exams,
            UserDirectory directory, Clock clock, Runnable createLearners) throws IOException {
        if (!claim(database, clock.instant())) {
            return false;
        }
        long courseId = courses.create(new CourseService.CourseDraft(COURSE_TITLE,
                "Khóa bồi dưỡng kỹ năng sử dụng máy tính, soạn thảo văn bản, bảng tính, thư điện tử, an toàn thông tin,"
                        + " dịch vụ công trực tuyến và chữ ký số dành cho cán bộ, công chức huyện Trần Đề.",
                "it-basics", 180));
        for (String file : lines("demo/lessons/lessons.txt")) {
            String markdown = String.join("\n", lines("demo/lessons/" + file));
            courses.addLesson(courseId, lesson(markdown));
        }
        QuestionBankService.ImportPreview preview;
        try (InputStream in = resource("demo/it-basics.gift")) {
            preview = bank.preview(QuestionBankService.ImportFormat.GIFT, in, CATEGORY);
        }
        bank.commit(preview, QuestionBankService.ImportProgress.NONE);
        List<DrawRule> rules = new ArrayList<>();
        for (Map.Entry<String, Integer> category : preview.countsByCategory().entrySet()) {
            rules.add(new DrawRule(category.getKey(), Math.min(PER_CATEGORY, category.getValue())));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ExamSettings settings = new ExamSettings(Duration.ofMinutes(30), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), 3, 70, GradingMethod.HIGHEST, Duration.ofSeconds(30));
        // A title without a type prefix: screens add their own ("Kết quả: …"), never twice.
        exams.create(new ExamService.ExamDraft(EXAM_TITLE,
                "Bài kiểm tra gồm " + rules.size() * PER_CATEGORY + " câu hỏi, làm trong 30 phút. Đạt từ 70\u00A0% trở lên"
                        + " được cấp giấy chứng nhận. Mỗi câu trả lời được lưu ngay khi chọn.",
                courseId, settings, rules, ExamService.ReviewOptions.FULL, 24));
        courses.setPublished(courseId, true);
        createLearners.run();
        List<String> learners = directory.people().stream()
                .filter(p -> p.enabled() && p.roles().contains(LEARNER_ROLE)).map(UserDirectory.Person::username)
                .toList();
        if (!learners.isEmpty()) {
            courses.enrolUsers(courseId, learners, now.plus(Duration.ofDays(90)));
        }
        done(database, clock.instant());
        return true;
    }

    private static AccountProvisioning.DemoAccount learner(String username, String fullName, String unitId) {
        return new AccountProvisioning.DemoAccount(username, fullName, unitId, java.util.Set.of(TrainingRoles.LEARNER));
    }

    /** Inserts the marker; its primary key lets exactly one node or start win. */
    private static boolean claim(Database database, Instant now) {
        Jdbc jdbc = new Jdbc(database.dataSource());
        return jdbc.transaction(c -> {
            if (Jdbc.one(c, "SELECT 1 FROM trn_setting WHERE name = ?", rs -> 1, MARKER) != null) {
                return false;
            }
            try {
                Jdbc.update(c, "INSERT INTO trn_setting (name, setting_value, updated_at) VALUES (?, ?, ?)", MARKER,
                        "loading", now);
                return true;
            } catch (java.sql.SQLException e) {
                if (Jdbc.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static void done(Database database, Instant now) {
        new Jdbc(database.dataSource()).transaction(c -> Jdbc.update(c, "UPDATE trn_setting SET setting_value = ?,"
                + " updated_at = ? WHERE name = ?", "done", now, MARKER));
    }

    /** The lesson title is the Markdown's first heading; the body is the rest. */
    static CourseService.LessonDraft lesson(String markdown) {
        String[] lines = markdown.strip().split("\n", 2);
        String title = lines[0].replaceFirst("^#+\\s*", "").strip();
        return new CourseService.LessonDraft(title, lines.length > 1 ? lines[1].strip() : "", "");
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing demo resource " + path);
        }
        return in;
    }

    private static List<String> lines(String path) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return path.endsWith(".txt") ? lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
                    : lines;
        }
    }
}
