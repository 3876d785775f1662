package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FoldTest {

    @Test
    void tonesAndDStrokeFold() {
        assertEquals("dang ky ket hon", Fold.fold("Đăng ký kết hôn"));
        assertEquals("dang ky khai sinh", Fold.fold("  ĐĂNG   KÝ khai\u00a0sinh "));
        assertEquals("chung thuc ban sao", Fold.fold("Chứng thực bản sao"));
        assertEquals("ho kinh doanh", Fold.fold("hộ kinh doanh"));
        // Decomposed input (as some keyboards send it) folds alike
        assertEquals(Fold.fold("Đăng ký kết hôn"), Fold.fold(java.text.Normalizer.normalize("Đăng ký kết hôn",
                java.text.Normalizer.Form.NFD)));
    }

    @Test
    void everyWordMustOccur() {
        String folded = Fold.fold("Đăng ký kết hôn");
        assertTrue(Fold.matches(folded, "dang ky ket hon"));
        assertTrue(Fold.matches(folded, "kết  hôn"));
        assertTrue(Fold.matches(folded, ""));
        assertFalse(Fold.matches(folded, "dang ky khai sinh"));
    }
}
