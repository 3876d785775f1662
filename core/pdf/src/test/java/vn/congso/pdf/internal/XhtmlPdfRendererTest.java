package vn.congso.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.pdf.PdfRenderer.Markup;

class XhtmlPdfRendererTest {

    static final String VIETNAMESE = "Giấy chứng nhận hoàn thành khóa học Kỹ năng công nghệ thông tin cơ bản"
            + " — Nguyễn Thị Ánh, xã Tài Văn";

    static final String TEMPLATE = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
            <head>
              <title>${title}</title>
              <style>
                @page { size: A4; margin: 2cm; }
                h1 { font-weight: bold; font-size: 14pt; }
              </style>
            </head>
            <body>
              <h1>${title}</h1>
              <p>${sentence}</p>
              <p class="note">${note}</p>
              <div>${qr}</div>
            </body>
            </html>
            """;

    @TempDir
    static Path fonts;

    static XhtmlPdfRenderer renderer;

    @BeforeAll
    static void createRenderer() throws IOException {
        renderer = new XhtmlPdfRenderer(DejaVuFonts.copyTo(fonts));
    }

    static Map<String, Object> data() {
        Map<String, Object> data = new HashMap<>();
        data.put("title", "Chứng nhận");
        data.put("sentence", VIETNAMESE);
        data.put("note", null);
        data.put("qr", new Markup(""));
        return data;
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    @Test
    void everyVietnameseDiacriticSurvivesInTheExtractedText() throws IOException {
        byte[] pdf = renderer.render("test.xhtml", TEMPLATE, data(), null);

        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        String text = text(pdf);
        assertTrue(text.contains(VIETNAMESE), () -> "extracted: " + text);
        assertTrue(text.contains("Chứng nhận"), () -> "extracted: " + text);
    }

    @Test
    void valuesAreInsertedAsTextNeverAsMarkup() throws IOException {
        Map<String, Object> data = data();
        data.put("sentence", "<script>alert('x')</script> & <b>bold</b>");

        String text = text(renderer.render("test.xhtml", TEMPLATE, data, null));

        assertTrue(text.contains("<script>alert('x')</script> & <b>bold</b>"), () -> "extracted: " + text);
    }

    @Test
    void aPlaceholderWithoutDataIsAnErrorNamingIt() {
        Map<String, Object> data = data();
        data.remove("note");

        IOException e = assertThrows(IOException.class, () -> renderer.render("test.xhtml", TEMPLATE, data, null));

        assertTrue(e.getMessage().contains("${note}"), e.getMessage());
        assertTrue(e.getMessage().contains("test.xhtml"), e.getMessage());
    }

    @Test
    void aMalformedTemplateIsAnErrorWithItsPosition() {
        String broken = TEMPLATE.replace("</h1>", "</h2>");

        IOException e = assertThrows(IOException.class, () -> renderer.render("broken.xhtml", broken, data(), null));

        assertTrue(e.getMessage().contains("broken.xhtml"), e.getMessage());
        assertTrue(e.getMessage().contains("line 11"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverLoaded(@TempDir Path dir) throws IOException {
        Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE html [ <!ENTITY secret SYSTEM "%s"> ]>
                <html xmlns="http://www.w3.org/1999/xhtml"><body><p>before &secret; after</p></body></html>
                """.formatted(secret.toUri());

        String text = text(renderer.render("xxe.xhtml", xxe, Map.of(), null));

        assertTrue(text.contains("before"), text);
        assertFalse(text.contains("TOP-SECRET-VALUE"), text);
    }

    @Test
    void theQrCodeIsEmbeddedAsAnImage() throws IOException {
        Map<String, Object> data = data();
        data.put("qr", QrCodes.markup("https://congso.example/verify/ABC-123", 120));

        byte[] pdf = renderer.render("test.xhtml", TEMPLATE, data, null);

        assertEquals(1, imageXObjects(pdf));
        assertEquals(0, imageXObjects(renderer.render("test.xhtml", TEMPLATE, data(), null)));
    }

    @Test
    void svgImagesAreReportedAsUnsupported() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>";
        Map<String, Object> data = data();
        data.put("qr", new Markup("<img width=\"10\" height=\"10\" src=\"data:image/svg+xml;base64,"
                + java.util.Base64.getEncoder().encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\" />"));

        IOException e = assertThrows(IOException.class, () -> renderer.render("svg.xhtml", TEMPLATE, data, null));
        assertTrue(e.getMessage().contains("SVG"), e.getMessage());
    }

    @Test
    void aMissingImageIsAnErrorNotAHole(@TempDir Path dir) {
        Map<String, Object> data = data();
        data.put("qr", new Markup("<img width=\"10\" height=\"10\" src=\"logo.png\" />"));

        IOException e = assertThrows(IOException.class,
                () -> renderer.render("logo.xhtml", TEMPLATE, data, dir.toUri().toString()));
        assertTrue(e.getMessage().contains("logo.png"), e.getMessage());
    }

    @Test
    void relativeImagesResolveAgainstTheBaseUri(@TempDir Path dir) throws IOException {
        java.nio.file.Files.write(dir.resolve("qr.png"), QrCodes.png("relative", 50));
        Map<String, Object> data = data();
        data.put("qr", new Markup("<img width=\"50\" height=\"50\" src=\"qr.png\" />"));

        assertEquals(1, imageXObjects(renderer.render("logo.xhtml", TEMPLATE, data, dir.toUri().toString())));
    }

    @Test
    void escapingDropsCharactersXmlCannotCarry() {
        StringBuilder out = new StringBuilder();
        XhtmlPdfRenderer.escape("a\u0001b\"c'", out);
        assertEquals("ab&quot;c&#39;", out.toString());
        assertFalse(out.toString().contains("\u0001"));
    }

    static int imageXObjects(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            int images = 0;
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                PdfDictionary xObjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
                if (xObjects == null) {
                    continue;
                }
                for (PdfName name : xObjects.getKeys()) {
                    PdfObject object = PdfReader.getPdfObject(xObjects.get(name));
                    if (object instanceof PdfDictionary dictionary
                            && PdfName.IMAGE.equals(dictionary.getAsName(PdfName.SUBTYPE))) {
                        images++;
                    }
                }
            }
            return images;
        } finally {
            reader.close();
        }
    }
}
