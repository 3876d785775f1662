package vn.congso.pdf.internal;

import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.ImageResource;

/**
 * Flying Saucer's PDF user agent, except that an image that cannot be loaded fails the render
 * instead of silently leaving a hole in the document: like a missing placeholder, a broken image
 * is a template bug that should show.
 */
final class StrictUserAgent extends ITextUserAgent {

    StrictUserAgent(ITextOutputDevice outputDevice, int dotsPerPixel) {
        super(outputDevice, dotsPerPixel);
    }

    @Override
    public ImageResource getImageResource(String uri) {
        ImageResource image = super.getImageResource(uri);
        if (image == null || image.getImage() == null) {
            throw new MissingImageException(uri);
        }
        return image;
    }

    /** An image that could not be loaded or decoded. */
    static final class MissingImageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingImageException(String uri) {
            super("Image cannot be loaded (PNG, JPEG and GIF are supported; SVG is not): "
                    + (uri.length() > 60 ? uri.substring(0, 60) + "…" : uri));
        }
    }
}
