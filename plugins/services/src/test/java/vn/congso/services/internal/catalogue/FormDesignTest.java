package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import elemental.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The designer's checks: each problem on its field and attribute; patterns bounded and tested on save. */
class FormDesignTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    static FormDesign.Draft draft(String key, String label, FieldType type) {
        FormDesign.Draft d = new FormDesign.Draft();
        d.key = key;
        d.label = label;
        d.type = type;
        return d;
    }

    @Test
    void aValidFormBecomesFields() {
        FormDesign.Draft name = draft("ho-ten-me", "Họ tên mẹ", FieldType.TEXT);
        name.labelEn = "Mother's name";
        name.required = true;
        name.pattern = "@letters";
        FormDesign.Draft capital = draft("von", "Vốn (đồng)", FieldType.NUMBER);
        capital.min = "1.000.000";
        capital.max = "10.000.000.000";
        FormDesign.Draft sex = draft("gioi-tinh", "Giới tính", FieldType.CHOICE);
        sex.choices = "Nam\n\nNữ\n";
        FormDesign.Result r = FormDesign.build(List.of(name, capital, sex), VI);
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(List.of("ho-ten-me", "von", "gioi-tinh"), r.fields().stream().map(FormField::key).toList());
        assertEquals(Optional.of(new BigDecimal("1000000")), r.fields().get(1).min());
        assertEquals(Optional.of(new BigDecimal("10000000000")), r.fields().get(1).max());
        assertEquals(List.of("Nam", "Nữ"), r.fields().get(2).choices());
        assertEquals("Mother's name", r.fields().get(0).label(Locale.ENGLISH));
        assertEquals("Họ tên mẹ", r.fields().get(0).label(VI));
        assertEquals("Vốn (đồng)", r.fields().get(1).label(Locale.ENGLISH), "no English label: the Vietnamese one");
    }

    @Test
    void numbersAreReadInThePagesLanguage() {
        FormDesign.Draft capital = draft("von", "Vốn", FieldType.NUMBER);
        capital.min = "1,5";
        assertEquals(Optional.of(new BigDecimal("1.5")), FormDesign.build(List.of(capital), VI).fields().get(0).min());
        capital.min = "2.5";
        assertEquals(Optional.of(new BigDecimal("2.5")),
                FormDesign.build(List.of(capital), Locale.ENGLISH).fields().get(0).min());
        capital.min = "mười";
        assertEquals(Map.of(0, Map.of("min", "services.designer.error.number")),
                FormDesign.build(List.of(capital), VI).errors());
        capital.min = "10";
        capital.max = "5";
        assertEquals(Map.of(0, Map.of("max", "services.designer.error.min-max")),
                FormDesign.build(List.of(capital), VI).errors());
    }

    @Test
    void eachProblemOnItsFieldAndAttribute() {
        FormDesign.Draft a = draft("Họ Tên", "", FieldType.TEXT);
        a.maxLength = 0;
        FormDesign.Draft b = draft("ok", "Được", FieldType.TEXT);
        FormDesign.Draft c = draft("ok", "Trùng", FieldType.CHOICE);
        c.choices = "A|B";
        FormDesign.Result r = FormDesign.build(List.of(a, b, c), VI);
        assertFalse(r.ok());
        assertEquals(Map.of("key", "services.designer.error.key", "label", "services.designer.error.label",
                "max-length", "services.designer.error.max-length"), r.errors().get(0));
        assertFalse(r.errors().containsKey(1));
        assertEquals(Map.of("key", "services.designer.error.key-twice", "choices", "services.designer.error.choice"),
                r.errors().get(2));
        assertEquals(List.of("ok"), r.fields().stream().map(FormField::key).toList(), "the valid ones, for the preview");
        FormDesign.Draft empty = draft("chon", "Chọn", FieldType.CHOICE);
        assertEquals(Map.of("choices", "services.designer.error.choices"),
                FormDesign.build(List.of(empty), VI).errors().get(0));
    }

    @ParameterizedTest(name = "{0} with sample {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "[0-9]{2}/[0-9]{4}; 12/2026; ok",
        "[A-Z]{2}-[0-9]+; HN-123; ok",
        "@digits; ; ok",
        "@digits; 12a; services.designer.error.pattern-sample",
        "@nothing; ; services.designer.error.pattern-unknown",
        "[0-9]{2; 12; services.designer.error.pattern-syntax",
        "(a+)+$; aaa; services.designer.error.pattern-nested",
        "(\\d*x)*; 1x; services.designer.error.pattern-nested",
        "(a)\\1; aa; services.designer.error.pattern-construct",
        "(?=a)a; a; services.designer.error.pattern-construct",
        "(?i)abc; ABC; services.designer.error.pattern-construct",
        "a*a*a*a*a*a*a*a*b; aab; services.designer.error.pattern-slow",
        "[0-9]+; ; services.designer.error.pattern-sample",
        "[0-9]+; abc; services.designer.error.pattern-sample",
        "a{1,3}[b-z]{0,100}x{0,100}y{0,100}z{0,100}w{0,100}v{0,100}u{0,100}t{0,100}s{0,100}r{0,100}q{0,100}p{0,100}o{0,100}n{0,100}m{0,100}; a; services.designer.error.pattern-long"})
    void patterns(String pattern, String sample, String expected) {
        Optional<String> problem = FieldPatterns.check(pattern, sample == null ? "" : sample);
        assertEquals("ok".equals(expected) ? Optional.empty() : Optional.of(expected), problem);
    }

    @Test
    void aPatternIsCheckedOnTheCitizensValue() {
        FormDesign.Draft plate = draft("bien-so", "Biển số", FieldType.TEXT);
        plate.pattern = "[0-9]{2}[A-Z][0-9]?-[0-9]{3}\\.[0-9]{2}";
        plate.patternSample = "83C1-123.45";
        FormDesign.Draft tax = draft("mst", "Mã số thuế", FieldType.TEXT);
        tax.pattern = "@tax-code";
        List<FormField> fields = FormDesign.build(List.of(plate, tax), VI).fields();
        assertEquals(2, fields.size());
        FormValidation.Result bad = FormValidation.check(fields, Map.of("bien-so", "83C1 12345", "mst", "12345"), VI);
        assertEquals("services.form.not-pattern", bad.errors().get("bien-so").key());
        assertEquals("services.form.pattern.tax-code", bad.errors().get("mst").key());
        FormValidation.Result good = FormValidation.check(fields, Map.of("bien-so", "83C1-123.45", "mst", "1801234567"), VI);
        assertTrue(good.ok(), good.errors().toString());
    }

    @Test
    void jsonRoundTrip() throws Exception {
        FormDesign.Draft a = draft("von", "Vốn", FieldType.NUMBER);
        a.min = "0,5";
        a.max = "1.000.000";
        a.labelEn = "Capital";
        FormDesign.Draft b = draft("gioi-tinh", "Giới tính", FieldType.CHOICE);
        b.choices = "Nam\nNữ";
        b.required = true;
        FormDesign.Draft c = draft("ma", "Mã", FieldType.TEXT);
        c.pattern = "[A-Z]{3}";
        c.patternSample = "ABC";
        c.helpEn = "Three capitals";
        List<FormField> fields = FormDesign.build(List.of(a, b, c), VI).fields();
        String json = FormJson.write(fields).toJson();
        assertEquals(fields, FormJson.read(Json.instance().parse(json)));
        assertTrue(json.contains("\"min\":\"0.5\""), json);
    }
}
