package vn.congso.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void theMarkupCarriesAPngThatDecodesBackToTheText() throws Exception {
        String text = "https://congso.example/chung-nhan/xac-minh?ma=ĐT-2026-000123";

        String markup = QrCodes.markup(text, 120).xhtml();

        assertTrue(markup.contains("width=\"120\""), markup);
        assertTrue(markup.contains("height=\"120\""), markup);
        Matcher matcher = DATA_URI.matcher(markup);
        assertTrue(matcher.find(), markup);
        assertEquals(text, decode(Base64.getDecoder().decode(matcher.group(1))));
    }

    @Test
    void theImageHasAtLeastTwoPixelsPerCssPixel() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png("x", 100)));
        assertTrue(image.getWidth() >= 200, "width " + image.getWidth());
        assertEquals(image.getWidth(), image.getHeight());
    }

    @Test
    void emptyTextOrSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png("", 100));
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png("x", 0));
    }
}
