package vn.congso.services.internal.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.pdf.internal.DejaVuFonts;
import vn.congso.pdf.internal.QrCodes;
import vn.congso.pdf.internal.XhtmlPdfRenderer;
import vn.congso.services.internal.DemoLoader;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService.Submission;

/** The e-receipt of a cash fee rendered by core's real renderer, one page, read back with pdftotext. */
class PaymentReceiptPdfTest {

    @TempDir
    Path folder;

    @Test
    void theEReceiptSaysNumberPayerAmountAndMethodInVietnamese() throws Exception {
        XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(folder.resolve("f"))));
        PdfRenderer renderer = new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(templatePath)) {
                    return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data, null);
                }
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                return QrCodes.markup(text, sizePx);
            }
        };
        ServicesFixture f = new ServicesFixture(folder.resolve("db"));
        f.become("system:test", "*");
        DemoLoader.load(f);
        f.unitOf.put("motcua.taivan", "xa-tai-van");
        Payments payments = new Payments(f.database.dataSource(), f.users, f.log, f.dossiers, f.catalogue, renderer,
                DemoLoader.units(f), "Ủy ban nhân dân huyện Trần Đề",
                Clock.fixed(Instant.parse("2026-03-04T03:00:00Z"), ZoneOffset.UTC));
        f.become("congdan", ServicesPermissions.SUBMIT);
        Dossier d = f.dossiers.submit(new Submission("2.000635", "xa-tai-van", "Sơn Thị Thanh Thảo", "0912345678", "",
                Map.of(), List.of(), "e-receipt"), Locale.forLanguageTag("vi"));
        f.become("motcua.taivan", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        Payments.Payment paid = payments.recordCash(d.id(), "16.000", Locale.forLanguageTag("vi"));

        byte[] pdf = payments.receipt(d.id());
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(1, new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages(), "the e-receipt fits one page");
        Path file = Files.write(folder.resolve("e-receipt.pdf"), pdf);

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext not installed");
        Process process = new ProcessBuilder("/usr/bin/pdftotext", "-layout", file.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        for (String expected : List.of("BIÊN LAI ĐIỆN TỬ THU PHÍ, LỆ PHÍ", "Số: " + paid.receiptNo(), "Sơn Thị Thanh Thảo",
                d.code(), "16.000 đồng", "Tiền mặt tại bộ phận một cửa", "04/03/2026 10:00", "motcua.taivan")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
    }
}
