package vn.congso.ui.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Every text a browser sends through Vaadin's protocol reaches the server in one Unicode form,
 * NFC. Vietnamese typed with a combining-mark keyboard (or pasted from some editors) arrives as a
 * letter followed by its marks ("ô" + grave), which looks the same on screen but is a different
 * string to search, to answer matching, to uniqueness checks and to PDF fonts. The body of a UIDL
 * request (JSON, whose structure is ASCII and so unchanged by NFC) is normalised once here, before
 * Vaadin parses it, so no screen and no plugin has to remember. Uploads are not UIDL requests and
 * keep their bytes. The body is read at most {@link #MAX_BODY_BYTES}; a longer one is refused.
 */
final class NfcRequests {

    /** The largest UIDL body accepted: far above any form (texts are capped lower), far below harm. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private NfcRequests() {
    }

    /**
     * The request to hand to Vaadin: a UIDL request with its body in NFC, any other request as it is.
     *
     * @return the request, or empty when the body is longer than {@link #MAX_BODY_BYTES}
     */
    static Optional<HttpServletRequest> normalised(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod()) || !"uidl".equals(queryParameter(request, "v-r"))) {
            return Optional.of(request);
        }
        byte[] body = read(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        byte[] result = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? body
                : Normalizer.normalize(text, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Body(request, result));
    }

    /** One query parameter, read from the query string only (never from a body). */
    static String queryParameter(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** The stream's bytes, or null when there are more than {@code max}. */
    static byte[] read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A request whose body is given bytes (UTF-8). */
    private static final class Body extends HttpServletRequestWrapper {
        private final byte[] body;

        Body(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
