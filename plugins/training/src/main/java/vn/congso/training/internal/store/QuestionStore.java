package vn.congso.training.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congso.training.internal.question.Choice;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericAnswer;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Prompt;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.QuestionType;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextAnswer;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * Questions in the columns of {@code trn_question_version} and one {@code trn_question_part} row
 * per option, accepted answer or matching pair. A version is never changed once written, so
 * versions read are cached.
 */
public final class QuestionStore {

    private static final int CACHE_SIZE = 2_000;

    /** Identifies one immutable version of a question. */
    private record Key(long questionId, int version) {
    }

    private final Map<Key, Question> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Question> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    /**
     * Writes one version of a question.
     *
     * @param c the connection
     * @param questionId the question
     * @param version its version number
     * @param question the content
     * @param now the time
     * @throws SQLException on database errors
     */
    public void writeVersion(Connection c, long questionId, int version, Question question, Instant now)
            throws SQLException {
        Prompt p = question.prompt();
        Object correct = Jdbc.Null.BOOLEAN;
        Object feedbackTrue = Jdbc.Null.CLOB;
        Object feedbackFalse = Jdbc.Null.CLOB;
        boolean caseSensitive = false;
        boolean ignoreDiacritics = false;
        if (question instanceof TrueFalseQuestion tf) {
            correct = tf.correctAnswer();
            feedbackTrue = tf.feedbackTrue();
            feedbackFalse = tf.feedbackFalse();
        } else if (question instanceof ShortAnswerQuestion sa) {
            caseSensitive = sa.caseSensitive();
            ignoreDiacritics = sa.ignoreDiacritics();
        }
        Jdbc.update(c, "INSERT INTO trn_question_version (question_id, version, qtype, title, body, text_format,"
                + " general_feedback, correct_answer, feedback_true, feedback_false, case_sensitive,"
                + " ignore_diacritics, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                questionId, version, question.type(), truncate(p.title(), 255), p.text(), p.format(),
                p.generalFeedback(), correct, feedbackTrue, feedbackFalse, caseSensitive, ignoreDiacritics, now);
        int position = 0;
        for (Part part : parts(question)) {
            Jdbc.update(c, "INSERT INTO trn_question_part (question_id, version, position, text, fraction, feedback,"
                    + " num_value, num_tolerance, match_item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    questionId, version, position++, part.text, part.fraction, part.feedback,
                    part.value == null ? Jdbc.Null.DOUBLE : part.value,
                    part.tolerance == null ? Jdbc.Null.DOUBLE : part.tolerance,
                    part.item == null ? Jdbc.Null.CLOB : part.item);
        }
    }

    /**
     * Reads one version of a question.
     *
     * @param c the connection
     * @param questionId the question
     * @param version the version
     * @return the question, or null when there is no such version
     * @throws SQLException on database errors
     */
    public Question read(Connection c, long questionId, int version) throws SQLException {
        Key key = new Key(questionId, version);
        Question cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Question question = Jdbc.one(c, "SELECT * FROM trn_question_version WHERE question_id = ? AND version = ?",
                rs -> assemble(c, rs, questionId, version), questionId, version);
        if (question != null) {
            cache.put(key, question);
        }
        return question;
    }

    private static Question assemble(Connection c, ResultSet rs, long questionId, int version) throws SQLException {
        QuestionType type = QuestionType.valueOf(rs.getString("qtype"));
        Prompt prompt = new Prompt(rs.getString("title"), rs.getString("body"),
                TextFormat.valueOf(rs.getString("text_format")), rs.getString("general_feedback"));
        boolean correct = rs.getBoolean("correct_answer");
        String feedbackTrue = rs.getString("feedback_true");
        String feedbackFalse = rs.getString("feedback_false");
        boolean caseSensitive = rs.getBoolean("case_sensitive");
        boolean ignoreDiacritics = rs.getBoolean("ignore_diacritics");
        List<Part> parts = Jdbc.list(c, "SELECT * FROM trn_question_part WHERE question_id = ? AND version = ?"
                + " ORDER BY position", r -> new Part(r.getString("text"), r.getDouble("fraction"),
                        r.getString("feedback"), Jdbc.nullableDouble(r, "num_value"),
                        Jdbc.nullableDouble(r, "num_tolerance"), r.getString("match_item")),
                questionId, version);
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new ChoiceQuestion(prompt, type == QuestionType.SINGLE_CHOICE,
                    parts.stream().map(p -> new Choice(p.text, p.fraction, p.feedback)).toList());
            case TRUE_FALSE -> new TrueFalseQuestion(prompt, correct, feedbackTrue, feedbackFalse);
            case SHORT_ANSWER -> new ShortAnswerQuestion(prompt, caseSensitive, ignoreDiacritics,
                    parts.stream().map(p -> new TextAnswer(p.text, p.fraction, p.feedback)).toList());
            case NUMERICAL -> new NumericalQuestion(prompt, parts.stream()
                    .map(p -> new NumericAnswer(p.value, p.tolerance, p.fraction, p.feedback)).toList());
            case MATCHING -> new MatchingQuestion(prompt,
                    parts.stream().map(p -> new MatchPair(p.item, p.text)).toList());
        };
    }

    /** One part row; unused columns are null. */
    private record Part(String text, double fraction, String feedback, Double value, Double tolerance, String item) {
    }

    private static List<Part> parts(Question question) {
        List<Part> parts = new ArrayList<>();
        if (question instanceof ChoiceQuestion q) {
            q.choices().forEach(ch -> parts.add(new Part(ch.text(), ch.fraction(), ch.feedback(), null, null, null)));
        } else if (question instanceof ShortAnswerQuestion q) {
            q.answers().forEach(a -> parts.add(new Part(a.text(), a.fraction(), a.feedback(), null, null, null)));
        } else if (question instanceof NumericalQuestion q) {
            q.answers().forEach(a -> parts.add(new Part("", a.fraction(), a.feedback(), a.value(), a.tolerance(),
                    null)));
        } else if (question instanceof MatchingQuestion q) {
            q.pairs().forEach(pair -> parts.add(new Part(pair.answer(), 0, "", null, null, pair.item())));
        }
        return parts;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
