package vn.congso.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsTonesAndTheBarredD() {
        assertEquals("dang ky ket hon", VietnameseText.fold("Đăng ký kết hôn"));
        assertEquals("dang ky ket hon", VietnameseText.fold("ĐĂNG KÝ KẾT HÔN"));
        assertEquals("phap luat", VietnameseText.fold("pháp luật"));
        // A text typed in decomposed form (NFD, as some keyboards send it) folds the same.
        assertEquals("nguyen", VietnameseText.fold(Normalizer.normalize("Nguyễn", Normalizer.Form.NFD)));
        assertEquals("", VietnameseText.fold(null));
    }

    @Test
    void matchesEveryWordWhateverTheMarks() {
        assertTrue(VietnameseText.matches("Đăng ký kết hôn", "dang ky ket hon"));
        assertTrue(VietnameseText.matches("Đăng ký kết hôn", "  kết   HÔN "));
        assertTrue(VietnameseText.matches("Đăng ký kết hôn", "d"));
        assertFalse(VietnameseText.matches("Đăng ký khai sinh", "ket hon"));
        assertTrue(VietnameseText.matches("anything", " "));
    }

    @Test
    void slugsAreReadableAsciiAndCutAtAWord() {
        assertEquals("huong-dan-dang-ky-khai-sinh-truc-tuyen",
                VietnameseText.slug("Hướng dẫn đăng ký khai sinh trực tuyến!", 80));
        assertEquals("huong-dan", VietnameseText.slug("Hướng dẫn đăng ký", 12));
        assertEquals("ubnd-xa-dai-an-2", VietnameseText.slug("  UBND xã Đại Ân 2 ", 80));
        assertEquals("", VietnameseText.slug("!!! ---", 80));
        assertEquals("abcdef", VietnameseText.slug("abcdefghij", 6));
    }
}
