package vn.congso.publishing.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FoldingTest {

    @ParameterizedTest
    @CsvSource({
        "Pháp luật, phap luat",
        "ĐĂNG KÝ đất đai, dang ky dat dai",
        "Thủ tục hành chính, thu tuc hanh chinh",
        "Người dân, nguoi dan",
        "Ưu đãi, uu dai",
        "Quyết định số 15/2024/QĐ-UBND, quyet dinh so 15/2024/qd-ubnd",
        "Nghị định, nghi dinh",
        "Trần Đề, tran de",
    })
    void foldsVietnameseToPlainLetters(String text, String folded) {
        assertEquals(folded, Folding.fold(text));
    }

    @ParameterizedTest
    @CsvSource({
        "Phổ biến pháp luật về thanh toán không dùng tiền mặt, pho-bien-phap-luat-ve-thanh-toan-khong-dung-tien-mat",
        "  Đăng ký khai sinh — trực tuyến!  , dang-ky-khai-sinh-truc-tuyen",
        "Quyết định 15/2024/QĐ-UBND, quyet-dinh-15-2024-qd-ubnd",
        "<script>alert(1)</script>, script-alert-1-script",
        "!!!, bai-viet",
    })
    void slugsAreFoldedAsciiWithSingleHyphens(String title, String slug) {
        assertEquals(slug, Folding.slug(title));
        assertTrue(Folding.isSlug(slug));
    }

    @Test
    void longSlugsAreCutAtAWord() {
        String slug = Folding.slug("Hướng dẫn ".repeat(30));
        assertTrue(slug.length() <= Folding.MAX_SLUG, slug);
        assertFalse(slug.endsWith("-"));
        assertTrue(slug.endsWith("dan"), slug);
    }

    @Test
    void onlyWellFormedSlugsAreAcceptedFromUrls() {
        assertFalse(Folding.isSlug("../etc/passwd"));
        assertFalse(Folding.isSlug("Pháp-luật"));
        assertFalse(Folding.isSlug("a--b"));
        assertFalse(Folding.isSlug(""));
        assertFalse(Folding.isSlug(null));
    }
}
