package vn.congso.services.internal.dossier;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An e-form's stored values as text: one {@code key=value} line each, both URL-encoded. */
public final class FormCodec {

    private FormCodec() {
    }

    /**
     * @param values the values, in form order
     * @return the text
     */
    public static String encode(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            out.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).append('\n');
        }
        return out.toString();
    }

    /**
     * @param text the text
     * @return the values, in form order
     */
    public static Map<String, String> decode(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(line.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
