package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.congso.api.web.PagePreview;

class PreviewTagsTest {

    private static final PagePreview PREVIEW = new PagePreview("Luật Đất đai <2024>",
            "Những điểm mới \"quan trọng\" cho người dân.", "https://trande.example/portal/article/luat-dat-dai",
            "https://trande.example/portal/cover/7/1200.jpg", "Đoạn một <script>alert(1)</script>.\n\nĐoạn hai.");

    @Test
    void theFirstHtmlCarriesOpenGraphTwitterAndTheTextEscaped() {
        Document page = Jsoup.parse("<!doctype html><html><head><title>CongSo</title></head><body></body></html>");

        PreviewTags.write(page, PREVIEW, Locale.forLanguageTag("vi"));

        String html = page.outerHtml();
        assertEquals("Luật Đất đai <2024>", page.title());
        assertEquals("Luật Đất đai <2024>", page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(PREVIEW.url(), page.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals(PREVIEW.imageUrl(), page.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals(PREVIEW.description(), page.selectFirst("meta[name=description]").attr("content"));
        assertEquals("vi_VN", page.selectFirst("meta[property=og:locale]").attr("content"));
        assertEquals(PREVIEW.url(), page.selectFirst("link[rel=canonical]").attr("href"));
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertEquals(1, page.select("noscript").size());
        assertTrue(page.selectFirst("noscript").html().contains("Đoạn hai."));
    }

    @Test
    void onlyPlausibleRoutesAreAskedAbout() {
        assertEquals("portal/article/luat-dat-dai", PreviewTags.route("/portal/article/luat-dat-dai"));
        assertNull(PreviewTags.route("/"));
        assertNull(PreviewTags.route(null));
        assertNull(PreviewTags.route("/portal/../admin"));
        assertNull(PreviewTags.route("/" + "a".repeat(400)));
    }

    @Test
    void previewsOnlyTakeAbsoluteWebAddresses() {
        assertThrows(IllegalArgumentException.class, () -> new PagePreview("t", "", "javascript:alert(1)", "", ""));
        assertThrows(IllegalArgumentException.class, () -> new PagePreview("t", "", "/portal", "", ""));
        assertThrows(IllegalArgumentException.class,
                () -> new PagePreview("t", "", "https://a.example/", "https://a.example/\" onload=\"x", ""));
        assertEquals("", new PagePreview("t", null, "https://a.example/", null, null).imageUrl());
    }
}
