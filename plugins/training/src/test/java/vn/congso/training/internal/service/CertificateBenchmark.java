package vn.congso.training.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Certificates per second: N learners pass an exam (each gets a certificate), then every
 * certificate's PDF is produced by core's real renderer. Prints the time for the PDFs. A program,
 * not a test; args: number of certificates (1000).
 */
public final class CertificateBenchmark {

    private CertificateBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args number of certificates (1000)
     * @throws Exception when setting up fails
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path folder = Files.createTempDirectory("certificate-benchmark");
        XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(folder.resolve("f"))));
        PdfRenderer renderer = new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                try (InputStream in = CertificateBenchmark.class.getClassLoader().getResourceAsStream(templatePath)) {
                    return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data,
                            null);
                }
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                return QrCodes.markup(text, sizePx);
            }
        };
        TrainingFixture f = new TrainingFixture(folder.resolve("db"));
        JdbcCertificateService certificates = new JdbcCertificateService(f.database, f.users, f.audit, renderer,
                TrainingFixture.links(), new TrainingFixture.BundleTranslations(), TrainingFixture.config(), f.clock);
        f.become("trainer", TrainingFixture.TRAINER);
        f.bank.createQuestion("Q", TrueFalseQuestion.of("Câu", true));
        Instant now = f.clock.instant();
        long exam = f.exams.create(new ExamService.ExamDraft("Kỹ năng công nghệ thông tin cơ bản", "", null,
                new ExamSettings(Duration.ofMinutes(5), now, now.plusSeconds(3600), 1, 50, GradingMethod.LAST,
                        Duration.ZERO), List.of(new DrawRule("Q", 1)), ExamService.ReviewOptions.FULL, 24));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            f.become("hoc.vien." + i, TrainingFixture.LEARNER);
            ExamService.AttemptSession attempt = f.exams.startOrResume(exam);
            f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(0).questionId(), new Response.Truth(true));
            codes.add(f.exams.submit(attempt.attemptId()).certificateCode());
        }
        f.become("trainer", TrainingFixture.TRAINER);
        certificates.pdf(codes.get(0), TranslationService.VIETNAMESE); // warm-up: fonts, classes
        long bytes = 0;
        long t0 = System.nanoTime();
        for (String code : codes) {
            bytes += certificates.pdf(code, TranslationService.VIETNAMESE).length;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d certificate PDFs in %.1f s (%.1f ms each, %.0f KB each)%n", count, seconds,
                seconds * 1000 / count, bytes / 1024.0 / count);
        System.exit(0);
    }
}
