package vn.congso.training.internal.service;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.web.PublicLinks;
import vn.congso.training.internal.exam.MutableClock;
import vn.congso.training.internal.store.Jdbc;
import vn.congso.training.internal.store.QuestionStore;

/**
 * The real training services without a container: an embedded Derby migrated by the bundle's
 * own changelog, users whose permissions the test chooses (per thread), an audit log kept in
 * memory, a directory of a few people in two communes, and a clock the test moves.
 */
final class TrainingFixture {

    static final Set<String> TRAINER = Set.of(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.EXAM_MANAGE,
            TrainingPermissions.REPORT_VIEW, TrainingPermissions.CERTIFICATE_REVOKE, TrainingPermissions.COURSE_ENROL,
            TrainingPermissions.EXAM_TAKE);
    static final Set<String> LEARNER = Set.of(TrainingPermissions.COURSE_ENROL, TrainingPermissions.EXAM_TAKE);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));
    final RecordingAuditLog audit = new RecordingAuditLog();
    final Users users = new Users();
    final Directory directory = new Directory();
    final DataSource dataSource;
    final Database database;
    final QuestionStore store = new QuestionStore();
    final JdbcQuestionBank bank;
    final JdbcCourseService courses;
    final JdbcExamService exams;
    final JdbcCertificateService certificates;
    final JdbcReportService reports;
    final FakePdf pdf = new FakePdf();

    TrainingFixture(Path directoryPath) throws Exception {
        this(directoryPath, false);
    }

    /**
     * @param directoryPath a folder of the test's own
     * @param onDisk a Derby database on disk in that folder (benchmarks) rather than in memory (tests)
     */
    TrainingFixture(Path directoryPath, boolean onDisk) throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        // In memory: each test gets a fresh database in milliseconds rather than seconds on disk.
        derby.setDatabaseName(onDisk ? directoryPath.resolve("derby").toAbsolutePath().toString()
                : "memory:" + directoryPath.toAbsolutePath());
        derby.setCreateDatabase("create");
        migrate(derby);
        this.dataSource = derby;
        this.database = new Database() {
            @Override
            public DataSource dataSource() {
                return derby;
            }

            @Override
            public String productName() {
                return "Apache Derby";
            }
        };
        bank = new JdbcQuestionBank(database, users, audit, clock, store);
        courses = new JdbcCourseService(database, users, audit, directory, clock);
        exams = new JdbcExamService(database, users, audit, directory, clock, store);
        certificates = new JdbcCertificateService(database, users, audit, pdf, links(), new BundleTranslations(), config(),
                clock);
        reports = new JdbcReportService(database, users, audit, directory, new KeyTranslations(), store);
    }

    /**
     * Liquibase reports every change at INFO through java.util.logging; tests need none of it.
     * Held in a field: java.util.logging keeps loggers only weakly, and would forget the level.
     */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    static void migrate(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            liquibase.database.Database db = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), db).update("");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** Counts rows, for asserting that nothing was half-saved. */
    long count(String table) {
        return new Jdbc(dataSource).transaction(c -> Jdbc.one(c, "SELECT COUNT(*) FROM " + table,
                rs -> rs.getLong(1)));
    }

    /** Imports a GIFT text into a category as the current user (a trainer), all or nothing. */
    void importGift(String gift, String category) throws java.io.IOException {
        bank.commit(bank.preview(QuestionBankService.ImportFormat.GIFT,
                new java.io.ByteArrayInputStream(gift.getBytes(StandardCharsets.UTF_8)), category),
                QuestionBankService.ImportProgress.NONE);
    }

    /** Runs work as a user holding the given permissions, on this thread. */
    <T> T as(String username, Set<String> permissions, Callable<T> work) throws Exception {
        return users.call(new User(username, permissions), work);
    }

    /** Makes a user current on this thread until {@link Users#clear()}. */
    void become(String username, Set<String> permissions) {
        users.set(new User(username, permissions));
    }

    /** The public base URL the fixture's links use. */
    static final String PUBLIC_BASE = "https://congso.trande.example";

    /** The platform's public links with a configured base, as core/ui gives them. */
    static PublicLinks links() {
        return new PublicLinks() {
            @Override
            public String base() {
                return PUBLIC_BASE;
            }

            @Override
            public String absolute(String path) {
                return PUBLIC_BASE + path;
            }
        };
    }

    static TrainingConfig config() {
        return new TrainingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TrainingConfig.class;
            }

            @Override
            public String authority() {
                return "Ủy ban nhân dân huyện Trần Đề";
            }

            @Override
            public String place() {
                return "Trần Đề";
            }

            @Override
            public String signerTitle() {
                return "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH";
            }

            @Override
            public String signerName() {
                return "Trần Văn Ký";
            }

            @Override
            public boolean demoData() {
                return true;
            }

            @Override
            public int sweepSeconds() {
                return 1;
            }
        };
    }

    /** A user with a fixed set of permissions; {@code *} holds all. */
    record User(String id, Set<String> permissions) implements CurrentUser {
        @Override
        public String displayName() {
            return id;
        }

        @Override
        public Locale locale() {
            return TranslationService.VIETNAMESE;
        }

        @Override
        public boolean isAuthenticated() {
            return !id.equals(CurrentUserService.ANONYMOUS_ID);
        }

        @Override
        public boolean isPermitted(String permission) {
            return permissions.contains("*") || permissions.contains(permission);
        }
    }

    /** The current user per thread, and {@link RunAs} over it. */
    static final class Users implements CurrentUserService, RunAs {
        private static final User ANONYMOUS = new User(ANONYMOUS_ID, Set.of());
        private final ThreadLocal<User> current = new ThreadLocal<>();

        @Override
        public CurrentUser current() {
            User user = current.get();
            return user == null ? ANONYMOUS : user;
        }

        void set(User user) {
            current.set(user);
        }

        void clear() {
            current.remove();
        }

        @Override
        public Optional<CurrentUser> authenticate(String username, char[] password, String address) {
            return Optional.empty();
        }

        @Override
        public CurrentUser system(String name) {
            if (!name.contains(":")) {
                throw new IllegalArgumentException(name);
            }
            return new User(name, Set.of("*"));
        }

        @Override
        public <T> T call(CurrentUser user, Callable<T> work) throws Exception {
            User before = current.get();
            current.set((User) user);
            try {
                return work.call();
            } finally {
                current.set(before);
            }
        }
    }

    /** The district office and two communes, with a few people. */
    static final class Directory implements UserDirectory {
        final List<Person> people = new ArrayList<>(List.of(
                new Person("an.nguyen", "Nguyễn Văn An", "", "xa-tai-van", true, Set.of("learner")),
                new Person("binh.tran", "Trần Thị Bình", "", "xa-tai-van", true, Set.of("learner")),
                new Person("chi.le", "Lê Minh Chi", "", "xa-lieu-tu", true, Set.of("learner")),
                new Person("dung.pham", "Phạm Văn Dũng", "", "xa-lieu-tu", false, Set.of("learner")),
                new Person("trainer", "Huỳnh Thu Trang", "", "huyen-tran-de", true, Set.of("trainer"))));

        @Override
        public List<Unit> units() {
            return List.of(new Unit("huyen-tran-de", "UBND huyện Trần Đề", "district"),
                    new Unit("xa-tai-van", "Xã Tài Văn", "commune"), new Unit("xa-lieu-tu", "Xã Liêu Tú", "commune"));
        }

        @Override
        public Optional<Person> person(String username) {
            return people.stream().filter(p -> p.username().equalsIgnoreCase(username)).findFirst();
        }

        @Override
        public List<Person> people() {
            return List.copyOf(people);
        }

        @Override
        public List<Person> peopleOf(String unitId) {
            return people.stream().filter(p -> p.enabled() && p.unitId().equals(unitId)).toList();
        }
    }

    /**
     * The bundle's own translation files ({@code OSGI-INF/l10n/training*.properties}, UTF-8), formatted
     * as the platform's translation service formats them, with Vietnamese as the fallback.
     */
    static final class BundleTranslations implements TranslationService {
        private final Map<String, java.util.Properties> byLanguage = new java.util.HashMap<>();

        BundleTranslations() {
            for (String language : List.of("", "_en")) {
                java.util.Properties texts = new java.util.Properties();
                for (String name : vn.congso.training.internal.TranslationsTest.FILES) {
                    String file = "/OSGI-INF/l10n/" + name + language + ".properties";
                    try (java.io.Reader in = new java.io.InputStreamReader(
                            TrainingFixture.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
                        texts.load(in);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(file, e);
                    }
                }
                byLanguage.put(language.isEmpty() ? "vi" : "en", texts);
            }
        }

        @Override
        public String translate(String key, Locale locale, Object... params) {
            String text = byLanguage.get("en".equals(locale.getLanguage()) ? "en" : "vi").getProperty(key,
                    byLanguage.get("vi").getProperty(key));
            if (text == null) {
                return "!" + key + "!";
            }
            return params.length == 0 ? text : new java.text.MessageFormat(text, locale).format(params);
        }

        @Override
        public List<Locale> supportedLocales() {
            return List.of(VIETNAMESE, ENGLISH);
        }
    }

    /** Translations that answer with the key. */
    static final class KeyTranslations implements TranslationService {
        @Override
        public String translate(String key, Locale locale, Object... params) {
            return key;
        }

        @Override
        public List<Locale> supportedLocales() {
            return List.of(VIETNAMESE, ENGLISH);
        }
    }

    /** Keeps what it is asked to render, and answers with a recognisable text. */
    static final class FakePdf implements PdfRenderer {
        volatile String template;
        volatile Map<String, ?> data;

        @Override
        public byte[] render(String templatePath, Map<String, ?> values) {
            this.template = templatePath;
            this.data = values;
            return ("%PDF " + values).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Markup qrCode(String text, int sizePx) {
            return new Markup("<img alt=\"" + text + "\" />");
        }
    }

    /** An audit log that keeps what it is told, in order. */
    final class RecordingAuditLog implements AuditLog {
        final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(String action, String target, Outcome outcome, String detail) {
            record(users.current().id(), "", action, target, outcome, detail);
        }

        @Override
        public void record(String actor, String address, String action, String target, Outcome outcome,
                String detail) {
            entries.add(new Entry(entries.size() + 1, Instant.now(), actor, action, target, outcome, detail, address));
        }

        @Override
        public List<Entry> find(Query query) {
            return List.copyOf(entries);
        }

        long count(String action, Outcome outcome) {
            synchronized (entries) {
                return entries.stream().filter(e -> e.action().equals(action) && e.outcome() == outcome).count();
            }
        }
    }
}
