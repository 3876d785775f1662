package vn.congso.training.internal.question;

import java.util.Map;
import java.util.Set;

/** What a learner answered to one question. A question scores an unanswered question as zero. */
public sealed interface Response {

    /**
     * The options chosen in a choice question.
     *
     * @param choices indexes into the question's {@code choices()}, in stored (not displayed) order
     */
    record Selection(Set<Integer> choices) implements Response {
        /** Copies the indexes. */
        public Selection {
            choices = Set.copyOf(choices);
        }
    }

    /**
     * The answer to a true/false question.
     *
     * @param value the learner's answer
     */
    record Truth(boolean value) implements Response {
    }

    /**
     * A typed answer to a short-answer question.
     *
     * @param value what was typed
     */
    record Text(String value) implements Response {
    }

    /**
     * A typed answer to a numerical question, already parsed by the view.
     *
     * @param value the number
     */
    record Number(double value) implements Response {
    }

    /**
     * The answers chosen in a matching question.
     *
     * @param answers index of each item in the question's {@code pairs()} mapped to the answer
     *     text chosen for it; items left unanswered are absent
     */
    record Matches(Map<Integer, String> answers) implements Response {
        /** Copies the answers. */
        public Matches {
            answers = Map.copyOf(answers);
        }
    }
}
