package vn.congso.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a certificate-like A4 landscape page (Vietnamese text and a QR code) and prints warm
 * timings: 50 warm-up renders, the median of 200 single renders, and the total for 1,000. A
 * program, not a test: numbers depend on the machine. Each render builds the QR code too, as a
 * real certificate would. It also writes one certificate to
 * {@code target/pdf-benchmark/certificate.pdf} for a look or a {@code pdftotext} check.
 *
 * <p>Run (after {@code mvn -B -q install -DskipTests}): {@code mvn -B -q -pl core/pdf test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=vn.congso.pdf.internal.PdfBenchmark}
 */
public final class PdfBenchmark {

    private PdfBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws IOException when rendering fails
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of("target", "pdf-benchmark");
        if (Files.isDirectory(Path.of("core", "pdf"))) {
            target = Path.of("core", "pdf", "target", "pdf-benchmark");
        }
        XhtmlPdfRenderer renderer = new XhtmlPdfRenderer(DejaVuFonts.copyTo(target.resolve("fonts")));
        String template;
        try (InputStream in = PdfBenchmark.class.getResourceAsStream("/benchmark/certificate.xhtml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        byte[] sample = render(renderer, template, 0);
        Files.write(target.resolve("certificate.pdf"), sample);
        System.out.printf("certificate.pdf: %,d bytes in %s%n", sample.length, target.toAbsolutePath());

        for (int i = 0; i < 50; i++) {
            render(renderer, template, i);
        }
        long[] single = new long[200];
        for (int i = 0; i < single.length; i++) {
            long start = System.nanoTime();
            render(renderer, template, i);
            single[i] = System.nanoTime() - start;
        }
        Arrays.sort(single);
        System.out.printf("single render: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms (200 renders)%n",
                single[100] / 1e6, single[180] / 1e6, single[0] / 1e6, single[199] / 1e6);

        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < 1000; i++) {
            bytes += render(renderer, template, i).length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("1,000 renders: %.2f s (%.1f ms each, %,d bytes in all)%n", seconds, seconds, bytes);
    }

    private static byte[] render(XhtmlPdfRenderer renderer, String template, int i) throws IOException {
        String number = "ĐT-2026-%06d".formatted(i);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", "Giấy chứng nhận");
        data.put("authority", "Ủy ban nhân dân xã Tài Văn");
        data.put("learner", "Nguyễn Thị Ánh");
        data.put("birthDate", "15/08/1990");
        data.put("address", "ấp Đại Úi, xã Tài Văn, thành phố Cần Thơ");
        data.put("course", "Kỹ năng công nghệ thông tin cơ bản");
        data.put("period", "từ 03/03/2026 đến 28/04/2026");
        data.put("result", "Khá");
        data.put("qr", QrCodes.markup("https://congso.example/chung-nhan/" + number, 110));
        data.put("number", number);
        data.put("place", "Tài Văn");
        data.put("date", "ngày 30 tháng 4 năm 2026");
        data.put("signerTitle", "Chủ tịch");
        data.put("signer", "Trần Văn Bình");
        return renderer.render("certificate.xhtml", template, data, null);
    }
}
