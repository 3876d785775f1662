package vn.congso.pdf.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.pdf.PdfRenderer;

/**
 * The {@link PdfRenderer} service. Bundle-scoped: each bundle that gets the service gets its own
 * instance, which reads templates from that bundle's entries (not its class path, so a
 * template is found exactly where the plugin put it).
 */
@Component(service = PdfRenderer.class, scope = ServiceScope.BUNDLE)
public final class BundlePdfRenderer implements PdfRenderer {

    private final Logger log = LoggerFactory.getLogger(BundlePdfRenderer.class);
    private final Bundle templates;
    private final XhtmlPdfRenderer renderer;

    /**
     * Prepares a renderer for the bundle that asked for the service.
     *
     * @param context the component context, giving the using bundle and this bundle's data area
     * @throws IOException when the fonts cannot be copied out of this bundle
     */
    @Activate
    public BundlePdfRenderer(ComponentContext context) throws IOException {
        this.templates = context.getUsingBundle();
        File data = context.getBundleContext().getDataFile("fonts");
        Path fontDirectory = data != null ? data.toPath() : Files.createTempDirectory("congso-pdf-fonts");
        this.renderer = new XhtmlPdfRenderer(DejaVuFonts.copyTo(fontDirectory));
    }

    @Override
    public byte[] render(String templatePath, Map<String, ?> data) throws IOException {
        URL entry = templates.getEntry(templatePath);
        if (entry == null) {
            throw new IOException("No template " + templatePath + " in bundle " + templates.getSymbolicName());
        }
        String template;
        try (InputStream in = entry.openStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long start = System.nanoTime();
        byte[] pdf = renderer.render(templatePath, template, data, entry.toExternalForm());
        log.debug("Rendered {} of {} in {} ms ({} bytes)", templatePath, templates.getSymbolicName(),
                (System.nanoTime() - start) / 1_000_000, pdf.length);
        return pdf;
    }

    @Override
    public Markup qrCode(String text, int sizePx) {
        return QrCodes.markup(text, sizePx);
    }
}
