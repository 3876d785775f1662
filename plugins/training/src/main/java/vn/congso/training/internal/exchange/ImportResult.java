package vn.congso.training.internal.exchange;

import java.util.List;

/**
 * What reading a question file produced: either every question in it, or the errors and no
 * question at all, so that an import can never be half done.
 *
 * @param questions the questions in file order; empty when there are errors
 * @param errors the errors in file order; empty when the file was read
 */
public record ImportResult(List<ImportedQuestion> questions, List<ImportError> errors) {

    /** Copies the lists and keeps the all-or-nothing rule. */
    public ImportResult {
        questions = List.copyOf(questions);
        errors = List.copyOf(errors);
        if (!errors.isEmpty() && !questions.isEmpty()) {
            throw new IllegalArgumentException("a failed import carries no questions");
        }
    }

    /**
     * The result of a file with errors.
     *
     * @param errors at least one error
     * @return the result, without questions
     */
    public static ImportResult failed(List<ImportError> errors) {
        return new ImportResult(List.of(), errors);
    }

    /**
     * The result of a file read without errors; a file without questions is an error.
     *
     * @param questions the questions read
     * @param whenEmpty the error to report when there are none
     * @return the result
     */
    static ImportResult of(List<ImportedQuestion> questions, ImportError whenEmpty) {
        return questions.isEmpty() ? failed(List.of(whenEmpty)) : new ImportResult(questions, List.of());
    }

    /** @return whether the file was read and its questions may be saved */
    public boolean succeeded() {
        return errors.isEmpty();
    }
}
