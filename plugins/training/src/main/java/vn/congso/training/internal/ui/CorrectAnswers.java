package vn.congso.training.internal.ui;

import java.util.ArrayList;
import java.util.List;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

/** The right answer of a question, as safe HTML for the review and the trainer's preview. */
final class CorrectAnswers {

    private CorrectAnswers() {
    }

    /**
     * Describes the full-mark answers.
     *
     * @param ui texts
     * @param question the question
     * @return safe HTML, one answer per list item
     */
    static String html(Ui ui, Question question) {
        TextFormat format = question.prompt().format();
        List<String> parts = new ArrayList<>();
        if (question instanceof ChoiceQuestion choice) {
            for (Choice option : choice.choices()) {
                if (option.fraction() > 0) {
                    String weight = option.fraction() >= 1 - 1e-9 ? "" : " (" + ui.percent(option.fraction() * 100) + ")";
                    parts.add(SafeHtml.inline(option.text(), format) + escape(weight));
                }
            }
        } else if (question instanceof TrueFalseQuestion truth) {
            parts.add(escape(ui.t(truth.correctAnswer() ? "training.ui.question.true" : "training.ui.question.false")));
        } else if (question instanceof ShortAnswerQuestion shortAnswer) {
            for (TextAnswer answer : shortAnswer.answers()) {
                if (answer.fraction() > 0) {
                    String weight = answer.fraction() >= 1 - 1e-9 ? "" : " (" + ui.percent(answer.fraction() * 100) + ")";
                    parts.add(escape(answer.text() + weight));
                }
            }
        } else if (question instanceof NumericalQuestion numerical) {
            for (NumericAnswer answer : numerical.answers()) {
                if (answer.fraction() > 0) {
                    String value = Formats.mark(answer.value(), ui.locale())
                            + (answer.tolerance() > 0 ? " ± " + Formats.mark(answer.tolerance(), ui.locale()) : "");
                    String weight = answer.fraction() >= 1 - 1e-9 ? "" : " (" + ui.percent(answer.fraction() * 100) + ")";
                    parts.add(escape(value + weight));
                }
            }
        } else if (question instanceof MatchingQuestion matching) {
            for (MatchPair pair : matching.pairs()) {
                if (!pair.isDistractor()) {
                    parts.add(escape(pair.item() + " → " + pair.answer()));
                }
            }
        }
        StringBuilder html = new StringBuilder("<ul>");
        parts.forEach(p -> html.append("<li>").append(p).append("</li>"));
        return html.append("</ul>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
