package vn.congso.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a spreadsheet would do with the cells: no formula runs, numbers stay numbers, Vietnamese survives. */
class CsvTest {

    @Test
    void aCellThatWouldStartAFormulaIsDefused() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"}) {
            String cell = Csv.cell(formula);
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertEquals('\'', unquoted.charAt(0), formula);
        }
    }

    @Test
    void numbersAndOrdinaryTextAreLeftAlone() {
        assertEquals("-12.5", Csv.cell("-12.5"));
        assertEquals("42", Csv.cell("42"));
        assertEquals("Xã Tài Văn", Csv.cell("Xã Tài Văn"));
        assertEquals("", Csv.cell(null));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("\"'=1,2\"", Csv.cell("=1,2"));
    }

    @Test
    void theFileIsUtf8WithABomAndCrlfLines() {
        byte[] bytes = new Csv().row("Đơn vị", "Số").row("Xã Tài Văn", "3").bytes();
        assertEquals("\uFEFFĐơn vị,Số\r\nXã Tài Văn,3\r\n", new String(bytes, StandardCharsets.UTF_8));
        assertEquals((byte) 0xEF, bytes[0]);
    }
}
