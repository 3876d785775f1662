package vn.congso.admin.internal.indicators;

import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark (so Excel reads Vietnamese), CRLF line ends;
 * a cell that would start a formula in a spreadsheet ({@code = + - @}, tab, carriage return) is
 * prefixed with an apostrophe, except a plain number.
 */
final class DashboardCsv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    void row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        // A plugin- or user-provided label starting with = + - @ would run as a formula in Excel.
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
