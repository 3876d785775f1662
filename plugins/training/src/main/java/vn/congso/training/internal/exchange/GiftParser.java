package vn.congso.training.internal.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.question.Question;

/**
 * Reads Moodle GIFT files: questions separated by blank lines, {@code //} comment lines and
 * {@code $CATEGORY:} lines, every question type of the bank. Errors carry the 1-based line
 * where the question or the bad token starts; a file with any error yields no question.
 */
public final class GiftParser {

    private static final String CATEGORY = "$CATEGORY:";
    private static final String COMMENT = "//";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Parses a GIFT file.
     *
     * @param reader the file's characters; not closed
     * @return every question with its category, or every error found
     * @throws IOException when the reader fails
     */
    public ImportResult parse(Reader reader) throws IOException {
        return parse(new BufferedReader(reader).lines().collect(Collectors.joining("\n")));
    }

    /**
     * Parses GIFT text.
     *
     * @param source the whole file
     * @return every question with its category, or every error found
     */
    public ImportResult parse(String source) {
        String text = !source.isEmpty() && source.charAt(0) == BYTE_ORDER_MARK ? source.substring(1) : source;
        List<String> lines = text.lines().toList();
        List<ImportedQuestion> questions = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        String category = "";
        GiftBlock block = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            String trimmed = line.strip();
            if (trimmed.startsWith(COMMENT)) {
                continue; // a comment line neither ends nor joins a question
            }
            if (trimmed.isEmpty()) {
                if (block != null) {
                    read(block, category, questions, errors);
                    block = null;
                }
            } else if (block == null && trimmed.startsWith(CATEGORY)) {
                category = Categories.normalise(trimmed.substring(CATEGORY.length()));
            } else if (block == null) {
                block = new GiftBlock(line, i + 1);
            } else {
                block.addLine(line, i + 1);
            }
        }
        return errors.isEmpty() ? ImportResult.of(questions, ImportError.atLine(1, "training.import.empty"))
                : ImportResult.failed(errors);
    }

    private static void read(GiftBlock block, String category, List<ImportedQuestion> questions,
            List<ImportError> errors) {
        try {
            Question question = new GiftQuestionReader(block).read();
            List<Problem> problems = question.validate();
            if (problems.isEmpty()) {
                questions.add(new ImportedQuestion(category, question));
            }
            problems.forEach(problem -> errors.add(new ImportError(block.lineAt(0), "", problem)));
        } catch (GiftSyntaxError e) {
            errors.add(e.error());
        }
    }
}
