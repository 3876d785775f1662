package vn.congso.training.internal.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.congso.training.internal.question.Response;

/**
 * A learner's {@link Response} as one line of text for the answer row, readable in a database
 * console: {@code S:0,2}, {@code T:true}, {@code X:typed text}, {@code N:3.14},
 * {@code M:0=answer;2=other}. In matching answers {@code \}, {@code ;} and {@code =} are escaped
 * with a backslash.
 */
public final class ResponseCodec {

    private ResponseCodec() {
    }

    /**
     * Encodes a response.
     *
     * @param response the response, may be null
     * @return the text, or null for no response
     */
    public static String encode(Response response) {
        if (response == null) {
            return null;
        }
        if (response instanceof Response.Selection s) {
            return "S:" + String.join(",", new TreeSet<>(s.choices()).stream().map(String::valueOf).toList());
        }
        if (response instanceof Response.Truth t) {
            return "T:" + t.value();
        }
        if (response instanceof Response.Text t) {
            return "X:" + t.value();
        }
        if (response instanceof Response.Number n) {
            return "N:" + n.value();
        }
        Response.Matches m = (Response.Matches) response;
        List<String> entries = new ArrayList<>();
        new TreeMap<>(m.answers()).forEach((item, answer) -> entries.add(item + "=" + escape(answer)));
        return "M:" + String.join(";", entries);
    }

    /**
     * Decodes a response.
     *
     * @param text the stored text, may be null
     * @return the response, or null
     * @throws IllegalArgumentException when the text is not an encoded response
     */
    public static Response decode(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() < 2 || text.charAt(1) != ':') {
            throw new IllegalArgumentException("not a response: " + text);
        }
        String body = text.substring(2);
        return switch (text.charAt(0)) {
            case 'S' -> {
                Set<Integer> choices = new HashSet<>();
                for (String part : body.split(",")) {
                    if (!part.isEmpty()) {
                        choices.add(Integer.parseInt(part));
                    }
                }
                yield new Response.Selection(choices);
            }
            case 'T' -> new Response.Truth(Boolean.parseBoolean(body));
            case 'X' -> new Response.Text(body);
            case 'N' -> new Response.Number(Double.parseDouble(body));
            case 'M' -> new Response.Matches(matches(body));
            default -> throw new IllegalArgumentException("not a response: " + text);
        };
    }

    private static Map<Integer, String> matches(String body) {
        Map<Integer, String> answers = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        Integer item = null;
        for (int i = 0; i <= body.length(); i++) {
            char ch = i < body.length() ? body.charAt(i) : ';';
            if (ch == '\\' && i + 1 < body.length()) {
                current.append(body.charAt(++i));
            } else if (ch == '=' && item == null) {
                item = Integer.parseInt(current.toString());
                current.setLength(0);
            } else if (ch == ';') {
                if (item != null) {
                    answers.put(item, current.toString());
                } else if (current.length() > 0) {
                    throw new IllegalArgumentException("matching entry without item: " + body);
                }
                item = null;
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        return answers;
    }

    private static String escape(String answer) {
        StringBuilder out = new StringBuilder();
        for (char ch : answer.toCharArray()) {
            if (ch == '\\' || ch == ';' || ch == '=') {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
