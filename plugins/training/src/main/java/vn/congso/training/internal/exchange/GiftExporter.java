package vn.congso.training.internal.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
 * Writes questions as Moodle GIFT that {@link GiftParser} (and Moodle) read back to equal
 * questions. GIFT cannot say that a short answer is case-sensitive or ignores diacritics; those
 * two settings are not exported.
 */
public final class GiftExporter {

    /** Characters GIFT gives a meaning, escaped with a backslash in text. */
    private static final String SPECIAL = "\\~=#{}:";

    /**
     * Exports questions; a {@code $CATEGORY:} line precedes each run of questions of one category.
     *
     * @param questions the questions with their categories, in order
     * @return the GIFT text
     */
    public String export(List<ImportedQuestion> questions) {
        StringBuilder out = new StringBuilder();
        String category = "";
        for (ImportedQuestion imported : questions) {
            if (!imported.category().equals(category)) {
                category = imported.category();
                out.append("$CATEGORY: ").append(category).append("\n\n");
            }
            write(imported.question(), out);
            out.append("\n\n");
        }
        return out.toString();
    }

    private static void write(Question question, StringBuilder out) {
        Prompt prompt = question.prompt();
        if (!prompt.title().isEmpty()) {
            out.append("::").append(escape(prompt.title())).append("::");
        }
        if (prompt.format() != TextFormat.MOODLE) {
            out.append('[').append(prompt.format().name().toLowerCase(Locale.ROOT)).append(']');
        }
        out.append(escape(prompt.text())).append(" {");
        int answersStart = out.length();
        if (question instanceof ChoiceQuestion choice) {
            choices(choice, out);
        } else if (question instanceof TrueFalseQuestion trueFalse) {
            trueFalse(trueFalse, out);
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            shortAnswers(shortAnswer, out);
        } else if (question instanceof NumericalQuestion numerical) {
            numbers(numerical, out);
        } else if (question instanceof MatchingQuestion matching) {
            pairs(matching, out);
        }
        if (!prompt.generalFeedback().isEmpty()) {
            out.append("\n\t####").append(escape(prompt.generalFeedback()));
        }
        out.append(out.indexOf("\n", answersStart) >= 0 ? "\n}" : "}");
    }

    private static void choices(ChoiceQuestion question, StringBuilder out) {
        // One "=" marks a single-choice question; further full-mark options are written "~%100%"
        // so that the answers always hold a "~" and never read as a short answer.
        boolean equalsWritten = false;
        for (Choice choice : question.choices()) {
            boolean correct = question.single() && choice.fraction() == 1 && !equalsWritten;
            equalsWritten |= correct;
            out.append("\n\t").append(correct ? '=' : '~');
            if (!correct && choice.fraction() != 0) {
                out.append(weight(choice.fraction()));
            }
            out.append(escape(choice.text())).append(feedback(choice.feedback()));
        }
    }

    private static void trueFalse(TrueFalseQuestion question, StringBuilder out) {
        boolean correct = question.correctAnswer();
        String right = correct ? question.feedbackTrue() : question.feedbackFalse();
        String wrong = correct ? question.feedbackFalse() : question.feedbackTrue();
        out.append(correct ? "TRUE" : "FALSE");
        if (!right.isEmpty() || !wrong.isEmpty()) {
            out.append('#').append(escape(wrong)).append('#').append(escape(right));
        }
    }

    private static void shortAnswers(ShortAnswerQuestion question, StringBuilder out) {
        for (TextAnswer answer : question.answers()) {
            out.append("\n\t=");
            if (answer.fraction() != 1) {
                out.append(weight(answer.fraction()));
            }
            out.append(escape(answer.text())).append(feedback(answer.feedback()));
        }
    }

    private static void numbers(NumericalQuestion question, StringBuilder out) {
        out.append('#');
        List<NumericAnswer> answers = question.answers();
        if (answers.size() == 1 && answers.get(0).fraction() == 1) {
            out.append(number(answers.get(0))).append(feedback(answers.get(0).feedback()));
            return;
        }
        for (NumericAnswer answer : answers) {
            out.append("\n\t=").append(weight(answer.fraction())).append(number(answer))
                    .append(feedback(answer.feedback()));
        }
    }

    private static void pairs(MatchingQuestion question, StringBuilder out) {
        for (MatchPair pair : question.pairs()) {
            out.append("\n\t=").append(escape(pair.item())).append(" -> ").append(escape(pair.answer()));
        }
    }

    private static String number(NumericAnswer answer) {
        return plain(answer.value()) + ':' + plain(answer.tolerance());
    }

    private static String weight(double fraction) {
        return '%' + BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + '%';
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String feedback(String feedback) {
        return feedback.isEmpty() ? "" : "#" + escape(feedback);
    }

    /** Escapes GIFT's special characters and writes line breaks as {@code \n}. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c != '\r') {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
