package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.security.AccessDeniedException;

/** Importing articles from files: named problems, nothing half-saved. */
class ArticleImportTest {

    private static final String GOOD = """
            ---
            title: "Hướng dẫn đăng ký khai sinh trực tuyến"
            summary: Ba bước trên Cổng dịch vụ công
            category: Phổ biến giáo dục pháp luật
            tags: [hộ tịch, dịch vụ công]
            review: 2027-06-30
            ---
            Người dân **đăng ký** khai sinh tại nhà.
            """;

    private Fixture f;

    @BeforeEach
    void setUp(@TempDir Path folder) throws Exception {
        f = new Fixture(folder);
    }

    @Test
    void aMarkdownFileWithFrontMatterBecomesADraft() throws IOException {
        ArticleImport.Preview preview = f.service.previewImport("khai-sinh.md", utf8(GOOD));
        assertTrue(preview.ok(), preview.problems().toString());
        ArticleDraft d = preview.items().get(0).draft();
        assertEquals("Hướng dẫn đăng ký khai sinh trực tuyến", d.title());
        assertEquals("pho-bien-giao-duc-phap-luat", d.categoryId(), "found by its Vietnamese name");
        assertEquals(List.of("hộ tịch", "dịch vụ công"), d.tags());
        assertEquals("Người dân **đăng ký** khai sinh tại nhà.", d.body());

        List<Article> created = f.service.importAll(preview);
        assertEquals(1, created.size());
        assertEquals(ArticleState.DRAFT, created.get(0).state(), "imported articles go through the workflow");
        assertEquals("huong-dan-dang-ky-khai-sinh-truc-tuyen", created.get(0).slug());
        assertTrue(f.audited.stream().anyMatch(e -> e.startsWith("publishing.article.import  SUCCESS")), f.audited.toString());
    }

    @Test
    void titlesComeFromTheFirstHeadingOrTheHtmlTitleAndCategoriesFromTheirEnglishNameOrId() throws IOException {
        byte[] zip = zip("bai-viet/a.md", "---\ncategory: news\n---\n# Tiêu đề từ dòng đầu\n\nNội dung.\n",
                "bai-viet/b.html", "---\ncategory: tuyen-truyen\n---\n<html><head><title>Thanh toán không dùng tiền mặt</title>"
                        + "</head><body><p>Đoạn một.</p>\n\n<p>Đoạn hai.</p></body></html>",
                "bai-viet/anh.png", "not an article", ".DS_Store", "x");
        ArticleImport.Preview preview = f.service.previewImport("bai.zip", new ByteArrayInputStream(zip));
        assertTrue(preview.ok(), preview.problems().toString());
        assertEquals(List.of("Tiêu đề từ dòng đầu", "Thanh toán không dùng tiền mặt"),
                preview.items().stream().map(i -> i.draft().title()).toList());
        assertEquals("Nội dung.", preview.items().get(0).draft().body());
        assertEquals(List.of("tin-tuc", "tuyen-truyen"), preview.items().stream().map(i -> i.draft().categoryId()).toList());
        assertFalse(preview.items().get(1).draft().body().contains("\n\n"), "one HTML block");
        assertEquals(List.of("bai-viet/anh.png"), preview.ignored());
    }

    @Test
    void everyProblemIsNamedByFileAndLineAndNothingIsSaved() throws IOException {
        byte[] zip = zip("tot.md", GOOD,
                "sai.md", "---\ntitle: Bài sai\ncategry: tin-tuc\nkhông có dấu hai chấm\ncategory: Không có\nreview: 30/06/2027\n---\nx",
                "mo.md", "---\ntitle: Không đóng\ncategory: tin-tuc\n",
                "rong.md", "---\ncategory: tin-tuc\n---\nKhông có tiêu đề");
        ArticleImport.Preview preview = f.service.previewImport("bai.zip", new ByteArrayInputStream(zip));
        assertFalse(preview.ok());
        assertEquals(List.of("sai.md:3 publishing.import.error.key", "sai.md:4 publishing.import.error.line",
                "sai.md:5 publishing.import.error.category", "sai.md:6 publishing.import.error.date",
                "mo.md:1 publishing.import.error.front-matter", "rong.md:1 publishing.import.error.title"),
                preview.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.key()).toList());
        ArticleException refused = assertThrows(ArticleException.class, () -> f.service.importAll(preview));
        assertEquals("publishing.import.error.not-ok", refused.key());
        assertTrue(f.service.find(null, null, "", 100).isEmpty(), "the good file was not imported alone");
    }

    @Test
    void checksOfTheEditorApplyWithTheLineOfTheKey() throws IOException {
        String longTitle = "x".repeat(ArticleService.MAX_TITLE + 1);
        ArticleImport.Preview preview = f.service.previewImport("dai.md",
                utf8("---\ncategory: tin-tuc\ntitle: " + longTitle + "\n---\nx"));
        assertEquals(List.of("dai.md:3 publishing.error.title-too-long"),
                preview.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.key()).toList());
    }

    @Test
    void limitsHoldWhileReading() throws IOException {
        byte[] big = ("---\ntitle: Lớn\ncategory: tin-tuc\n---\n" + "a".repeat((int) ArticleImport.MAX_FILE_BYTES))
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("publishing.import.error.file-too-large",
                f.service.previewImport("lon.md", new ByteArrayInputStream(big)).problems().get(0).key());

        // A zip bomb: small on the wire, huge unpacked; refused without reading it all.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int n = 0; n < 30; n++) {
                zip.putNextEntry(new ZipEntry("bom-" + n + ".md"));
                zip.write(new byte[(int) ArticleImport.MAX_FILE_BYTES]);
                zip.closeEntry();
            }
        }
        assertTrue(out.size() < 1024 * 1024, "the bomb is small: " + out.size());
        List<String> keys = f.service.previewImport("bom.zip", new ByteArrayInputStream(out.toByteArray())).problems()
                .stream().map(ArticleImport.Problem::key).distinct().toList();
        assertTrue(keys.contains("publishing.import.error.archive-too-large"), keys.toString());

        assertEquals("publishing.import.error.archive",
                f.service.previewImport("hong.zip", utf8("PK not really a zip")).problems().get(0).key());
        assertEquals("publishing.import.error.type",
                f.service.previewImport("script.js", utf8("alert(1)")).problems().get(0).key());
        byte[] latin1 = "---\ntitle: ok\ncategory: tin-tuc\n---\nd\u00e9j\u00e0".getBytes(StandardCharsets.ISO_8859_1);
        ArticleImport.Problem encoding = f.service.previewImport("latin.md", new ByteArrayInputStream(latin1)).problems().get(0);
        assertEquals("latin.md:5 publishing.import.error.encoding", encoding.file() + ":" + encoding.line() + " " + encoding.key());
    }

    @Test
    void aFolderOnTheServerIsReadInNameOrder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("b.md"), GOOD.replace("khai sinh", "kết hôn"));
        Files.createDirectories(folder.resolve("con"));
        Files.writeString(folder.resolve("con/a.md"), GOOD);
        Files.writeString(folder.resolve("ghi-chu.txt"), "notes");
        ArticleImport.Preview preview = f.service.previewImport(folder);
        assertTrue(preview.ok(), preview.problems().toString());
        assertEquals(List.of("b.md", "con/a.md"), preview.items().stream().map(ArticleImport.Item::file).toList());
        assertEquals(List.of("ghi-chu.txt"), preview.ignored());
        assertEquals(2, f.service.importAll(preview).size());
    }

    @Test
    void withoutThePermissionToEditNothingIsRead() {
        f.permissions = Set.of(PublishingPermissions.VIEW);
        assertThrows(AccessDeniedException.class, () -> f.service.previewImport("a.md", utf8(GOOD)));
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
