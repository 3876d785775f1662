package vn.congso.publishing.internal.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A line-by-line difference of two texts (longest common subsequence), for the revision list. */
final class LineDiff {

    /** What happened to a line. */
    enum Kind { SAME, ADDED, REMOVED }

    /**
     * One line of the difference.
     *
     * @param kind what happened to it
     * @param text the line
     */
    record Line(Kind kind, String text) {
    }

    /** Texts longer than this many lines are compared as a whole (removed, then added). */
    static final int MAX_LINES = 2000;

    private LineDiff() {
    }

    static List<Line> diff(String before, String after) {
        String[] a = (before == null ? "" : before).split("\n", -1);
        String[] b = (after == null ? "" : after).split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String line : a) {
                out.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                out.add(new Line(Kind.ADDED, line));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Kind.ADDED, b[j++]));
        }
        return Collections.unmodifiableList(out);
    }
}
