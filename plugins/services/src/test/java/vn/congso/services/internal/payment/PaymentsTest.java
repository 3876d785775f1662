package vn.congso.services.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.services.internal.DemoLoader;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService.Submission;
import vn.congso.services.internal.dossier.WorkflowException;
import vn.congso.services.internal.indicators.CashlessShareIndicator;
import vn.congso.services.payment.PaymentProvider;

/**
 * Fees: the published amount read from the catalogue; cash at the counter with the amount in the
 * page's numbers ("50.000" in Vietnamese is fifty thousand); online through the transfer-reference
 * provider by the owner only; once per dossier; the e-receipt's data; the cashless share.
 */
class PaymentsTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    static Path dir;
    static ServicesFixture f;
    static Payments payments;

    @BeforeAll
    static void load() throws Exception {
        f = new ServicesFixture(dir.resolve("db"));
        f.become("system:test", "*");
        assertTrue(DemoLoader.load(f));
        f.unitOf.put("motcua.taivan", "xa-tai-van");
        f.unitOf.put("motcua.lieutu", "xa-lieu-tu");
        f.unitOf.put("congdan", "xa-tai-van");
        payments = TestPayments.of(f, Clock.fixed(Instant.parse("2026-03-04T03:00:00Z"), ZoneOffset.UTC));
    }

    static Dossier submitCopy(String token) {
        f.become("congdan", ServicesPermissions.SUBMIT);
        // "Cấp bản sao trích lục hộ tịch": 8.000 đồng/bản sao.
        return f.dossiers.submit(new Submission("2.000635", "xa-tai-van", "Sơn Thị Thanh Thảo", "0912 345 678", "",
                Map.of(), List.of(), token), VI);
    }

    static void officer(String name) {
        f.become(name, ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
    }

    @Test
    void thePublishedFeeIsTheCataloguesFirstAmountInDong() {
        assertEquals(8_000, payments.publishedFee("2.000635"));
        assertEquals(0, payments.publishedFee("1.001193"), "Miễn lệ phí");
        assertEquals(2_000, vn.congso.services.internal.catalogue.Fees.amountIn("2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang"));
        assertEquals(100_000, vn.congso.services.internal.catalogue.Fees.amountIn("100.000 đồng/lần"));
        assertEquals(0, vn.congso.services.internal.catalogue.Fees.amountIn("Theo quy định của Hội đồng nhân dân tỉnh"));
        assertEquals("50.000 đồng", Payments.formatVnd(50_000, VI));
        assertEquals("50,000 VND", Payments.formatVnd(50_000, Locale.ENGLISH));
        assertEquals(50_000, Payments.parseVnd("50.000", VI), "fifty thousand, not fifty");
        assertEquals(50_000, Payments.parseVnd("50,000", Locale.ENGLISH));
        assertEquals(1_250_000, Payments.parseVnd("1 250 000", VI));
        assertEquals(50_000, Payments.parseVnd("50000", VI));
        for (String wrong : new String[] {"50,000", "50.5", "5.00", "50.000,5", "-50.000", "5e4", "", "50.000đ"}) {
            assertEquals(-1, Payments.parseVnd(wrong, VI), wrong);
        }
        assertEquals(-1, Payments.parseVnd("50.000", Locale.ENGLISH), "a decimal point in English: no fraction of a đồng");
    }

    @Test
    void theCounterRecordsCashInThePagesNumbersOnceAndIssuesTheReceipt() {
        Dossier d = submitCopy("pay-cash");
        officer("motcua.taivan");
        for (String wrong : new String[] {"", "-5", "50,5", "abc", "200.000.000"}) {
            WorkflowException e = assertThrows(WorkflowException.class, () -> payments.recordCash(d.id(), wrong, VI),
                    wrong);
            assertEquals("services.payment.amount-invalid", e.key(), wrong);
        }
        officer("motcua.lieutu");
        assertEquals("services.payment.not-found", assertThrows(WorkflowException.class,
                () -> payments.recordCash(d.id(), "16.000", VI)).key(), "another commune's desk");
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertThrows(AccessDeniedException.class, () -> payments.recordCash(d.id(), "16.000", VI));

        officer("motcua.taivan");
        Payments.Payment paid = payments.recordCash(d.id(), "16.000", VI);
        assertEquals(16_000, paid.amountVnd(), "16.000 in Vietnamese is sixteen thousand");
        assertEquals(Payments.CASH, paid.method());
        assertFalse(paid.cashless());
        assertEquals("BL-" + d.code().substring(3), paid.receiptNo());
        assertEquals("services.payment.already", assertThrows(WorkflowException.class,
                () -> payments.recordCash(d.id(), "16.000", VI)).key(), "twice");

        f.rendered.clear();
        payments.receipt(d.id());
        Map<String, ?> data = f.rendered.get(0);
        assertEquals("16.000 đồng", data.get("amount"));
        assertEquals("Tiền mặt tại bộ phận một cửa", data.get("method"));
        assertEquals(paid.receiptNo(), data.get("receiptNo"));
        assertEquals("Sơn Thị Thanh Thảo", data.get("payer"));
        assertTrue(f.audit.stream().anyMatch(a -> a.startsWith("services.payment.cash " + d.code() + " SUCCESS")),
                f.audit.toString());
        f.become("nguoi.khac", ServicesPermissions.SUBMIT);
        assertThrows(WorkflowException.class, () -> payments.receipt(d.id()), "another person's receipt");
    }

    @Test
    void theOwnerPaysThePublishedFeeOnlineWithATransferReference() {
        Dossier d = submitCopy("pay-online");
        f.become("nguoi.khac", ServicesPermissions.SUBMIT);
        assertEquals("services.payment.not-found", assertThrows(WorkflowException.class, () -> payments.payOnline(d.id(),
                TransferReferenceProvider.ID, PaymentProvider.Method.BANK_TRANSFER, "FT26063123456")).key());
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertEquals("services.payment.reference-invalid", assertThrows(WorkflowException.class,
                () -> payments.payOnline(d.id(), TransferReferenceProvider.ID, PaymentProvider.Method.BANK_TRANSFER,
                        "<script>")).key());
        assertEquals("services.payment.method-unavailable", assertThrows(WorkflowException.class,
                () -> payments.payOnline(d.id(), TransferReferenceProvider.ID, PaymentProvider.Method.GATEWAY,
                        "FT26063123456")).key());
        assertEquals("services.payment.provider-unknown", assertThrows(WorkflowException.class,
                () -> payments.payOnline(d.id(), "no-such", PaymentProvider.Method.BANK_TRANSFER, "FT26063123456")).key());
        assertTrue(payments.paymentOf(d.id()).isEmpty(), "nothing recorded by a refusal");

        Payments.Payment paid = payments.payOnline(d.id(), TransferReferenceProvider.ID,
                PaymentProvider.Method.E_WALLET, " mm 2603 0412 ab ");
        assertEquals(8_000, paid.amountVnd(), "the published fee, not what the citizen types");
        assertEquals("e-wallet", paid.method());
        assertEquals("MM26030412AB", paid.reference());
        assertTrue(paid.cashless());
        assertEquals("services.payment.already", assertThrows(WorkflowException.class, () -> payments.payOnline(
                d.id(), TransferReferenceProvider.ID, PaymentProvider.Method.E_WALLET, "MM26030412AB")).key());

        // The amount the catalogue sets, not the text: the administrator changes it, the next payment follows.
        f.become("quantri.dvc", ServicesPermissions.CATALOGUE);
        f.catalogue.setFee("2.000635", 9_000);
        try {
            Dossier later = submitCopy("pay-online-new-fee");
            assertEquals(9_000, payments.payOnline(later.id(), TransferReferenceProvider.ID, PaymentProvider.Method.E_WALLET,
                    "MM26030499AB").amountVnd());
        } finally {
            f.become("quantri.dvc", ServicesPermissions.CATALOGUE);
            f.catalogue.setFee("2.000635", 8_000);
        }

        Dossier free = submitFree("pay-free");
        f.become("congdan", ServicesPermissions.SUBMIT);
        assertEquals("services.payment.free", assertThrows(WorkflowException.class, () -> payments.payOnline(free.id(),
                TransferReferenceProvider.ID, PaymentProvider.Method.BANK_TRANSFER, "FT26063123456")).key());
    }

    @Test
    void aWithdrawnDossierTakesNoPaymentAndTheCashlessShareCountsMethods() {
        Dossier d = submitCopy("pay-withdrawn");
        f.become("congdan", ServicesPermissions.SUBMIT);
        f.dossiers.act(d.id(), Action.WITHDRAW, "", List.of());
        officer("motcua.taivan");
        assertEquals("services.payment.closed", assertThrows(WorkflowException.class,
                () -> payments.recordCash(d.id(), "8.000", VI)).key());

        Period year = Period.year(2026);
        Payments.Share all = payments.cashless(year.startInstant(), year.endInstant(), "");
        assertEquals(all.payments(), payments.cashless(year.startInstant(), year.endInstant(), "xa-tai-van").payments());
        assertEquals(0, payments.cashless(year.startInstant(), year.endInstant(), "xa-lieu-tu").payments());
        IndicatorValue value = new CashlessShareIndicator(payments).compute(year, "");
        if (all.payments() > 0) {
            assertEquals(new IndicatorValue.Fraction(all.cashless(), all.payments()), value.fraction().orElseThrow());
        }
        assertFalse(new CashlessShareIndicator(payments).compute(Period.year(2025), "").value().isPresent());
    }

    static Dossier submitFree(String token) {
        f.become("congdan", ServicesPermissions.SUBMIT);
        return f.dossiers.submit(new Submission("1.001776", "xa-tai-van", "Sơn Văn Bình", "0987654321", "",
                Map.of(), List.of(), token), VI);
    }
}
