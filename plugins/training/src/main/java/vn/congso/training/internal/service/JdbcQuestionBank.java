package vn.congso.training.internal.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.upload.BoundedInputStream;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exchange.GiftExporter;
import vn.congso.training.internal.exchange.GiftParser;
import vn.congso.training.internal.exchange.ImportError;
import vn.congso.training.internal.exchange.ImportResult;
import vn.congso.training.internal.exchange.ImportedQuestion;
import vn.congso.training.internal.exchange.MoodleXmlParser;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.store.Jdbc;
import vn.congso.training.internal.store.QuestionStore;

/** The question bank over the platform database. */
@Component(service = QuestionBankService.class)
public final class JdbcQuestionBank implements QuestionBankService {

    private static final int MAX_PATH = 500;

    private final Jdbc jdbc;
    private final Guard guard;
    private final Clock clock;
    private final QuestionStore store;

    /**
     * Creates the service.
     *
     * @param database the platform database, migrated
     * @param users who is asking
     * @param audit the audit log
     */
    @Activate
    public JdbcQuestionBank(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit) {
        this(database, users, audit, Clock.systemUTC(), new QuestionStore());
    }

    JdbcQuestionBank(Database database, CurrentUserService users, AuditLog audit, Clock clock, QuestionStore store) {
        this.jdbc = new Jdbc(database.dataSource());
        this.guard = new Guard(users, audit);
        this.clock = clock;
        this.store = store;
    }

    @Override
    public List<Category> categories() {
        guard.read(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.EXAM_MANAGE);
        return jdbc.transaction(c -> Jdbc.list(c, "SELECT c.id, c.path, (SELECT COUNT(*) FROM trn_question q"
                + " WHERE q.category_id = c.id AND q.retired = ?) AS n FROM trn_question_category c ORDER BY c.path",
                rs -> new Category(rs.getLong("id"), rs.getString("path"), rs.getInt("n")), false));
    }

    @Override
    public Category createCategory(String path) {
        String normalised = normalisePath(path);
        guard.change("training.category.create", normalised, TrainingPermissions.COURSE_MANAGE);
        Category category = jdbc.transaction(c -> {
            long id = ensureCategory(c, normalised, clock.instant(), new int[1]);
            return new Category(id, normalised, countIn(c, id));
        });
        guard.done("training.category.create", normalised, "");
        return category;
    }

    @Override
    public void deleteCategory(String path) {
        String normalised = normalisePath(path);
        guard.change("training.category.delete", normalised, TrainingPermissions.COURSE_MANAGE);
        jdbc.transaction(c -> {
            Long id = categoryId(c, normalised);
            if (id == null) {
                throw new TrainingException("training.category.not-found", normalised);
            }
            long questions = Jdbc.one(c, "SELECT COUNT(*) FROM trn_question WHERE category_id = ?",
                    rs -> rs.getLong(1), id);
            long children = Jdbc.one(c, "SELECT COUNT(*) FROM trn_question_category WHERE path LIKE ? ESCAPE '\\'",
                    rs -> rs.getLong(1), likePrefix(normalised));
            if (questions > 0 || children > 0) {
                throw new TrainingException("training.category.not-empty", normalised);
            }
            return Jdbc.update(c, "DELETE FROM trn_question_category WHERE id = ?", id);
        });
        guard.done("training.category.delete", normalised, "");
    }

    @Override
    public List<BankQuestion> questions(String path) {
        guard.read(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.EXAM_MANAGE);
        String normalised = normalisePath(path);
        return jdbc.transaction(c -> {
            List<long[]> rows = Jdbc.list(c, "SELECT q.id, q.current_version FROM trn_question q"
                    + " JOIN trn_question_category c ON c.id = q.category_id WHERE c.path = ? AND q.retired = ?"
                    + " ORDER BY q.id", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, normalised, false);
            List<BankQuestion> questions = new ArrayList<>();
            for (long[] row : rows) {
                questions.add(load(c, row[0]));
            }
            return questions;
        });
    }

    @Override
    public BankQuestion question(long questionId) {
        guard.read(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.EXAM_MANAGE);
        return jdbc.transaction(c -> load(c, questionId));
    }

    private BankQuestion load(Connection c, long questionId) throws SQLException {
        Object[] row = Jdbc.one(c, "SELECT q.current_version, q.updated_at, c.path FROM trn_question q"
                + " JOIN trn_question_category c ON c.id = q.category_id WHERE q.id = ?",
                rs -> new Object[] {rs.getInt(1), Jdbc.instant(rs, "updated_at"), rs.getString(3)}, questionId);
        if (row == null) {
            throw new TrainingException("training.question.not-found", questionId);
        }
        Question question = store.read(c, questionId, (Integer) row[0]);
        return new BankQuestion(questionId, (String) row[2], question, (Instant) row[1]);
    }

    @Override
    public long createQuestion(String categoryPath, Question question) {
        String path = normalisePath(categoryPath);
        guard.change("training.question.create", path, TrainingPermissions.COURSE_MANAGE);
        requireValid(question);
        long id = jdbc.transaction(c -> insertQuestion(c, ensureCategory(c, path, clock.instant(), new int[1]),
                question, clock.instant()));
        guard.done("training.question.create", id, path);
        return id;
    }

    @Override
    public void updateQuestion(long questionId, String categoryPath, Question question) {
        String path = normalisePath(categoryPath);
        guard.change("training.question.update", questionId, TrainingPermissions.COURSE_MANAGE);
        requireValid(question);
        jdbc.transaction(c -> {
            Integer version = Jdbc.one(c, "SELECT current_version FROM trn_question WHERE id = ?",
                    rs -> rs.getInt(1), questionId);
            if (version == null) {
                throw new TrainingException("training.question.not-found", questionId);
            }
            Instant now = clock.instant();
            long categoryId = ensureCategory(c, path, now, new int[1]);
            // A new version, so attempts that drew the old one keep showing and grading it.
            store.writeVersion(c, questionId, version + 1, question, now);
            return Jdbc.update(c, "UPDATE trn_question SET current_version = ?, category_id = ?, updated_at = ?"
                    + " WHERE id = ?", version + 1, categoryId, now, questionId);
        });
        guard.done("training.question.update", questionId, path);
    }

    @Override
    public void deleteQuestion(long questionId) {
        guard.change("training.question.delete", questionId, TrainingPermissions.COURSE_MANAGE);
        int changed = jdbc.transaction(c -> Jdbc.update(c, "UPDATE trn_question SET retired = ?, updated_at = ?"
                + " WHERE id = ?", true, clock.instant(), questionId));
        if (changed == 0) {
            throw new TrainingException("training.question.not-found", questionId);
        }
        guard.done("training.question.delete", questionId, "");
    }

    @Override
    public ImportPreview preview(ImportFormat format, InputStream in, String targetCategory) throws IOException {
        guard.read(TrainingPermissions.COURSE_MANAGE);
        String target = normalisePath(targetCategory);
        ImportResult result;
        try {
            // The limit holds for every caller (screen, console), and a file over it is never read to the end.
            InputStream bounded = new BoundedInputStream(in, MAX_IMPORT_BYTES);
            result = switch (format) {
                case GIFT -> {
                    byte[] content = bounded.readAllBytes();
                    ContentCheck.utf8Text().check("", new ByteArrayInputStream(content));
                    yield new GiftParser().parse(new InputStreamReader(new ByteArrayInputStream(content),
                            StandardCharsets.UTF_8));
                }
                case MOODLE_XML -> new MoodleXmlParser().parse(bounded);
            };
        } catch (UploadRefusedException refused) {
            result = ImportResult.failed(List.of(new ImportError(refused.line(), "",
                    Problem.of(refused.key(), refused.args().toArray()))));
        }
        return new ImportPreview(format, target, result.questions(), result.errors());
    }

    @Override
    public ImportSummary commit(ImportPreview preview, ImportProgress progress) {
        String target = normalisePath(preview.targetCategory());
        guard.change("training.question.import", target, TrainingPermissions.COURSE_MANAGE);
        if (!preview.succeeded()) {
            guard.refused("training.question.import", target, preview.errors().size() + " errors");
            throw new TrainingException("training.import.has-errors", preview.errors().size());
        }
        // Validated again: a preview is a plain value and may have been built by hand.
        for (ImportedQuestion q : preview.questions()) {
            requireValid(q.question());
            normalisePath(ImportPaths.join(target, q.category()));
        }
        int total = preview.questions().size();
        ImportSummary summary = jdbc.transaction(c -> {
            Instant now = clock.instant();
            int[] created = new int[1];
            Map<String, Long> categories = new TreeMap<>();
            int done = 0;
            for (ImportedQuestion q : preview.questions()) {
                String path = ImportPaths.join(target, q.category());
                Long categoryId = categories.get(path);
                if (categoryId == null) {
                    categoryId = ensureCategory(c, path, now, created);
                    categories.put(path, categoryId);
                }
                insertQuestion(c, categoryId, q.question(), now);
                progress.progress(++done, total);
            }
            return new ImportSummary(total, created[0]);
        });
        guard.done("training.question.import", target, preview.format() + ": " + summary.questions() + " questions, "
                + summary.categoriesCreated() + " new categories");
        return summary;
    }

    @Override
    public String exportGift(String path, boolean includeSubcategories) {
        guard.read(TrainingPermissions.COURSE_MANAGE, TrainingPermissions.EXAM_MANAGE);
        String normalised = normalisePath(path);
        List<ImportedQuestion> questions = jdbc.transaction(c -> {
            List<Object[]> rows = Jdbc.list(c, "SELECT q.id, q.current_version, c.path FROM trn_question q"
                    + " JOIN trn_question_category c ON c.id = q.category_id WHERE q.retired = ? AND (c.path = ?"
                    + (includeSubcategories ? " OR c.path LIKE ? ESCAPE '\\'" : "") + ") ORDER BY c.path, q.id",
                    rs -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)},
                    includeSubcategories ? new Object[] {false, normalised, likePrefix(normalised)}
                            : new Object[] {false, normalised});
            List<ImportedQuestion> list = new ArrayList<>();
            for (Object[] row : rows) {
                list.add(new ImportedQuestion((String) row[2], store.read(c, (Long) row[0], (Integer) row[1])));
            }
            return list;
        });
        return new GiftExporter().export(questions);
    }

    // ---- helpers shared with the demo data loader and exams -------------------------------

    static long insertQuestion(Connection c, long categoryId, Question question, Instant now, QuestionStore store)
            throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO trn_question (category_id, current_version, retired, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?)", categoryId, 1, false, now, now);
        store.writeVersion(c, id, 1, question, now);
        return id;
    }

    private long insertQuestion(Connection c, long categoryId, Question question, Instant now) throws SQLException {
        return insertQuestion(c, categoryId, question, now, store);
    }

    /** Finds or creates a category and its parents; counts the ones created. */
    static long ensureCategory(Connection c, String path, Instant now, int[] created) throws SQLException {
        long id = -1;
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String segment : segments) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(segment);
            String current = prefix.toString();
            Long existing = categoryId(c, current);
            if (existing == null) {
                existing = Jdbc.insert(c, "INSERT INTO trn_question_category (path, created_at) VALUES (?, ?)",
                        current, now);
                created[0]++;
            }
            id = existing;
        }
        return id;
    }

    static Long categoryId(Connection c, String path) throws SQLException {
        return Jdbc.one(c, "SELECT id FROM trn_question_category WHERE path = ?", rs -> rs.getLong(1), path);
    }

    private static int countIn(Connection c, long categoryId) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM trn_question WHERE category_id = ? AND retired = ?",
                rs -> rs.getInt(1), categoryId, false);
    }

    /** A LIKE pattern for the subcategories of a path, with LIKE's wildcards escaped. */
    private static String likePrefix(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }

    /**
     * Normalises a category path: segments trimmed, empty ones dropped.
     *
     * @param path the path as typed
     * @return the normalised path
     * @throws TrainingException {@code training.category.path-invalid} for an empty or overlong path
     */
    static String normalisePath(String path) {
        if (path == null) {
            throw new TrainingException("training.category.path-invalid", "");
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isBlank()) {
                segments.add(s.strip());
            }
        }
        String normalised = String.join("/", segments);
        if (normalised.isEmpty() || normalised.length() > MAX_PATH) {
            throw new TrainingException("training.category.path-invalid", path);
        }
        return normalised;
    }

    private static void requireValid(Question question) {
        List<Problem> problems = question.validate();
        if (!problems.isEmpty()) {
            throw new TrainingException(problems);
        }
    }
}
