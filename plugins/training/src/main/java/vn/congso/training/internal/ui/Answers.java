package vn.congso.training.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import vn.congso.training.internal.question.Response;

/** What the exam screen tells the learner about their answers: answered or not, and which are left. */
final class Answers {

    private Answers() {
    }

    /**
     * Whether a response counts as an answer: an empty selection, blank text or no match chosen
     * is the same as no response.
     *
     * @param response the saved response, null when none
     * @return true when the learner gave an answer
     */
    static boolean isAnswered(Response response) {
        if (response == null) {
            return false;
        }
        if (response instanceof Response.Selection selection) {
            return !selection.choices().isEmpty();
        }
        if (response instanceof Response.Text text) {
            return !text.value().isBlank();
        }
        if (response instanceof Response.Matches matches) {
            return matches.answers().values().stream().anyMatch(a -> !a.isBlank());
        }
        if (response instanceof Response.Number number) {
            return Double.isFinite(number.value());
        }
        return true;
    }

    /** What the review says about one question. */
    enum Verdict {
        /** No answer was given: "not answered", never "incorrect". */
        UNANSWERED,
        CORRECT,
        PARTIAL,
        INCORRECT,
        /** Not graded yet (or the marks are hidden). */
        UNGRADED;

        /** @return the suffix of the translation key and the tone of the frame */
        String tone() {
            return this == UNGRADED ? "neutral" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The review's verdict on a question: an unanswered question is not called wrong.
     *
     * @param response the saved response, null when none
     * @param mark the mark, NaN when not graded or hidden
     * @param maxMark the question's full mark
     * @return the verdict
     */
    static Verdict verdict(Response response, double mark, double maxMark) {
        if (!isAnswered(response)) {
            return Verdict.UNANSWERED;
        }
        if (Double.isNaN(mark)) {
            return Verdict.UNGRADED;
        }
        double share = maxMark == 0 ? 0 : mark / maxMark;
        return share >= 1 - 1e-9 ? Verdict.CORRECT : share > 0 ? Verdict.PARTIAL : Verdict.INCORRECT;
    }

    /**
     * The 1-based numbers of the questions without an answer, for the submit confirmation.
     *
     * @param responses each question's response in attempt order, null when none
     * @return the numbers, ascending
     */
    static List<Integer> unanswered(List<Response> responses) {
        return numbers(responses.size(), i -> !isAnswered(responses.get(i)));
    }

    /**
     * The 1-based numbers of flagged questions.
     *
     * @param count how many questions the attempt holds
     * @param flagged 0-based positions the learner flagged
     * @return the numbers, ascending
     */
    static List<Integer> flagged(int count, Set<Integer> flagged) {
        return numbers(count, flagged::contains);
    }

    /**
     * Lists numbers compactly: {@code 1–3, 5, 8–9}.
     *
     * @param numbers ascending numbers
     * @return the list as text, empty for none
     */
    static String ranges(List<Integer> numbers) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            int start = numbers.get(i);
            int end = start;
            while (i + 1 < numbers.size() && numbers.get(i + 1) == end + 1) {
                end = numbers.get(++i);
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(start);
            if (end > start) {
                text.append(end == start + 1 ? ", " : "–").append(end);
            }
            i++;
        }
        return text.toString();
    }

    private static List<Integer> numbers(int count, IntPredicate which) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (which.test(i)) {
                numbers.add(i + 1);
            }
        }
        return numbers;
    }
}
