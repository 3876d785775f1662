package vn.congso.ui.internal;

import java.util.Locale;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.web.PagePreview;
import vn.congso.api.web.PagePreviewSource;

/** The plugins' {@link PagePreviewSource}s, asked in service ranking order. */
final class PagePreviews {

    private static final Logger LOG = LoggerFactory.getLogger(PagePreviews.class);
    private final ServiceTracker<PagePreviewSource, PagePreviewSource> sources;

    PagePreviews(BundleContext context) {
        this.sources = new ServiceTracker<>(context, PagePreviewSource.class, null);
    }

    void open() {
        sources.open();
    }

    void close() {
        sources.close();
    }

    /**
     * The first preview a source gives for a path; a failing source is logged and skipped, so one
     * plugin cannot break every page.
     */
    Optional<PagePreview> find(String path, Locale locale) {
        ServiceReference<PagePreviewSource>[] references = sources.getServiceReferences();
        if (references == null) {
            return Optional.empty();
        }
        java.util.Arrays.sort(references, java.util.Collections.reverseOrder());
        for (ServiceReference<PagePreviewSource> reference : references) {
            PagePreviewSource source = sources.getService(reference);
            if (source == null) {
                continue;
            }
            try {
                Optional<PagePreview> preview = source.preview(path, locale);
                if (preview.isPresent()) {
                    return preview;
                }
            } catch (RuntimeException e) {
                LOG.warn("Page preview source of bundle {} failed for /{}", reference.getBundle().getSymbolicName(),
                        path, e);
            }
        }
        return Optional.empty();
    }
}
