package vn.congso.publishing.internal.content;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Makes the widths of a cover image the portal serves (phones, tablets, link previews) as JPEG,
 * with Java's ImageIO. The image's size is read from its header before any pixel is decoded, so
 * a small file that claims a huge picture (a decompression bomb) is refused without the memory.
 */
public final class CoverImages {

    /** The widths made, never wider than the original. */
    public static final List<Integer> WIDTHS = List.of(400, 800, 1200);
    /** The longest side accepted. */
    public static final int MAX_SIDE = 6000;
    /** The largest picture accepted, in pixels. */
    public static final long MAX_PIXELS = 24_000_000L;

    /**
     * One width.
     *
     * @param width its width in pixels (the name it is served under)
     * @param jpeg the JPEG bytes
     */
    public record Variant(int width, byte[] jpeg) {
    }

    private CoverImages() {
    }

    /**
     * Resizes an image.
     *
     * @param bytes a PNG, JPEG or GIF (already sniffed by the upload check)
     * @return one variant per width of {@link #WIDTHS} (fewer when the original is narrower, at
     *         least one)
     * @throws IOException when the image cannot be read or is too large
     */
    public static List<Variant> resize(byte[] bytes) throws IOException {
        BufferedImage original = read(bytes);
        List<Variant> variants = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width > original.getWidth() && !variants.isEmpty()) {
                break;
            }
            int w = Math.min(width, original.getWidth());
            int h = Math.max(1, (int) Math.round(original.getHeight() * (w / (double) original.getWidth())));
            BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(original, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(scaled, "jpg", out)) {
                throw new IOException("No JPEG writer");
            }
            variants.add(new Variant(width, out.toByteArray()));
        }
        return variants;
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not an image ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new IOException("image too large: " + w + "x" + h);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new IOException("unreadable image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on malformed data.
            throw new IOException("malformed image: " + e.getMessage(), e);
        }
    }
}
