package vn.congso.api.pdf;

import java.io.IOException;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a calling bundle's XHTML template with data into a PDF. The service is
 * bundle-scoped: templates are read from the bundle that obtained the service. Fonts with
 * full Vietnamese coverage (DejaVu Sans, family name {@code "DejaVu Sans"}) are embedded, so
 * text survives copy-paste and {@code pdftotext} with every diacritic intact.
 *
 * <p>Templates are well-formed XHTML with {@code ${name}} placeholders; values are inserted
 * as text (XML-escaped), so data can never inject markup. A value of type {@link Markup} is
 * inserted as is, for trusted fragments such as {@link #qrCode(String, int)}.
 */
@ProviderType
public interface PdfRenderer {

    /**
     * A trusted XHTML fragment inserted without escaping.
     *
     * @param xhtml well-formed XHTML
     */
    record Markup(String xhtml) {
    }

    /**
     * Renders a template from the calling bundle.
     *
     * @param templatePath path inside the calling bundle, for example {@code pdf/certificate.xhtml}
     * @param data placeholder values; {@code null} values render as empty text
     * @return the PDF bytes
     * @throws IOException when the template is missing or not well-formed XHTML, when one of
     *     its placeholders has no key in {@code data} (the message names it), or when an image
     *     it shows cannot be loaded
     */
    byte[] render(String templatePath, Map<String, ?> data) throws IOException;

    /**
     * An {@code <img>} of a QR code for the text, as a data URI, to put in a template.
     *
     * @param text what the code encodes, such as a verification URL
     * @param sizePx width and height in CSS pixels
     * @return the image markup
     */
    Markup qrCode(String text, int sizePx);
}
