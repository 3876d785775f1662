package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.catalogue.CatalogueExchange.Row;
import vn.congso.services.internal.catalogue.CatalogueExchange.Status;

/** Reading an import file (every bad row with its reason) and the all-or-nothing commit. */
class CatalogueExchangeTest {

    @TempDir
    Path dir;

    ServicesFixture f;

    static final String HEAD = "{\"format\":\"congso-services-catalogue\",\"version\":1,\"procedures\":[";

    static String procedure(String code, String name, String form) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"field\":\"ho-tich\",\"level\":\"commune\","
                + "\"interLevel\":false,\"legalBasis\":\"Luật Hộ tịch 2014\",\"components\":\"Tờ khai\",\"fees\":\"Miễn\","
                + "\"processingDays\":3,\"result\":\"Giấy xác nhận\",\"onlineLevel\":4,\"onlineClass\":\"full\","
                + "\"howTo\":\"Nộp trực tuyến\",\"order\":1,\"form\":" + form + "}";
    }

    static final String FORM = "[{\"key\":\"ho-ten\",\"label\":\"Họ tên\",\"type\":\"text\",\"required\":true,"
            + "\"maxLength\":100},{\"key\":\"so-ban\",\"label\":\"Số bản\",\"type\":\"number\",\"min\":\"1\",\"max\":\"10\"}]";

    static InputStream file(String... procedures) {
        return new ByteArrayInputStream((HEAD + String.join(",", procedures) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    List<Row> read(InputStream in) throws Exception {
        return CatalogueExchange.read(in, f.catalogue::get, f.catalogue::form);
    }

    @BeforeEach
    void setUp() throws Exception {
        f = new ServicesFixture(dir.resolve("db"));
        f.become("admin", ServicesPermissions.CATALOGUE);
    }

    @Test
    void unreadableFilesAreRefusedWhole() {
        assertEquals("services.import.error.json", assertThrows(CatalogueExchange.ImportException.class,
                () -> read(new ByteArrayInputStream("{\"format\": ".getBytes(StandardCharsets.UTF_8)))).getMessage());
        assertEquals("services.import.error.json", assertThrows(CatalogueExchange.ImportException.class,
                () -> read(new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, '}'}))).getMessage());
        assertEquals("services.import.error.format", assertThrows(CatalogueExchange.ImportException.class,
                () -> read(new ByteArrayInputStream("{\"procedures\":[]}".getBytes(StandardCharsets.UTF_8)))).getMessage());
        assertEquals("services.import.error.format", assertThrows(CatalogueExchange.ImportException.class,
                () -> read(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)))).getMessage());
    }

    @Test
    void anOversizeFileIsRefusedWithoutReadingItAll() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served[0] += len;
                return len;
            }
        };
        CatalogueExchange.ImportException e = assertThrows(CatalogueExchange.ImportException.class, () -> read(endless));
        assertEquals("services.import.error.too-large", e.getMessage());
        assertTrue(served[0] <= CatalogueExchange.MAX_IMPORT_BYTES + 1, "read " + served[0]);
    }

    @Test
    void everyBadRowHasItsReason() throws Exception {
        List<Row> rows = read(file(
                procedure("1.000001", "Đăng ký khai sinh", FORM),
                "{\"code\":\"1.000002\",\"field\":\"ho-tich\"}",
                procedure("1.000003", "Thủ tục ba", "[{\"key\":\"a\",\"label\":\"A\",\"type\":\"signature\"}]"),
                procedure("1.000001", "Trùng mã", "[]"),
                procedure("1.000004", "Thủ tục bốn", "[{\"key\":\"a\",\"label\":\"A\",\"type\":\"text\",\"pattern\":\"(a+)+\","
                        + "\"patternSample\":\"a\"}]"),
                procedure("1.000005", "Thủ tục năm", "[]").replace("\"onlineLevel\":4", "\"onlineLevel\":7"),
                procedure("1.000006", "Thủ tục sáu", "[]").replace("\"howTo\"", "\"script\""),
                "42"));
        assertEquals(Status.NEW, rows.get(0).status());
        assertEquals(2, rows.get(0).form().size());
        assertEquals(List.of("services.import.error.missing", "services.import.error.field-type",
                "services.import.error.duplicate", "services.import.error.field", "services.import.error.value",
                "services.import.error.attribute", "services.import.error.row"),
                rows.subList(1, rows.size()).stream().map(Row::reason).toList());
        assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.status() == Status.INVALID));
        assertEquals(List.of("level"), rows.get(1).reasonArgs());
        assertEquals(List.of(1, "signature"), rows.get(2).reasonArgs());
        assertEquals("services.designer.error.pattern-nested", rows.get(4).reasonArgs().get(2));
        assertEquals(Map.of(Status.NEW, 1L, Status.CHANGED, 0L, Status.UNCHANGED, 0L, Status.INVALID, 7L),
                CatalogueExchange.counts(rows));
    }

    @Test
    void anInvalidRowMeansNothingIsSaved() throws Exception {
        List<Row> rows = read(file(procedure("1.000001", "Đăng ký khai sinh", FORM),
                "{\"code\":\"1.000002\",\"field\":\"ho-tich\"}"));
        assertEquals("services.import.error.invalid-rows",
                assertThrows(IllegalArgumentException.class, () -> f.catalogue.importAll(rows)).getMessage());
        assertEquals(Optional.empty(), f.catalogue.get("1.000001"));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.procedure.import  DENIED")), f.audit.toString());
    }

    @Test
    void aFailureInTheMiddleLeavesNothing() throws Exception {
        List<Row> rows = new java.util.ArrayList<>(read(file(procedure("1.000001", "Đăng ký khai sinh", FORM))));
        // A row no file can produce (the field is longer than its column): the database refuses it after the first row.
        Procedure broken = new Procedure("1.000009", "Hỏng", "x".repeat(60), Procedure.Level.COMMUNE, false, "", "", "", 0, 1,
                "", 3, Procedure.OnlineClass.PARTIAL, "", 2);
        rows.add(new Row(2, broken.code(), Optional.of(broken), List.of(), Status.NEW, "", List.of()));
        assertThrows(RuntimeException.class, () -> f.catalogue.importAll(rows));
        assertEquals(Optional.empty(), f.catalogue.get("1.000001"));
        assertEquals(0, (int) Jdbc.transaction(f.database.dataSource(),
                c -> Jdbc.one(c, "SELECT COUNT(*) FROM svc_form_field", rs -> rs.getInt(1))));
    }

    @Test
    void exportThenImportChangesNothingAndAChangeIsSeen() throws Exception {
        List<Row> first = read(file(procedure("1.000001", "Đăng ký khai sinh", FORM), procedure("1.000002", "Đăng ký kết hôn", "[]")));
        assertEquals(Map.of(Status.NEW, 2L, Status.CHANGED, 0L, Status.UNCHANGED, 0L, Status.INVALID, 0L),
                f.catalogue.importAll(first));
        byte[] exported = CatalogueExchange.exportJson(f.catalogue.find(ProcedureCatalogue.Filter.ALL, 1000), f.catalogue::form);
        List<Row> again = read(new ByteArrayInputStream(exported));
        assertEquals(List.of(Status.UNCHANGED, Status.UNCHANGED), again.stream().map(Row::status).toList());
        List<Row> changed = read(new ByteArrayInputStream(new String(exported, StandardCharsets.UTF_8)
                .replace("\"Họ tên\"", "\"Họ và tên\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(Status.CHANGED, Status.UNCHANGED), changed.stream().map(Row::status).toList());
        f.catalogue.importAll(changed);
        assertEquals("Họ và tên", f.catalogue.form("1.000001").get(0).label());
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.procedure.import  SUCCESS")), f.audit.toString());
        String csv = new String(CatalogueExchange.exportCsv(f.catalogue.find(ProcedureCatalogue.Filter.ALL, 1000), k -> k),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("1.000002,Đăng ký kết hôn,services.field.ho-tich"), csv);
    }

    @Test
    void theFeeAmountIsAWholeNumberOfDongAndFilesWithoutItTakeItFromTheText() throws Exception {
        String copy = procedure("1.000001", "Cấp bản sao trích lục", "[]").replace("\"fees\":\"Miễn\"",
                "\"fees\":\"8.000 đồng/bản sao\"");
        java.util.function.BiFunction<String, String, String> withFee = (code, fee) -> copy.replace("1.000001", code)
                .replace("\"processingDays\"", "\"feeVnd\":" + fee + ",\"processingDays\"");
        List<Row> rows = read(file(copy, withFee.apply("1.000002", "12000"), withFee.apply("1.000003", "\"50.000\""),
                withFee.apply("1.000004", "1.5"), withFee.apply("1.000005", "-1"), withFee.apply("1.000006", "100000001")));
        assertEquals(8_000, rows.get(0).procedure().orElseThrow().feeVnd(), "no amount in the file: the text's");
        assertEquals(12_000, rows.get(1).procedure().orElseThrow().feeVnd());
        for (Row bad : rows.subList(2, rows.size())) {
            assertEquals(Status.INVALID, bad.status(), bad.code());
            assertEquals("services.import.error.fee", bad.reason(), bad.code());
        }
        f.catalogue.importAll(rows.subList(0, 2));
        assertEquals(12_000, f.catalogue.get("1.000002").orElseThrow().feeVnd());
        String exported = new String(CatalogueExchange.exportJson(f.catalogue.find(ProcedureCatalogue.Filter.ALL, 1000),
                f.catalogue::form), StandardCharsets.UTF_8);
        assertTrue(exported.contains("\"feeVnd\":12000"), exported);
        List<Row> changed = read(new ByteArrayInputStream(exported.replace("\"feeVnd\":12000", "\"feeVnd\":15000")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(Status.UNCHANGED, Status.CHANGED), changed.stream().map(Row::status).toList());
        String csv = new String(CatalogueExchange.exportCsv(f.catalogue.find(ProcedureCatalogue.Filter.ALL, 1000), k -> k),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("services.export.fee-vnd") && csv.contains(",12000"), csv);
    }

    @Test
    void needsThePermission() throws Exception {
        List<Row> rows = read(file(procedure("1.000001", "Đăng ký khai sinh", FORM)));
        f.become("citizen", ServicesPermissions.SUBMIT);
        assertThrows(AccessDeniedException.class, () -> f.catalogue.importAll(rows));
        assertEquals(Optional.empty(), f.catalogue.get("1.000001"));
    }
}
