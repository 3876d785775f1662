package vn.congso.api.text;

import java.nio.charset.StandardCharsets;

/**
 * A CSV file people open in a spreadsheet: RFC 4180, UTF-8 with a byte order mark (so that
 * Excel reads Vietnamese), CRLF line ends. A cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return: a name, a title or a label typed by
 * someone) is prefixed with an apostrophe, except a plain number such as {@code -12.5}. Every CSV
 * export of the platform and its plugins writes through this class.
 *
 * @since 1.1
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    /**
     * Appends a row.
     *
     * @param cells the cells, in order; {@code null} is an empty cell
     * @return this
     */
    public Csv row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    /**
     * One cell as written: defused if it would start a formula, quoted if it holds a comma, a
     * quote or a line break.
     *
     * @param value the cell's text; {@code null} is empty
     * @return the cell in CSV
     */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /**
     * @return the file so far, UTF-8 with its byte order mark
     */
    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
