package vn.congso.publishing.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleDraft;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Fixture;
import vn.congso.publishing.internal.article.Transition;

class ArticleIndexTest {

    private Fixture f;
    private ArticleService service;
    private ArticleIndex index;

    @BeforeEach
    void setUp(@TempDir Path folder) throws Exception {
        f = new Fixture(folder);
        service = f.service;
        index = ArticleIndex.inMemory(service);
        service.addListener(index);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private Article publish(String title, String body, String category) {
        Article a = service.create(new ArticleDraft(title, "", body, category, List.of(), "vi", List.of(), false, false,
                null, null, null));
        service.transition(a.id(), Transition.SUBMIT);
        service.transition(a.id(), Transition.APPROVE);
        return service.transition(a.id(), Transition.PUBLISH);
    }

    private List<String> titles(String query) {
        return index.search(query, null, null, null, 0, 10).hits().stream().map(SearchHit::title).toList();
    }

    @Test
    void wordsWithoutMarksFindTheVietnameseAndExactMarksRankFirst() {
        publish("Đặt lịch hẹn làm thủ tục trực tuyến", "Người dân đặt lịch qua cổng dịch vụ công.", "tin-tuc");
        publish("Luật Đất đai 2024", "Những điểm mới của pháp luật về đất đai.", "pho-bien-giao-duc-phap-luat");
        publish("Lịch họp", "Không liên quan.", "tin-tuc");

        assertEquals(List.of("Luật Đất đai 2024", "Đặt lịch hẹn làm thủ tục trực tuyến"), titles("đất"));
        assertEquals(List.of("Đặt lịch hẹn làm thủ tục trực tuyến", "Luật Đất đai 2024"), titles("đặt"));
        assertEquals(2, titles("dat").size());
        assertEquals(List.of("Luật Đất đai 2024"), titles("phap luat"));
        assertEquals(List.of("Luật Đất đai 2024"), titles("pháp luật"));
        assertEquals(List.of(), titles("thuế"));
        assertEquals(List.of(), titles("   "));
    }

    @Test
    void dFindsĐAndĐFindsD() {
        publish("Đăng ký đất đai", "Hướng dẫn đăng ký.", "tin-tuc");
        assertEquals(List.of("Đăng ký đất đai"), titles("dang ky dat dai"));
        assertEquals(List.of("Đăng ký đất đai"), titles("DAT"));
        assertEquals(List.of("Đăng ký đất đai"), titles("đăng"));
    }

    @Test
    void snippetsHighlightTheMatchAndEscapeTheRest() {
        publish("Cảnh giác", "Không bấm vào đường link lạ <script>alert(1)</script> khi nhận tin nhắn giả mạo ngân hàng.", "tin-tuc");
        SearchHit hit = index.search("gia mao", null, null, null, 0, 10).hits().get(0);
        assertTrue(hit.snippetHtml().contains("<mark>giả</mark> <mark>mạo</mark>"), hit.snippetHtml());
        assertFalse(hit.snippetHtml().contains("<script"), hit.snippetHtml());
    }

    @Test
    void filtersByCategoryAndDateAndFollowsWithdrawalAndRebuild() throws Exception {
        Article a = publish("Thanh toán không dùng tiền mặt", "Thanh toán học phí qua ngân hàng.", "tuyen-truyen");
        publish("Thanh toán tiền điện", "Thanh toán trực tuyến.", "tin-tuc");
        assertEquals(List.of("Thanh toán không dùng tiền mặt"), index.search("thanh toan", "tuyen-truyen", null, null, 0, 10)
                .hits().stream().map(SearchHit::title).toList());
        LocalDate today = LocalDate.of(2026, 12, 5);
        assertEquals(2, index.search("thanh toan", null, today, today, 0, 10).total());
        assertEquals(0, index.search("thanh toan", null, today.plusDays(1), null, 0, 10).total());

        service.transition(a.id(), Transition.ARCHIVE);
        assertEquals(List.of("Thanh toán tiền điện"), titles("thanh toan"));

        ArticleIndex fresh = ArticleIndex.inMemory(service);
        try {
            assertEquals(0, fresh.size());
            assertEquals(1, fresh.rebuild());
            assertEquals(1, fresh.search("thanh toan", null, null, null, 0, 10).total());
        } finally {
            fresh.close();
        }
    }
}
