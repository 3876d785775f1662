package vn.congso.training.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;
import vn.congso.training.internal.service.CertificateService.Status;

/** Certificates from passing to verification and revocation, and the reports over the same results. */
class CertificateAndReportTest {

    @TempDir
    Path folder;

    private TrainingFixture f;
    private long course;
    private long exam;

    @BeforeEach
    void setUp() throws Exception {
        f = new TrainingFixture(folder);
        f.become("trainer", TrainingFixture.TRAINER);
        for (int i = 0; i < 4; i++) {
            f.bank.createQuestion("CNTT", TrueFalseQuestion.of("Mệnh đề " + i + " đúng.", true));
        }
        course = f.courses.create(new CourseService.CourseDraft("Kỹ năng CNTT", "", "it-basics", 60));
        f.courses.addLesson(course, new CourseService.LessonDraft("Bài 1", "Nội dung", ""));
        f.courses.setPublished(course, true);
        Instant now = f.clock.instant();
        exam = f.exams.create(new ExamService.ExamDraft("Kiểm tra", "", course, new ExamSettings(Duration.ofMinutes(10),
                now, now.plus(Duration.ofDays(30)), 3, 50, GradingMethod.HIGHEST, Duration.ZERO),
                List.of(new DrawRule("CNTT", 4)), ExamService.ReviewOptions.FULL, 12));
        f.courses.enrolUnits(course, List.of("xa-tai-van", "xa-lieu-tu"), null);
    }

    @AfterEach
    void tearDown() {
        f.users.clear();
    }

    /** The learner sits the exam answering the given number of questions right. */
    private ExamService.AttemptResult sit(String learner, int right) {
        f.become(learner, TrainingFixture.LEARNER);
        ExamService.AttemptSession attempt = f.exams.startOrResume(exam);
        for (int i = 0; i < attempt.questions().size(); i++) {
            f.exams.saveAnswer(attempt.attemptId(), attempt.questions().get(i).questionId(),
                    new Response.Truth(i < right));
        }
        return f.exams.submit(attempt.attemptId());
    }

    @Test
    void passingIssuesAVerifiableCertificateThatCanExpireAndBeRevoked() throws Exception {
        ExamService.AttemptResult failed = sit("an.nguyen", 1);
        assertFalse(failed.passed());
        assertEquals(null, failed.certificateCode());
        ExamService.AttemptResult passed = sit("an.nguyen", 3);
        String code = passed.certificateCode();
        assertNotNull(code);
        assertTrue(code.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"), code);

        CertificateService.Certificate mine = f.certificates.mine().get(0);
        assertEquals("Nguyễn Văn An", mine.holderName());
        assertEquals("Xã Tài Văn", mine.unitName());
        assertEquals("Kỹ năng CNTT", mine.title());
        assertEquals(75.0, mine.percentage(), 1e-9);

        byte[] pdf = f.certificates.pdf(code.toLowerCase(Locale.ROOT).replace("-", ""));
        assertTrue(new String(pdf, StandardCharsets.UTF_8).startsWith("%PDF"));
        assertEquals("pdf/certificate.xhtml", f.pdf.template);
        assertEquals("https://congso.trande.example/training/verify/" + code, f.pdf.data.get("verifyUrl"));
        assertEquals("Nguyễn Văn An", f.pdf.data.get("holder"));
        assertTemplateGetsEveryPlaceholder(f.pdf.data.keySet());

        // Someone else's certificate is "not found" to a learner.
        f.become("binh.tran", TrainingFixture.LEARNER);
        assertThrows(TrainingException.class, () -> f.certificates.get(code));

        // Anyone, signed in or not, can verify.
        f.users.clear();
        CertificateService.Verification valid = f.certificates.verify(" " + code.toLowerCase(Locale.ROOT) + " ");
        assertEquals(Status.VALID, valid.status());
        assertEquals("Nguyễn Văn An", valid.holderName());
        assertEquals(Status.UNKNOWN, f.certificates.verify("AAAA-BBBB-CCCC-DDDD").status());
        assertEquals(Status.UNKNOWN, f.certificates.verify("<script>").status());
        f.clock.advance(Duration.ofDays(366));
        assertEquals(Status.EXPIRED, f.certificates.verify(code).status());
        f.clock.advance(Duration.ofDays(-366));

        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertThrows(AccessDeniedException.class, () -> f.certificates.revoke(code, "Gian lận"));
        f.become("trainer", TrainingFixture.TRAINER);
        assertEquals("training.certificate.reason-required",
                assertThrows(TrainingException.class, () -> f.certificates.revoke(code, " ")).problems().get(0).key());
        f.certificates.revoke(code, "Thi hộ");
        assertEquals(Status.REVOKED, f.certificates.verify(code).status());
        assertEquals("training.certificate.already-revoked",
                assertThrows(TrainingException.class, () -> f.certificates.revoke(code, "Lần nữa")).problems().get(0)
                        .key());
        assertEquals(1, f.audit.count("training.certificate.revoke", Outcome.SUCCESS));
        assertEquals(1, f.audit.count("training.certificate.revoke", Outcome.DENIED) - 1,
                "the learner's and the reasonless attempt were both refused and audited");

        // Re-certification: with the old one revoked, passing again issues a new one.
        String renewed = sit("an.nguyen", 4).certificateCode();
        assertNotNull(renewed);
        assertNotEquals(code, renewed);
    }

    @Test
    void reportsCountByUnitAndExportCsvAndCharts() {
        sit("an.nguyen", 4);
        sit("binh.tran", 1);
        f.become("trainer", TrainingFixture.TRAINER);
        List<ExamService.AttemptResult> attempts = f.exams.attemptsOf(exam);
        assertEquals(List.of("an.nguyen", "binh.tran"),
                attempts.stream().map(ExamService.AttemptResult::username).toList());
        assertEquals(List.of(100.0, 25.0), attempts.stream().map(ExamService.AttemptResult::percentage).toList());
        ReportService.ExamReport report = f.reports.exam(exam);
        assertEquals(3, report.total().enrolled());
        assertEquals(2, report.total().graded());
        assertEquals(1, report.total().passed());
        assertEquals(50.0, report.total().passRate().orElseThrow(), 1e-9);
        assertEquals(62.5, report.total().averagePercentage().orElseThrow(), 1e-9);
        assertEquals(List.of("Xã Tài Văn", "Xã Liêu Tú"),
                report.byUnit().stream().map(ReportService.UnitRow::unitName).toList());
        assertEquals(2, report.byUnit().get(0).counts().graded());
        assertEquals(0, report.byUnit().get(1).counts().graded());
        assertEquals(4, report.questions().size());
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 1), report.scoreHistogram());

        ReportService.CourseReport courseReport = f.reports.course(course);
        assertEquals(3, courseReport.total().enrolled());
        assertEquals(0, courseReport.total().completed(), "nobody viewed the lesson yet");
        assertEquals(2, courseReport.total().inProgress());

        byte[] csv = f.reports.examCsv(exam, Locale.ENGLISH);
        assertEquals(0xEF, csv[0] & 0xFF);
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("Xã Tài Văn,2,1,1,2,1,50.0,62.5\r\n"), text);

        String svg = f.reports.passRateByUnitSvg(exam, Locale.ENGLISH, 600, 300);
        assertTrue(svg.contains("<svg") && svg.contains("Xã Tài Văn"), svg.substring(0, Math.min(200, svg.length())));
        String histogram = f.reports.scoreHistogramSvg(exam, Locale.ENGLISH, 600, 300);
        assertTrue(histogram.contains("<svg"));
        // Every band is labelled, the last one too, and learners are counted in whole people.
        assertTrue(histogram.contains(">90–100</text>"), "the last band's label is cut");
        assertFalse(java.util.regex.Pattern.compile(">\\d+\\.\\d+</text>").matcher(histogram).find(),
                "fractional learner counts on the axis");

        f.become("an.nguyen", TrainingFixture.LEARNER);
        assertThrows(AccessDeniedException.class, () -> f.reports.exam(exam));
        assertThrows(AccessDeniedException.class, () -> f.exams.attemptsOf(exam));
    }

    /**
     * The real renderer refuses a template that is not well-formed or has a placeholder without
     * data; check both here, where the renderer is faked.
     */
    private static void assertTemplateGetsEveryPlaceholder(java.util.Set<String> keys) throws Exception {
        try (java.io.InputStream in = CertificateAndReportTest.class.getClassLoader()
                .getResourceAsStream("pdf/certificate.xhtml")) {
            byte[] bytes = in.readAllBytes();
            javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(bytes));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z]+)}")
                    .matcher(new String(bytes, StandardCharsets.UTF_8));
            int placeholders = 0;
            while (m.find()) {
                placeholders++;
                assertTrue(keys.contains(m.group(1)), "no data for ${" + m.group(1) + "}");
            }
            assertTrue(placeholders >= 10, "placeholders found: " + placeholders);
        }
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        assertEquals("'=HYPERLINK(\"\"x\"\")", JdbcReportService.Csv.cell("=HYPERLINK(\"x\")").replace("\"'", "'")
                .replaceFirst("^\"", "").replaceFirst("\"$", ""));
        assertEquals("-12.5", JdbcReportService.Csv.cell("-12.5"));
        assertEquals("\"a,b\"", JdbcReportService.Csv.cell("a,b"));
    }
}
