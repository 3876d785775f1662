package vn.congso.training.internal.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * Reads one GIFT question block the way Moodle's GIFT importer does: optional
 * {@code ::title::} and {@code [format]}, text, one answer block in braces (text after it makes
 * a "missing word" question with a {@code _____} blank), {@code ####} general feedback. The
 * answer block decides the type: a leading {@code #} is numerical, any {@code ~} multiple
 * choice, {@code =a -> b} matching, {@code T}/{@code F} true/false, otherwise short answer.
 */
final class GiftQuestionReader {

    /** What Moodle puts where the answers stood in a missing-word question. */
    private static final String BLANK = "_____";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Map<String, TextFormat> FORMATS = Map.of("[html]", TextFormat.HTML,
            "[moodle]", TextFormat.MOODLE, "[markdown]", TextFormat.MARKDOWN, "[plain]", TextFormat.PLAIN);
    private static final List<String> TRUE_WORDS = List.of("T", "TRUE");
    private static final List<String> FALSE_WORDS = List.of("F", "FALSE");

    private final GiftBlock block;

    private String title = "";
    private TextFormat format = TextFormat.MOODLE;
    private String generalFeedback = "";

    GiftQuestionReader(GiftBlock block) {
        this.block = block;
    }

    /** One answer inside the braces: the marker ({@code =} or {@code ~}) at {@code start - 1}. */
    private record Segment(char marker, int start, int end) {
    }

    /** An answer's weight (null when none was written), text and feedback. */
    private record Answer(Double fraction, String text, String feedback, int line) {
    }

    Question read() throws GiftSyntaxError {
        int end = block.length();
        int position = readTitle(block.skipWhiteSpace(0, end), end);
        position = readFormat(block.skipWhiteSpace(position, end));
        int open = block.find("{", position, end);
        if (open < 0) {
            throw new GiftSyntaxError(block.lineAt(0), "training.gift.no-answer-block");
        }
        int close = block.find("}", open + 1, end);
        if (close < 0) {
            throw new GiftSyntaxError(block.lineAt(open), "training.gift.unclosed-brace");
        }
        int nested = block.find("{", open + 1, close);
        if (nested >= 0) {
            throw new GiftSyntaxError(block.lineAt(nested), "training.gift.nested-brace");
        }
        int another = block.find("{", close + 1, end);
        if (another >= 0) {
            throw new GiftSyntaxError(block.lineAt(another), "training.gift.several-answer-blocks");
        }
        String after = block.text(close + 1, end);
        String text = block.text(position, open) + (after.isBlank() ? "" : BLANK + after);
        int answersEnd = block.find("####", open + 1, close);
        if (answersEnd < 0) {
            answersEnd = close;
        } else {
            generalFeedback = block.text(answersEnd + 4, close);
        }
        return readAnswers(text, open, answersEnd);
    }

    private int readTitle(int position, int end) throws GiftSyntaxError {
        if (!block.isSyntax(position, "::")) {
            return position;
        }
        int close = block.find("::", position + 2, end);
        if (close < 0) {
            throw new GiftSyntaxError(block.lineAt(position), "training.gift.unclosed-title");
        }
        title = block.text(position + 2, close);
        return close + 2;
    }

    private int readFormat(int position) {
        if (block.isSyntax(position, '[')) {
            for (Map.Entry<String, TextFormat> entry : FORMATS.entrySet()) {
                String name = entry.getKey();
                if (position + name.length() <= block.length()
                        && block.text(position, position + name.length()).equalsIgnoreCase(name)) {
                    format = entry.getValue();
                    return position + name.length();
                }
            }
        }
        return position;
    }

    private Question readAnswers(String text, int open, int end) throws GiftSyntaxError {
        int first = block.skipWhiteSpace(open + 1, end);
        if (first == end) {
            throw new GiftSyntaxError(block.lineAt(open), "training.gift.no-answers");
        }
        if (block.isSyntax(first, '#')) {
            return numerical(text, first + 1, end);
        }
        if (block.find("~", first, end) >= 0) {
            return choice(text, first, end);
        }
        if (block.find("=", first, end) >= 0 && block.text(first, end).contains("->")) {
            return matching(text, first, end);
        }
        String head = block.text(first, found(block.find("#", first, end), end)).strip().toUpperCase(Locale.ROOT);
        if (TRUE_WORDS.contains(head) || FALSE_WORDS.contains(head)) {
            return trueFalse(text, head, first, end);
        }
        return shortAnswer(text, first, end);
    }

    private Prompt prompt(String text) {
        return new Prompt(title, text, format, generalFeedback);
    }

    private Question choice(String text, int from, int end) throws GiftSyntaxError {
        List<Segment> segments = split(from, end, "=~");
        boolean single = segments.stream().anyMatch(segment -> segment.marker() == '=');
        List<Choice> choices = new ArrayList<>();
        for (Segment segment : segments) {
            Answer answer = answer(segment);
            double defaultFraction = segment.marker() == '=' ? 1 : 0;
            choices.add(new Choice(answer.text(), orDefault(answer.fraction(), defaultFraction), answer.feedback()));
        }
        return new ChoiceQuestion(prompt(text), single, choices);
    }

    private Question trueFalse(String text, String head, int from, int end) {
        boolean correct = TRUE_WORDS.contains(head);
        // Moodle: {T#shown when wrong#shown when right}
        int firstHash = block.find("#", from, end);
        int secondHash = firstHash < 0 ? -1 : block.find("#", firstHash + 1, end);
        String wrong = firstHash < 0 ? "" : block.text(firstHash + 1, found(secondHash, end));
        String right = secondHash < 0 ? "" : block.text(secondHash + 1, end);
        return correct ? new TrueFalseQuestion(prompt(text), true, right, wrong)
                : new TrueFalseQuestion(prompt(text), false, wrong, right);
    }

    private Question shortAnswer(String text, int from, int end) throws GiftSyntaxError {
        List<TextAnswer> answers = new ArrayList<>();
        for (Segment segment : split(from, end, "=")) {
            Answer answer = answer(segment);
            answers.add(new TextAnswer(answer.text(), orDefault(answer.fraction(), 1), answer.feedback()));
        }
        return new ShortAnswerQuestion(prompt(text), false, false, answers);
    }

    private Question matching(String text, int from, int end) throws GiftSyntaxError {
        List<MatchPair> pairs = new ArrayList<>();
        for (Segment segment : split(from, end, "=")) {
            String pair = block.text(segment.start(), segment.end());
            int arrow = pair.indexOf("->");
            if (arrow < 0) {
                throw new GiftSyntaxError(block.lineAt(segment.start()), "training.gift.matching-arrow",
                        pair.strip());
            }
            pairs.add(new MatchPair(pair.substring(0, arrow), pair.substring(arrow + 2)));
        }
        return new MatchingQuestion(prompt(text), pairs);
    }

    private Question numerical(String text, int from, int end) throws GiftSyntaxError {
        List<NumericAnswer> answers = new ArrayList<>();
        if (block.find("=", from, end) < 0) {
            answers.add(numericAnswer(new Segment('=', from, end)));
        } else {
            for (Segment segment : split(from, end, "=")) {
                answers.add(numericAnswer(segment));
            }
        }
        return new NumericalQuestion(prompt(text), answers);
    }

    private NumericAnswer numericAnswer(Segment segment) throws GiftSyntaxError {
        Answer answer = answer(segment);
        String value = answer.text();
        double fraction = orDefault(answer.fraction(), 1);
        int range = value.indexOf("..");
        if (range >= 0) {
            double min = number(value.substring(0, range), answer.line());
            double max = number(value.substring(range + 2), answer.line());
            if (min > max) {
                throw new GiftSyntaxError(answer.line(), "training.gift.bad-range", value);
            }
            return new NumericAnswer((min + max) / 2, (max - min) / 2, fraction, answer.feedback());
        }
        int colon = value.indexOf(':');
        double tolerance = colon < 0 ? 0 : number(value.substring(colon + 1), answer.line());
        return new NumericAnswer(number(colon < 0 ? value : value.substring(0, colon), answer.line()), tolerance,
                fraction, answer.feedback());
    }

    private static double number(String text, int line) throws GiftSyntaxError {
        String candidate = text.strip();
        if (!NUMBER.matcher(candidate).matches()) {
            throw new GiftSyntaxError(line, "training.gift.bad-number", candidate);
        }
        return Double.parseDouble(candidate);
    }

    /** Splits [from, to) at unescaped markers; only white space may stand before the first one. */
    private List<Segment> split(int from, int to, String markers) throws GiftSyntaxError {
        int first = block.skipWhiteSpace(from, to);
        if (first < to && !isMarker(first, markers)) {
            throw new GiftSyntaxError(block.lineAt(first), "training.gift.answer-marker-expected",
                    block.text(first, to).strip());
        }
        List<Segment> segments = new ArrayList<>();
        int start = first;
        for (int i = first + 1; i <= to; i++) {
            if (i == to || isMarker(i, markers)) {
                segments.add(new Segment(block.charAt(start), start + 1, i));
                start = i;
            }
        }
        return segments;
    }

    private boolean isMarker(int index, String markers) {
        for (int i = 0; i < markers.length(); i++) {
            if (block.isSyntax(index, markers.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Reads {@code %weight%text#feedback} of one answer. */
    private Answer answer(Segment segment) throws GiftSyntaxError {
        int line = block.lineAt(segment.start() - 1);
        int position = block.skipWhiteSpace(segment.start(), segment.end());
        Double fraction = null;
        if (block.isSyntax(position, '%')) {
            int close = block.find("%", position + 1, segment.end());
            String weight = block.text(position + 1, found(close, segment.end())).strip();
            if (close < 0 || !NUMBER.matcher(weight).matches()) {
                throw new GiftSyntaxError(line, "training.gift.bad-weight", weight);
            }
            fraction = new BigDecimal(weight).movePointLeft(2).doubleValue();
            position = close + 1;
        }
        int hash = block.find("#", position, segment.end());
        String text = block.text(position, found(hash, segment.end()));
        String feedback = hash < 0 ? "" : block.text(hash + 1, segment.end());
        return new Answer(fraction, text.strip(), feedback, line);
    }

    private static int found(int index, int otherwise) {
        return index < 0 ? otherwise : index;
    }

    private static double orDefault(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }
}
