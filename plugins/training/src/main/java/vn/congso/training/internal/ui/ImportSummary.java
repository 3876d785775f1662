package vn.congso.training.internal.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.congso.training.internal.exchange.ImportResult;
import vn.congso.training.internal.exchange.ImportedQuestion;
import vn.congso.training.internal.question.QuestionType;

/**
 * What an import will create, as the trainer checks it before committing: one row per target
 * category with its count per question type.
 */
final class ImportSummary {

    /**
     * One category of the preview.
     *
     * @param category the full category path the questions will land in
     * @param byType how many questions of each type, every type present (zero when none)
     * @param total how many questions in all
     */
    record Row(String category, Map<QuestionType, Integer> byType, int total) {
    }

    private ImportSummary() {
    }

    /**
     * Summarises a successful read.
     *
     * @param result the parsed file
     * @param target the category chosen for the import; the file's own categories go below it
     * @return rows sorted by category path, then a last row for the whole file
     */
    static List<Row> of(ImportResult result, String target) {
        Map<String, Map<QuestionType, Integer>> counts = new TreeMap<>();
        for (ImportedQuestion imported : result.questions()) {
            String path = join(target, imported.category());
            counts.computeIfAbsent(path, p -> zeros()).merge(imported.question().type(), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>();
        Map<QuestionType, Integer> all = zeros();
        counts.forEach((path, byType) -> {
            rows.add(new Row(path, Map.copyOf(byType), sum(byType)));
            byType.forEach((type, n) -> all.merge(type, n, Integer::sum));
        });
        rows.add(new Row("", Map.copyOf(all), sum(all)));
        return rows;
    }

    /**
     * The category path a question lands in.
     *
     * @param target the category chosen for the import, may be empty
     * @param relative the file's category below it, may be empty
     * @return both joined with {@code /}
     */
    static String join(String target, String relative) {
        String base = target == null ? "" : target.strip();
        String below = relative == null ? "" : relative.strip();
        if (base.isEmpty()) {
            return below;
        }
        return below.isEmpty() ? base : base + "/" + below;
    }

    private static Map<QuestionType, Integer> zeros() {
        Map<QuestionType, Integer> map = new EnumMap<>(QuestionType.class);
        for (QuestionType type : QuestionType.values()) {
            map.put(type, 0);
        }
        return map;
    }

    private static int sum(Map<QuestionType, Integer> byType) {
        return byType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
