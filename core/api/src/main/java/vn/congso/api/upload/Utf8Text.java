package vn.congso.api.upload;

import java.io.IOException;
import java.io.InputStream;

/** A streaming UTF-8 validator that knows the line it is on. */
final class Utf8Text {

    private Utf8Text() {
    }

    static void check(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int line = 1;
        int pending = 0;
        int low = 0x80;
        int high = 0xBF;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (pending > 0) {
                    if (b < low || b > high) {
                        throw notText(line);
                    }
                    pending--;
                    low = 0x80;
                    high = 0xBF;
                } else if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                    } else if (b < 0x20 && b != '\t' && b != '\r' && b != '\f' || b == 0x7F) {
                        throw notText(line);
                    }
                } else if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b == 0xE0) {
                    pending = 2;
                    low = 0xA0;
                } else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) {
                    pending = 2;
                } else if (b == 0xED) {
                    pending = 2;
                    high = 0x9F; // no UTF-16 surrogates
                } else if (b == 0xF0) {
                    pending = 3;
                    low = 0x90;
                } else if (b >= 0xF1 && b <= 0xF3) {
                    pending = 3;
                } else if (b == 0xF4) {
                    pending = 3;
                    high = 0x8F;
                } else {
                    throw notText(line);
                }
            }
        }
        if (pending > 0) {
            throw notText(line);
        }
    }

    private static UploadRefusedException notText(int line) {
        return new UploadRefusedException(UploadRefusedException.Reason.NOT_TEXT, "at line " + line, line);
    }
}
