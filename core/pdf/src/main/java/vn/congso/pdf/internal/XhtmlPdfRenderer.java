package vn.congso.pdf.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.congso.api.pdf.PdfRenderer.Markup;

/**
 * Turns an XHTML template and its data into PDF bytes, without OSGi: placeholders
 * {@code ${name}} are replaced (values XML-escaped, {@link Markup} inserted as is), the result is
 * parsed securely and laid out by Flying Saucer onto OpenPDF with DejaVu Sans embedded.
 *
 * <p>A placeholder without a key in the data is an error naming it, so that template mistakes
 * show at once; a key with a {@code null} value renders as empty text. DejaVu Sans is the
 * default font of every document, so text without a {@code font-family} keeps its diacritics.
 * Templates may declare a DOCTYPE but nothing external is ever loaded: use numeric character
 * references (such as {@code &#160;}) rather than HTML entity names.
 *
 * <p>Instances are immutable and safe for concurrent use; each render uses its own Flying
 * Saucer renderer.
 */
public final class XhtmlPdfRenderer {

    static {
        // The launchers set this; AWT must never look for a display inside the server.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
    private static final String DEFAULT_STYLE = "html { font-family: \"" + DejaVuFonts.FAMILY + "\"; }";

    private final Map<String, BaseFont> fonts;

    /**
     * A renderer using the given TrueType fonts.
     *
     * @param fontFiles the font files, typically from {@link DejaVuFonts#copyTo(Path)}
     * @throws IOException when a font cannot be read
     */
    public XhtmlPdfRenderer(List<Path> fontFiles) throws IOException {
        Map<String, BaseFont> loaded = new LinkedHashMap<>();
        for (Path file : fontFiles) {
            String path = file.toAbsolutePath().toString();
            // Loaded from bytes, the font stays in memory: loaded by path, OpenPDF would read the
            // whole file again to subset it for every document (7 times slower here). Cached by
            // OpenPDF under its path, so every renderer in this bundle shares one copy.
            loaded.put(path, BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    Files.readAllBytes(file), null));
        }
        this.fonts = Map.copyOf(loaded);
    }

    /**
     * Renders a template.
     *
     * @param templateName the template's name, used in error messages
     * @param template the XHTML template text
     * @param data placeholder values; {@code null} means none
     * @param baseUri what relative links (images, stylesheets) resolve against, or {@code null}
     * @return the PDF bytes
     * @throws IOException when a placeholder has no value, the result is not well-formed XHTML,
     *     or rendering fails
     */
    public byte[] render(String templateName, String template, Map<String, ?> data, String baseUri)
            throws IOException {
        String xhtml = fill(templateName, template, data == null ? Map.of() : data);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Flying Saucer and OpenPDF look up resources and services through the context loader.
        thread.setContextClassLoader(XhtmlPdfRenderer.class.getClassLoader());
        try {
            Document document = parse(templateName, xhtml);
            addDefaultFont(document);
            ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
            ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                    ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                    new StrictUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL));
            for (Map.Entry<String, BaseFont> font : fonts.entrySet()) {
                // The path is read for style and weight only; the family comes from the font.
                renderer.getFontResolver().addFont(font.getValue(), font.getKey(), null);
            }
            renderer.setDocument(document, baseUri);
            renderer.layout();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(pdf);
            return pdf.toByteArray();
        } catch (RuntimeException e) {
            throw new IOException("Cannot render " + templateName + ": " + e.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            // Batik is not embedded: an SVG referenced by URL gets this far.
            throw new IOException("Cannot render " + templateName + ": SVG images are not supported", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Replaces every placeholder of a template.
     *
     * @param templateName the template's name, used in error messages
     * @param template the template text
     * @param data placeholder values
     * @return the filled-in text
     * @throws IOException when a placeholder has no key in the data
     */
    static String fill(String templateName, String template, Map<String, ?> data) throws IOException {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        int last = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!data.containsKey(name)) {
                throw new IOException("Template " + templateName + " has placeholder ${" + name
                        + "} but the data has no value for it");
            }
            out.append(template, last, matcher.start());
            Object value = data.get(name);
            if (value instanceof Markup markup) {
                out.append(markup.xhtml());
            } else if (value != null) {
                escape(String.valueOf(value), out);
            }
            last = matcher.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    /** XML-escapes text for element content and attribute values; drops characters XML forbids. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }

    private static Document parse(String templateName, String xhtml) throws IOException {
        try {
            DocumentBuilder builder = newDocumentBuilderFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entity not allowed: " + systemId);
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // Warnings do not make a document unusable.
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new IOException("Template " + templateName + " is not well-formed XHTML at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new IOException("Template " + templateName + " is not well-formed XHTML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IOException("No secure XML parser: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory newDocumentBuilderFactory() throws ParserConfigurationException {
        // The JDK's own parser, whatever else the framework offers, with nothing external loaded.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Puts DejaVu Sans first in the cascade; the template's own styles still win. */
    private static void addDefaultFont(Document document) {
        Element root = document.getDocumentElement();
        String ns = root.getNamespaceURI();
        Element head = null;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "head".equals(localName(element))) {
                head = element;
                break;
            }
        }
        if (head == null) {
            head = document.createElementNS(ns, "head");
            root.insertBefore(head, root.getFirstChild());
        }
        Element style = document.createElementNS(ns, "style");
        style.setAttribute("type", "text/css");
        style.setTextContent(DEFAULT_STYLE);
        head.insertBefore(style, head.getFirstChild());
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }
}
