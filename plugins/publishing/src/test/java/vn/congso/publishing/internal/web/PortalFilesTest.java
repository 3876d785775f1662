package vn.congso.publishing.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.pdf.PdfRenderer;
import vn.congso.api.web.PagePreview;
import vn.congso.api.web.PublicLinks;
import vn.congso.api.web.PublicResource;
import vn.congso.pdf.internal.DejaVuFonts;
import vn.congso.pdf.internal.QrCodes;
import vn.congso.pdf.internal.XhtmlPdfRenderer;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleDraft;
import vn.congso.publishing.internal.article.ArticleException;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Fixture;
import vn.congso.publishing.internal.article.Transition;

/** Feeds parsed back with Rome, covers, attachments, leaflets and link previews of published articles. */
class PortalFilesTest {

    static final PublicLinks LINKS = new PublicLinks() {
        @Override
        public String base() {
            return "https://trande.example";
        }

        @Override
        public String absolute(String path) {
            return base() + (path.startsWith("/") ? path : "/" + path);
        }
    };

    @TempDir
    Path folder;
    private Fixture f;
    private ArticleService service;
    private final List<String> encoded = new java.util.ArrayList<>();
    private PublishingResources resources;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(folder.resolve("db"));
        service = f.service;
        XhtmlPdfRenderer real = new XhtmlPdfRenderer(DejaVuFonts.copyTo(Files.createDirectories(folder.resolve("fonts"))));
        PdfRenderer pdf = new PdfRenderer() {
            @Override
            public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(templatePath)) {
                    return real.render(templatePath, new String(in.readAllBytes(), StandardCharsets.UTF_8), data, null);
                }
            }

            @Override
            public Markup qrCode(String text, int sizePx) {
                encoded.add(text);
                return QrCodes.markup(text, sizePx);
            }
        };
        resources = new PublishingResources(service, LINKS, pdf, new vn.congso.api.TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... args) {
                return "publishing.portal.title".equals(key) ? "Cổng thông tin huyện Trần Đề" : key;
            }

            @Override
            public java.util.List<Locale> supportedLocales() {
                return List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);
            }
        });
    }

    private Article publish(String title, String category) {
        Article a = service.create(new ArticleDraft(title, "Tóm tắt " + title, "Nội dung **đậm** của " + title
                + ".\n\n<script>alert(1)</script>\n\n![ảnh](/x.png)", category, List.of(), "vi", List.of(), false, false,
                null, null, null));
        service.transition(a.id(), Transition.SUBMIT);
        service.transition(a.id(), Transition.APPROVE);
        return service.transition(a.id(), Transition.PUBLISH);
    }

    private SyndFeed parse(String path) throws Exception {
        PublicResource r = resources.get(path, Locale.forLanguageTag("vi")).orElseThrow();
        return new SyndFeedInput().build(new StringReader(new String(r.content(), StandardCharsets.UTF_8)));
    }

    @Test
    void rssAndAtomFeedsOverallAndPerCategoryParseBackWithAbsoluteLinks() throws Exception {
        publish("Phổ biến pháp luật về đất đai", "pho-bien-giao-duc-phap-luat");
        publish("Lịch tiếp dân", "tin-tuc");
        Article draft = service.create(Fixture.draft("Bản nháp chưa duyệt"));

        SyndFeed rss = parse("feed/rss.xml");
        assertEquals("rss_2.0", rss.getFeedType());
        assertEquals(2, rss.getEntries().size());
        assertTrue(rss.getEntries().stream().noneMatch(e -> e.getTitle().equals(draft.title())));
        assertEquals("https://trande.example/portal/article/pho-bien-phap-luat-ve-dat-dai",
                rss.getEntries().stream().filter(e -> e.getTitle().startsWith("Phổ biến")).findFirst().orElseThrow().getLink());
        assertEquals("https://trande.example/portal", rss.getLink());

        SyndFeed atom = parse("feed/pho-bien-giao-duc-phap-luat/atom.xml");
        assertEquals("atom_1.0", atom.getFeedType());
        assertEquals(List.of("Phổ biến pháp luật về đất đai"), atom.getEntries().stream().map(e -> e.getTitle()).toList());
        assertTrue(atom.getEntries().get(0).getPublishedDate() != null);
        assertTrue(atom.getTitle().contains("Phổ biến giáo dục pháp luật"), atom.getTitle());

        assertTrue(resources.get("feed/khong-co/rss.xml", Locale.ROOT).isEmpty());
        assertTrue(resources.get("feed/../rss.xml", Locale.ROOT).isEmpty());

        // A built feed is served again, and built anew the moment an article appears or leaves.
        publish("Thông báo mới", "tin-tuc");
        assertEquals(3, parse("feed/rss.xml").getEntries().size());
        Article gone = service.find(null, "tin-tuc", "Lịch tiếp dân", 1).get(0);
        service.transition(gone.id(), Transition.ARCHIVE);
        assertEquals(List.of("Thông báo mới", "Phổ biến pháp luật về đất đai"),
                parse("feed/rss.xml").getEntries().stream().map(e -> e.getTitle()).toList());
    }

    @Test
    void aCoverIsResizedAndServedOnlyOncePublished() throws Exception {
        Article a = service.create(Fixture.draft("Bài có ảnh"));
        BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        service.setCover(a.id(), "anh-bia.png", png.toByteArray());
        assertEquals(List.of(400, 800, 1200), service.coverWidths(a.id()));

        f.permissions = java.util.Set.of();
        assertTrue(resources.get("cover/" + a.id() + "/800.jpg", Locale.ROOT).isEmpty(), "a draft's cover is not public");
        f.permissions = new Fixture(folder.resolve("other")).permissions;
        service.transition(a.id(), Transition.SUBMIT);
        service.transition(a.id(), Transition.APPROVE);
        service.transition(a.id(), Transition.PUBLISH);
        f.permissions = java.util.Set.of();
        PublicResource cover = resources.get("cover/" + a.id() + "/800.jpg", Locale.ROOT).orElseThrow();
        assertEquals("image/jpeg", cover.mediaType());
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(cover.content()));
        assertEquals(800, served.getWidth());
        assertEquals(450, served.getHeight());

        PagePreview preview = new ArticlePreviews(service, LINKS).preview("portal/article/" + a.slug(), Locale.ROOT)
                .orElseThrow();
        assertEquals("https://trande.example/pub/publishing/cover/" + a.id() + "/1200.jpg", preview.imageUrl());
        assertEquals("Bài có ảnh", preview.title());
        assertEquals("Tóm tắt: Bài có ảnh", preview.description());
        assertTrue(preview.text().contains("Nội dung Bài có ảnh."), preview.text());
        assertTrue(new ArticlePreviews(service, LINKS).preview("portal/article/khong-co", Locale.ROOT).isEmpty());
        assertTrue(new ArticlePreviews(service, LINKS).preview("admin/users", Locale.ROOT).isEmpty());
    }

    @Test
    void hugeOrMalformedImagesAreRefused() throws Exception {
        Article a = service.create(Fixture.draft("Bài có ảnh hỏng"));
        ArticleException broken = assertThrows(ArticleException.class,
                () -> service.setCover(a.id(), "x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}));
        assertEquals("publishing.error.image", broken.key());
        // A PNG header claiming 50,000 x 50,000 pixels: refused from its header, never decoded.
        BufferedImage small = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        byte[] bomb = png.toByteArray();
        bomb[16] = 0; bomb[17] = 0; bomb[18] = (byte) 0xC3; bomb[19] = 0x50;
        bomb[20] = 0; bomb[21] = 0; bomb[22] = (byte) 0xC3; bomb[23] = 0x50;
        assertEquals("publishing.error.image", assertThrows(ArticleException.class,
                () -> service.setCover(a.id(), "bomb.png", bomb)).key());
        assertEquals(List.of(), service.coverWidths(a.id()));
    }

    @Test
    void theLeafletIsAnA4PdfWithAQrCodeToTheArticle() throws Exception {
        Article a = publish("Thanh toán không dùng tiền mặt khi nộp phí, lệ phí", "tuyen-truyen");
        PublicResource leaflet = resources.get("leaflet/" + a.slug() + ".pdf", Locale.forLanguageTag("vi")).orElseThrow();
        assertEquals("application/pdf", leaflet.mediaType());
        assertTrue(new String(leaflet.content(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertEquals(List.of("https://trande.example/portal/article/" + a.slug()), encoded);
        assertTrue(resources.get("leaflet/khong-co.pdf", Locale.ROOT).isEmpty());
        assertFalse(Leaflets.xhtml("<p>a<img src=\"/x.png\"></p>").contains("img"));

        Path file = folder.resolve("leaflet.pdf");
        Files.write(file, leaflet.content());
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "pdftotext not installed");
        Process process = new ProcessBuilder("/usr/bin/pdftotext", file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(text.contains("Thanh toán không dùng tiền mặt"), text);
        assertFalse(text.contains("alert(1)"), text);
    }
}
