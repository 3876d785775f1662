package vn.congso.training.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exchange.ImportError;
import vn.congso.training.internal.exchange.ImportedQuestion;
import vn.congso.training.internal.question.Question;

/**
 * The question bank: a tree of categories named by path ({@code "Tin học cơ bản/Word"}, segments
 * separated by {@code /}) and the questions in them, with Moodle GIFT and XML import and GIFT
 * export.
 *
 * <p>Everything here needs {@link TrainingPermissions#COURSE_MANAGE} or, for reading,
 * {@link TrainingPermissions#EXAM_MANAGE}; changes are audited. Questions are validated with the
 * domain's {@link Question#validate()} and refused with its problems.
 */
public interface QuestionBankService {

    /** The exchange formats an import reads. */
    enum ImportFormat {
        /** Moodle GIFT, UTF-8 text; errors name the line. */
        GIFT,
        /** Moodle XML; errors name the element. */
        MOODLE_XML
    }

    /**
     * A category of the bank.
     *
     * @param id the category id
     * @param path the full path, for example {@code "Tin học cơ bản/Word"}
     * @param questionCount questions directly in it (not in subcategories)
     */
    record Category(long id, String path, int questionCount) {

        /** @return the last segment of the path */
        public String name() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }

        /** @return how deep the category sits, 0 for a top-level one */
        public int depth() {
            return (int) path.chars().filter(c -> c == '/').count();
        }
    }

    /**
     * A question stored in the bank.
     *
     * @param id the question id
     * @param category its category's path
     * @param question the content
     * @param updatedAt when it was last changed
     */
    record BankQuestion(long id, String category, Question question, Instant updatedAt) {
    }

    /**
     * What an import would create, or why it cannot. Hand it to {@link #commit} unchanged.
     *
     * @param format the format read
     * @param targetCategory the category chosen for the import; categories named in the file go below it
     * @param questions what would be created, in file order; empty when there are errors
     * @param errors why the file cannot be imported, in file order; empty when it can
     */
    record ImportPreview(ImportFormat format, String targetCategory, List<ImportedQuestion> questions,
            List<ImportError> errors) {
        /** Copies the lists. */
        public ImportPreview {
            questions = List.copyOf(questions);
            errors = List.copyOf(errors);
        }

        /** @return whether the file may be committed */
        public boolean succeeded() {
            return errors.isEmpty() && !questions.isEmpty();
        }

        /**
         * How many questions would go to each full category path.
         *
         * @return counts by category path, in first-seen order
         */
        public Map<String, Integer> countsByCategory() {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (ImportedQuestion q : questions) {
                counts.merge(ImportPaths.join(targetCategory, q.category()), 1, Integer::sum);
            }
            return counts;
        }
    }

    /**
     * What a committed import created.
     *
     * @param questions questions created
     * @param categoriesCreated categories that did not exist before
     */
    record ImportSummary(int questions, int categoriesCreated) {
    }

    /** Told how far a commit has got, from the committing thread; a view forwards it to its progress bar. */
    @FunctionalInterface
    interface ImportProgress {
        /** Ignores progress. */
        ImportProgress NONE = (done, total) -> { };

        /**
         * Reports progress.
         *
         * @param done questions stored so far
         * @param total questions to store
         */
        void progress(int done, int total);
    }

    /**
     * Every category, sorted by path so that parents come before children.
     *
     * @return the categories
     */
    List<Category> categories();

    /**
     * Creates a category and any missing parents; an existing one is returned as is.
     *
     * @param path the full path
     * @return the category
     * @throws TrainingException {@code training.category.path-invalid}
     */
    Category createCategory(String path);

    /**
     * Deletes an empty category that has no subcategories.
     *
     * @param path the full path
     * @throws TrainingException {@code training.category.not-empty}, {@code training.category.not-found}
     */
    void deleteCategory(String path);

    /**
     * The questions of one category (not its subcategories), oldest first.
     *
     * @param path the category's path
     * @return the questions
     */
    List<BankQuestion> questions(String path);

    /**
     * One question, also one that was deleted from the bank (attempts still show it).
     *
     * @param questionId the question
     * @return the question
     * @throws TrainingException {@code training.question.not-found}
     */
    BankQuestion question(long questionId);

    /**
     * Adds a question to a category, creating the category when missing.
     *
     * @param categoryPath where
     * @param question the content
     * @return the new question's id
     * @throws TrainingException the question's validation problems
     */
    long createQuestion(String categoryPath, Question question);

    /**
     * Changes a question. Attempts already graded keep their scores.
     *
     * @param questionId the question
     * @param categoryPath its (possibly new) category
     * @param question the new content
     * @throws TrainingException the question's validation problems, or {@code training.question.not-found}
     */
    void updateQuestion(long questionId, String categoryPath, Question question);

    /**
     * Takes a question out of the bank: it is no longer listed or drawn, but attempts that showed
     * it keep it for their review.
     *
     * @param questionId the question
     */
    void deleteQuestion(long questionId);

    /**
     * Reads a file and says what importing it would create, without storing anything.
     *
     * @param format the file's format
     * @param in the file; read to the end or to one byte past {@link #MAX_IMPORT_BYTES}, not closed;
     *     a file over the limit, a GIFT file that is not UTF-8 text, or a Moodle XML file that is not
     *     well-formed with a {@code quiz} root gives a preview with that one error (and its line)
     * @param targetCategory the category the questions go into (the file's own categories below it)
     * @return the preview
     * @throws IOException when the stream cannot be read
     * @throws TrainingException {@code training.category.path-invalid}
     */
    ImportPreview preview(ImportFormat format, InputStream in, String targetCategory) throws IOException;

    /** Largest GIFT or Moodle XML file read, in bytes (10 MB); a larger one is refused after that many bytes. */
    long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    /**
     * Stores every question of a clean preview in one transaction: all or nothing.
     *
     * @param preview from {@link #preview}
     * @param progress told after each question
     * @return what was created
     * @throws TrainingException {@code training.import.has-errors} for a preview with errors or
     *     without questions; the validation problems of a question that fails
     */
    ImportSummary commit(ImportPreview preview, ImportProgress progress);

    /**
     * Exports a category's questions to GIFT, with {@code $CATEGORY:} lines.
     *
     * @param path the category
     * @param includeSubcategories whether questions of its subcategories are included
     * @return the GIFT text
     */
    String exportGift(String path, boolean includeSubcategories);
}
