package vn.congso.publishing.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void showsRemovedAndAddedLinesAroundWhatStayed() {
        List<LineDiff.Line> diff = LineDiff.diff("Tiêu đề\nDòng một\nDòng hai", "Tiêu đề\nDòng một sửa\nDòng hai\nDòng ba");
        assertEquals(List.of(
                new LineDiff.Line(LineDiff.Kind.SAME, "Tiêu đề"),
                new LineDiff.Line(LineDiff.Kind.REMOVED, "Dòng một"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "Dòng một sửa"),
                new LineDiff.Line(LineDiff.Kind.SAME, "Dòng hai"),
                new LineDiff.Line(LineDiff.Kind.ADDED, "Dòng ba")), diff);
    }

    @Test
    void theFirstRevisionIsAllAdded() {
        assertEquals(List.of(new LineDiff.Line(LineDiff.Kind.REMOVED, ""), new LineDiff.Line(LineDiff.Kind.ADDED, "a")),
                LineDiff.diff("", "a"));
    }
}
