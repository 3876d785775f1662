package vn.congso.services.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.DossierServiceAccess;

/** The receipt and appointment slip (template 01) rendered by core's real renderer, read back with pdftotext. */
class ReceiptPdfTest {

    @TempDir
    Path folder;

    @Test
    void theReceiptSaysCodeDueDateAndLookUpInVietnamese() throws Exception {
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
        DemoData.load(f.database, f.catalogue, f.calendars.calendar(), ServicesFixture.NOW);
        DossierService dossiers = f.dossiers(renderer);
        f.become("congdan", ServicesPermissions.SUBMIT);
        f.unitOf.put("motcua.taivan", "xa-tai-van");
        Dossier d = dossiers.submit(new DossierService.Submission("1.001193", "xa-tai-van", "Sơn Thị Thanh Thảo",
                "0912345678", "", Map.of("ho-ten-tre", "Sơn Gia Bảo", "ngay-sinh", "01/03/2026", "gioi-tinh", "Nữ",
                        "noi-sinh", "Trạm y tế xã Tài Văn", "ho-ten-me", "Sơn Thị Thanh Thảo", "so-dinh-danh", "094190001234"),
                List.of(new DossierService.NewFile("giấy chứng sinh.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))),
                "receipt-token"), Locale.forLanguageTag("vi"));
        f.become("motcua.taivan", ServicesPermissions.RECEIVE, ServicesPermissions.PROCESS);
        dossiers.act(d.id(), Action.RECEIVE, "", List.of());
        byte[] pdf = dossiers.receipt(d.id());
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        Path file = Files.write(folder.resolve("receipt.pdf"), pdf);
        Files.write(Path.of("target", "receipt-sample.pdf"), pdf);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        assertEquals(1, reader.getNumberOfPages(), "the receipt fits one A4 page");

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext not installed");
        Process process = new ProcessBuilder("/usr/bin/pdftotext", "-layout", file.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        for (String expected : List.of("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01", d.code(), "Sơn Thị Thanh Thảo",
                "Đăng ký khai sinh", "giấy chứng sinh.pdf", "03/03/2026", "Xã xa-tai-van",
                "https://congso.trande.example/services/lookup")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
    }
}
