package vn.congso.training.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.congso.training.internal.question.QuestionType;

/** The question bank shipped as demo data reads without errors and shows every question type. */
class DemoBankTest {

    private static ImportResult demoBank() throws IOException {
        try (InputStream in = DemoBankTest.class.getResourceAsStream("/demo/it-basics.gift")) {
            return new GiftParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDemoBankHoldsAtLeastFortyQuestionsOfEveryType() throws IOException {
        ImportResult result = demoBank();
        assertEquals(List.of(), result.errors());
        assertTrue(result.questions().size() >= 40, "questions: " + result.questions().size());
        Set<QuestionType> types = result.questions().stream().map(q -> q.question().type())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(QuestionType.class)));
        assertEquals(EnumSet.allOf(QuestionType.class), types);
    }

    @Test
    void theDemoBankCoversTheEightTopicsOfTheCourse() throws IOException {
        Set<String> categories = demoBank().questions().stream().map(ImportedQuestion::category)
                .collect(Collectors.toSet());
        assertEquals(Set.of("Máy tính cơ bản", "Hệ điều hành Windows", "Soạn thảo văn bản", "Bảng tính",
                "Internet và thư điện tử", "An toàn thông tin", "Dịch vụ công trực tuyến", "Chữ ký số"), categories);
    }

    @Test
    void theDemoBankSurvivesExportAndReimport() throws IOException {
        List<ImportedQuestion> questions = demoBank().questions();
        assertEquals(questions, new GiftParser().parse(new GiftExporter().export(questions)).questions());
    }
}
