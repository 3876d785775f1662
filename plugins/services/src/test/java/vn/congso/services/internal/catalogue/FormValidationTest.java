package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormValidationTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    static final List<FormField> FORM = List.of(
            FormField.text("ho-ten", "Họ tên", true, 20),
            FormField.of("ngay-sinh", "Ngày sinh", FieldType.DATE, true),
            new FormField("von", "Vốn", FieldType.NUMBER, false, 20, Optional.of(BigDecimal.ONE),
                    Optional.of(new BigDecimal("1000000")), List.of(), ""),
            FormField.of("dien-thoai", "Điện thoại", FieldType.PHONE, false),
            FormField.of("email", "E-mail", FieldType.EMAIL, false),
            FormField.of("dinh-danh", "Số định danh", FieldType.ID_NUMBER, false),
            new FormField("gioi-tinh", "Giới tính", FieldType.CHOICE, false, 10, Optional.empty(), Optional.empty(),
                    List.of("Nam", "Nữ"), ""));

    @Test
    void validValuesAreStoredLanguageFree() {
        var result = FormValidation.check(FORM, Map.of("ho-ten", " Nguyễn Văn An ", "ngay-sinh", "05/01/2026",
                "von", "1.250,5", "dien-thoai", "0912 345 678", "email", "an@example.vn", "dinh-danh", "094201001234",
                "gioi-tinh", "Nam"), VI);
        assertTrue(result.ok(), result.errors().toString());
        assertEquals("Nguyễn Văn An", result.values().get("ho-ten"));
        assertEquals("2026-01-05", result.values().get("ngay-sinh"));
        assertEquals("1250.5", result.values().get("von"));
        assertEquals("0912345678", result.values().get("dien-thoai"));
    }

    @Test
    void englishPagesReadEnglishNumbersAndIsoDates() {
        var result = FormValidation.check(FORM, Map.of("ho-ten", "An", "ngay-sinh", "2026-01-05", "von", "1,250.5"),
                Locale.ENGLISH);
        assertTrue(result.ok(), result.errors().toString());
        assertEquals("1250.5", result.values().get("von"));
        assertEquals("2026-01-05", result.values().get("ngay-sinh"));
    }

    @Test
    void eachProblemIsOnItsField() {
        var result = FormValidation.check(FORM, Map.of("ho-ten", "x".repeat(21), "ngay-sinh", "31/02/2026",
                "von", "2.000.000", "dien-thoai", "12345", "email", "not-an-address", "dinh-danh", "12345",
                "gioi-tinh", "Khác"), VI);
        assertEquals("services.form.too-long", result.errors().get("ho-ten").key());
        assertEquals("services.form.not-date", result.errors().get("ngay-sinh").key());
        assertEquals("services.form.too-large", result.errors().get("von").key());
        assertEquals("1.000.000", result.errors().get("von").args().get(0));
        assertEquals("services.form.not-phone", result.errors().get("dien-thoai").key());
        assertEquals("services.form.not-email", result.errors().get("email").key());
        assertEquals("services.form.not-id-number", result.errors().get("dinh-danh").key());
        assertEquals("services.form.not-choice", result.errors().get("gioi-tinh").key());
        assertTrue(result.values().isEmpty());
    }

    @Test
    void requiredFieldsAndUnreadableNumbers() {
        var result = FormValidation.check(FORM, Map.of("von", "abc", "ngay-sinh", "  "), VI);
        assertEquals("services.form.required", result.errors().get("ho-ten").key());
        assertEquals("services.form.required", result.errors().get("ngay-sinh").key());
        assertEquals("services.form.not-number", result.errors().get("von").key());
        // An English number on a Vietnamese page is not silently misread: 1,5 is one and a half there.
        var vi = FormValidation.check(FORM, Map.of("ho-ten", "An", "ngay-sinh", "05/01/2026", "von", "1,5"), VI);
        assertEquals("1.5", vi.values().get("von"));
    }
}
