package vn.congso.training.internal.exchange;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The lines of one GIFT question with escapes resolved: each character remembers whether it
 * was escaped (so {@code \=} is text while {@code =} starts an answer) and its source line.
 */
final class GiftBlock {

    /** Characters GIFT lets a backslash escape; {@code \n} is a line break. */
    private static final String ESCAPABLE = "~=#{}:\\";

    private final StringBuilder text = new StringBuilder();
    private final BitSet escaped = new BitSet();
    private int[] lines = new int[64];

    /**
     * Starts a block.
     *
     * @param line the first line's text
     * @param number its 1-based number
     */
    GiftBlock(String line, int number) {
        append(line, number);
    }

    /**
     * Adds the next line of the question; lines are joined with line breaks.
     *
     * @param line the line's text
     * @param number its 1-based number
     */
    void addLine(String line, int number) {
        put('\n', false, number);
        append(line, number);
    }

    private void append(String line, int number) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (c == '\\' && next == 'n') {
                put('\n', true, number);
                i++;
            } else if (c == '\\' && next != 0 && ESCAPABLE.indexOf(next) >= 0) {
                put(next, true, number);
                i++;
            } else {
                put(c, false, number);
            }
        }
    }

    private void put(char c, boolean isEscaped, int line) {
        int index = text.length();
        if (index == lines.length) {
            lines = Arrays.copyOf(lines, index * 2);
        }
        lines[index] = line;
        escaped.set(index, isEscaped);
        text.append(c);
    }

    int length() {
        return text.length();
    }

    /** @return the character at {@code index}, escapes resolved */
    char charAt(int index) {
        return text.charAt(index);
    }

    /** @return the 1-based source line of the character at {@code index}, or of the last one */
    int lineAt(int index) {
        return lines[Math.max(0, Math.min(index, text.length() - 1))];
    }

    /** @return whether the character at {@code index} is {@code c} and was not escaped */
    boolean isSyntax(int index, char c) {
        return index < text.length() && text.charAt(index) == c && !escaped.get(index);
    }

    /** @return whether {@code token} starts at {@code index} with none of its characters escaped */
    boolean isSyntax(int index, String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!isSyntax(index + i, token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return the first unescaped {@code token} in [from, to), or -1 */
    int find(String token, int from, int to) {
        for (int i = from; i + token.length() <= to; i++) {
            if (isSyntax(i, token)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the first index in [from, to) that is not white space, or {@code to} */
    int skipWhiteSpace(int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i)) && !escaped.get(i)) {
            i++;
        }
        return i;
    }

    /** @return the text of [from, to), escapes resolved, not stripped */
    String text(int from, int to) {
        return text.substring(from, to);
    }
}
