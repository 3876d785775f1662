package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.TranslationService;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.pdf.internal.DejaVuFonts;
import vn.congso.pdf.internal.QrCodes;
import vn.congso.pdf.internal.XhtmlPdfRenderer;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * The shipped certificate template rendered by core's real renderer: it lays out, its
 * Vietnamese text survives (checked with {@code pdftotext} where installed), and a reader of
 * English gets every word of it in English.
 */
class CertificatePdfTest {

    @TempDir
    Path folder;

    /** A certificate issued to An for a course, and everything the renderer was given. */
    private final class Issued {
        final List<String> encoded = new java.util.ArrayList<>();
        final JdbcCertificateService certificates;
        final TrainingFixture f;
        final String code;

        Issued() throws Exception {
            XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(folder.resolve("f"))));
            PdfRenderer renderer = new PdfRenderer() {
                @Override
                public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                    try (InputStream in = getClass().getClassLoader().getResourceAsStream(templatePath)) {
                        return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data,
                                null);
                    }
                }

                @Override
                public Markup qrCode(String text, int sizePx) {
                    Markup markup = QrCodes.markup(text, sizePx);
                    encoded.add(markup.xhtml());
                    return markup;
                }
            };
            f = new TrainingFixture(folder.resolve("db"));
            certificates = new JdbcCertificateService(f.database, f.users, f.audit, renderer, TrainingFixture.links(),
                    new TrainingFixture.BundleTranslations(), TrainingFixture.config(), f.clock);
            f.become("trainer", TrainingFixture.TRAINER);
            f.bank.createQuestion("Q", TrueFalseQuestion.of("Câu", true));
            long course = f.courses.create(new CourseService.CourseDraft("Kỹ năng công nghệ thông tin cơ bản", "",
                    "it-basics", 60));
            long lesson = f.courses.addLesson(course, new CourseService.LessonDraft("Bài 1", "Nội dung", ""));
            f.courses.setPublished(course, true);
            Instant now = f.clock.instant();
            long exam = f.exams.create(new ExamService.ExamDraft("Kiểm tra", "", course, new ExamSettings(
                    Duration.ofMinutes(5), now, now.plusSeconds(3600), 1, 50, GradingMethod.LAST, Duration.ZERO),
                    List.of(new DrawRule("Q", 1)), ExamService.ReviewOptions.FULL, 24));
            f.courses.enrolUsers(course, List.of("an.nguyen"), null);
            f.become("an.nguyen", TrainingFixture.LEARNER);
            f.courses.markViewed(lesson);
            ExamService.AttemptSession attempt = f.exams.startOrResume(exam);
            f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(0).questionId(), new Response.Truth(true));
            code = f.exams.submit(attempt.attemptId()).certificateCode();
        }
    }

    @Test
    void theCertificateRendersInVietnamese() throws Exception {
        Issued issued = new Issued();
        String code = issued.code;
        byte[] pdf = issued.certificates.pdf(code, TranslationService.VIETNAMESE);
        issued.f.users.clear();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        Path file = Files.write(folder.resolve("certificate.pdf"), pdf);
        // Kept for a look by eye: target/certificate-sample.pdf.
        Files.write(Path.of("target", "certificate-sample.pdf"), pdf);

        // The QR code and the printed link lead to the configured public base URL, not to the server's own address.
        String url = TrainingFixture.PUBLIC_BASE + "/training/verify/" + code;
        assertEquals(1, issued.encoded.size());
        assertEquals(url, decodeQr(issued.encoded.get(0)));
        String page = firstPage(pdf);
        String flat = page.replaceAll("[\\s\\u00A0]+", "");
        assertTrue(flat.contains(url), "the printed link:\n" + page);
        // The signature block: the signer's title lines and name from the settings.
        for (String expected : List.of("KT.CHỦTỊCH", "PHÓCHỦTỊCH", "TrầnVănKý", "hoànthànhkhóahọc",
                "TrầnĐề,ngày27tháng11năm2026", "Kếtquả:100%—Cógiátrịđến:27/11/2028", "Mãgiấychứngnhận:")) {
            assertTrue(flat.contains(expected), "missing " + expected + " in:\n" + page);
        }
        for (String english : List.of("Certificate", "Result", "Verify", "Viet Nam")) {
            assertFalse(page.contains(english), "English \"" + english + "\" on the Vietnamese certificate:\n" + page);
        }

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext not installed");
        Process process = new ProcessBuilder("/usr/bin/pdftotext", "-layout", file.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(text.chars().filter(ch -> ch == '\f').count() == 1, "one A4 page, not more");
        for (String expected : List.of("GIẤY CHỨNG NHẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Chứng nhận ông/bà", "Nguyễn Văn An", "Đơn vị công tác: Xã Tài Văn",
                "Kỹ năng công nghệ thông tin cơ bản", code, "Ủy ban nhân dân huyện Trần Đề".toUpperCase(),
                "ngày 27 tháng 11 năm 2026", "Tra cứu tại:")) {
            assertTrue(text.contains(expected), "missing \"" + expected + "\" in:\n" + text);
        }
    }

    @Test
    void theCertificateRendersInEnglishForAnEnglishReader() throws Exception {
        Issued issued = new Issued();
        byte[] pdf = issued.certificates.pdf(issued.code, TranslationService.ENGLISH);
        Files.write(Path.of("target", "certificate-sample-en.pdf"), pdf);
        String page = firstPage(pdf);
        String flat = page.replaceAll("[\\s\\u00A0]+", "");
        // Every word printed is English, but the data (names, course, authority from the settings) as entered.
        for (String expected : List.of("CERTIFICATE", "SOCIALISTREPUBLICOFVIETNAM", "Independence-Freedom-Happiness",
                "Completionofatrainingprogramme", "Thiscertifiesthat", "NguyễnVănAn", "Workplace:XãTàiVăn",
                "hasstudiedeverylessonandpassedtheexam,completingthecourse", "Kỹnăngcôngnghệthôngtincơbản",
                "Result:100%—Validuntil:2028-11-27", "Certificatecode:" + issued.code, "Verifyat:"
                        + TrainingFixture.PUBLIC_BASE + "/training/verify/" + issued.code,
                "TrầnĐề,2026-11-27", "TrầnVănKý")) {
            assertTrue(flat.contains(expected), "missing " + expected + " in:\n" + page);
        }
        for (String vietnamese : List.of("chứng nhận", "Chứng nhận", "CHỨNG NHẬN", "Kết quả", "Đơn vị công tác",
                "ngày", "Tra cứu", "hoàn thành", "không thời hạn")) {
            assertFalse(page.contains(vietnamese), "Vietnamese \"" + vietnamese + "\" on the English certificate:\n"
                    + page);
        }
        assertEquals(1, new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages(), "still one A4 page in English");
    }

    private static String firstPage(byte[] pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        assertEquals(1, reader.getNumberOfPages(), "the frame and everything in it fit one A4 page");
        return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
    }

    /** Reads the text of the QR code in a markup {@code <img src="data:image/png;base64,…">}. */
    private static String decodeQr(String markup) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("base64,([A-Za-z0-9+/=]+)").matcher(markup);
        assertTrue(m.find(), markup);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.LuminanceSource source = new com.google.zxing.RGBLuminanceSource(image.getWidth(),
                image.getHeight(), pixels);
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(source))).getText();
    }
}
