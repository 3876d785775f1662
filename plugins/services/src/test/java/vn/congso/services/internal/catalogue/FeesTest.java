package vn.congso.services.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;

/** The fee as a number: typed in the page's numbers, read once from the published texts, set by the administrator. */
class FeesTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;

    @Test
    void anAmountIsReadInThePagesNumbersAndWholeDongOnly() {
        assertEquals(50_000, Fees.parse("50.000", VI), "fifty thousand in Vietnamese, not fifty");
        assertEquals(50_000, Fees.parse("50,000", Locale.ENGLISH));
        assertEquals(50_000, Fees.parse(" 50 000 ", VI));
        assertEquals(1_250_000, Fees.parse("1.250.000", VI));
        assertEquals(0, Fees.parse("0", VI));
        for (String bad : List.of("", "50,5", "50.00", "-5", "5.0000", "abc", "50.000đ", "1e5")) {
            assertEquals(-1, Fees.parse(bad, VI), bad);
        }
        assertEquals(-1, Fees.parse("50.000", Locale.ENGLISH), "a decimal point in English");
        assertEquals("1.250.000", Fees.format(1_250_000, VI));
        assertEquals("1,250,000", Fees.format(1_250_000, Locale.ENGLISH));
        assertEquals("0", Fees.format(0, VI));
        for (long amount : new long[] {0, 999, 1_000, 50_000, Fees.MAX}) {
            assertEquals(amount, Fees.parse(Fees.format(amount, VI), VI));
            assertEquals(amount, Fees.parse(Fees.format(amount, Locale.ENGLISH), Locale.ENGLISH));
        }
        assertEquals(8_000, Fees.amountIn("8.000 đồng/bản sao"));
        assertEquals(2_000, Fees.amountIn("2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang"));
        assertEquals(0, Fees.amountIn("Miễn lệ phí"));
        assertEquals(0, Fees.amountIn("Theo quy định của Hội đồng nhân dân tỉnh"));
        assertEquals(0, Fees.amountIn("200.000.000 đồng"), "over the limit: not a fee to collect");
    }

    @Test
    void proceduresSavedBeforeTheAmountGetItFromTheirTextOnceAndTheAdministratorSetsIt() throws Exception {
        ServicesFixture f = new ServicesFixture(dir.resolve("db"));
        f.become("quantri", ServicesPermissions.CATALOGUE);
        Procedure copy = new Procedure("9.000101", "Cấp bản sao", "ho-tich", Procedure.Level.COMMUNE, false, "", "",
                "8.000 đồng/bản sao", 0, 1, "", 4, Procedure.OnlineClass.FULL, "", 1);
        Procedure free = new Procedure("9.000102", "Đăng ký khai sinh", "ho-tich", Procedure.Level.COMMUNE, false, "", "",
                "Miễn lệ phí", 0, 1, "", 4, Procedure.OnlineClass.FULL, "", 2);
        f.catalogue.saveAll(List.of(copy, free));
        // As a database from before changeset svc-procedure-fee: amounts 0, the texts not read yet.
        Jdbc.transaction(f.database.dataSource(), c -> Jdbc.update(c, "DELETE FROM svc_setting WHERE name = ?",
                JdbcProcedureCatalogue.FEES_READ));
        assertEquals(1, JdbcProcedureCatalogue.readPublishedFees(f.database.dataSource()));
        assertEquals(8_000, f.catalogue.get("9.000101").orElseThrow().feeVnd());
        assertEquals(0, f.catalogue.get("9.000102").orElseThrow().feeVnd());
        assertEquals("8.000 đồng/bản sao", f.catalogue.get("9.000101").orElseThrow().fees(), "the text stays as published");

        assertEquals(12_000, f.catalogue.setFee("9.000101", 12_000).feeVnd());
        assertEquals(0, JdbcProcedureCatalogue.readPublishedFees(f.database.dataSource()), "once per database");
        assertEquals(12_000, f.catalogue.get("9.000101").orElseThrow().feeVnd(), "the administrator's amount stays");
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.procedure.fee 9.000101 SUCCESS")));

        assertThrows(IllegalArgumentException.class, () -> f.catalogue.setFee("9.000101", Fees.MAX + 1));
        assertThrows(IllegalArgumentException.class, () -> f.catalogue.setFee("9.000101", -1));
        assertThrows(IllegalArgumentException.class, () -> f.catalogue.setFee("9.999999", 1_000));
        f.become("motcua", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        assertThrows(AccessDeniedException.class, () -> f.catalogue.setFee("9.000101", 0));
        assertEquals(12_000, f.catalogue.get("9.000101").orElseThrow().feeVnd(), "no change by a refusal");
    }
}
