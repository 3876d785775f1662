package vn.congso.training.internal.question;

/**
 * One item of a matching question and its answer. An item with an empty text is a distractor:
 * its answer is offered in every list but belongs to no item.
 *
 * @param item what the learner has to match, empty for a distractor
 * @param answer the right answer for it
 */
public record MatchPair(String item, String answer) {

    /** Normalises the texts. */
    public MatchPair {
        item = Texts.clean(item);
        answer = Texts.clean(answer);
    }

    /** @return whether this pair only adds a wrong answer to choose from */
    public boolean isDistractor() {
        return item.isEmpty();
    }
}
