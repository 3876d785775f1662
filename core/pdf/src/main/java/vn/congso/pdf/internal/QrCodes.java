package vn.congso.pdf.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.congso.api.pdf.PdfRenderer.Markup;

/**
 * QR codes as PNG images in data URIs, ready to place in a template. The image is drawn with a
 * whole number of pixels per module and at least twice the requested CSS size, so that it stays
 * sharp when printed and scanned from paper.
 */
public final class QrCodes {

    /** Quiet zone in modules; the QR specification asks for 4, 2 is enough on white paper. */
    private static final int MARGIN_MODULES = 2;

    private QrCodes() {
    }

    /**
     * The PNG of a QR code.
     *
     * @param text what the code encodes
     * @param sizePx the CSS size it will be shown at, used to choose the pixels per module
     * @return PNG bytes
     * @throws IllegalArgumentException when the text is empty or too long for a QR code, or the
     *     size is not positive
     */
    public static byte[] png(String text, int sizePx) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR code text is empty");
        }
        if (sizePx <= 0) {
            throw new IllegalArgumentException("QR code size must be positive: " + sizePx);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, MARGIN_MODULES));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text cannot be encoded as a QR code: " + e.getMessage(), e);
        }
        int modules = matrix.getWidth();
        int scale = Math.max(1, (2 * sizePx + modules - 1) / modules);
        int side = modules * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        int black = 0xFF000000;
        int white = 0xFFFFFFFF;
        int[] row = new int[side];
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                Arrays.fill(row, x * scale, (x + 1) * scale, matrix.get(x, y) ? black : white);
            }
            for (int dy = 0; dy < scale; dy++) {
                image.setRGB(0, y * scale + dy, side, 1, row, 0, side);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("No PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /**
     * An {@code <img>} element showing the QR code from a data URI.
     *
     * @param text what the code encodes
     * @param sizePx width and height in CSS pixels
     * @return the image markup
     */
    public static Markup markup(String text, int sizePx) {
        String data = Base64.getEncoder().encodeToString(png(text, sizePx));
        return new Markup("<img src=\"data:image/png;base64," + data + "\" width=\"" + sizePx
                + "\" height=\"" + sizePx + "\" alt=\"\" />");
    }
}
