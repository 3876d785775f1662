package vn.congso.training.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.exchange.GiftParser;
import vn.congso.training.internal.exchange.ImportResult;
import vn.congso.training.internal.question.QuestionType;

class ImportSummaryTest {

    private static final String GIFT = """
            $CATEGORY: Windows
            Hệ điều hành nào do Microsoft phát triển? {=Windows ~Linux ~macOS}

            Windows là phần mềm hệ thống. {T}

            $CATEGORY: Excel
            Hàm tính tổng trong Excel là? {=SUM}

            2 + 2 = ? {#4}
            """;

    @Test
    void countsPerTargetCategoryAndTypeWithATotalRow() {
        ImportResult result = new GiftParser().parse(GIFT);
        assertEquals(List.of(), result.errors());
        List<ImportSummary.Row> rows = ImportSummary.of(result, "Tin học cơ bản");
        assertEquals(3, rows.size());
        assertEquals("Tin học cơ bản/Excel", rows.get(0).category());
        assertEquals(1, rows.get(0).byType().get(QuestionType.SHORT_ANSWER));
        assertEquals(1, rows.get(0).byType().get(QuestionType.NUMERICAL));
        assertEquals(0, rows.get(0).byType().get(QuestionType.MATCHING));
        assertEquals("Tin học cơ bản/Windows", rows.get(1).category());
        assertEquals(1, rows.get(1).byType().get(QuestionType.SINGLE_CHOICE));
        assertEquals(1, rows.get(1).byType().get(QuestionType.TRUE_FALSE));
        assertEquals("", rows.get(2).category());
        assertEquals(4, rows.get(2).total());
    }

    @Test
    void joinsPathsWithoutStraySlashes() {
        assertEquals("A/B", ImportSummary.join("A", "B"));
        assertEquals("A", ImportSummary.join("A", ""));
        assertEquals("B", ImportSummary.join("", "B"));
    }
}
