package vn.congso.publishing.internal.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The rules of the editorial workflow, without storage: what may happen to an article, and by whom. */
public final class Workflow {

    private Workflow() {
    }

    /**
     * Whether a step may leave from a state.
     *
     * @param transition the step
     * @param state the article's state
     * @return whether the step exists from there
     */
    public static boolean allowed(Transition transition, ArticleState state) {
        return transition.from().contains(state);
    }

    /**
     * The state a step reaches: publishing with a publication time after {@code now} schedules.
     *
     * @param transition the step
     * @param publishAt the article's publication time, may be null
     * @param now the present
     * @return the state reached
     */
    public static ArticleState target(Transition transition, Instant publishAt, Instant now) {
        if (transition == Transition.PUBLISH && publishAt != null && publishAt.isAfter(now)) {
            return ArticleState.SCHEDULED;
        }
        return transition.to();
    }

    /**
     * The steps a person holding some permissions may take from a state (the buttons shown).
     *
     * @param state the article's state
     * @param permitted whether the person holds a permission
     * @return the steps, in declaration order
     */
    public static List<Transition> available(ArticleState state, Predicate<String> permitted) {
        List<Transition> steps = new ArrayList<>();
        for (Transition t : Transition.values()) {
            if (allowed(t, state) && permitted.test(t.permission())) {
                steps.add(t);
            }
        }
        return steps;
    }

    /**
     * Whether the content of an article in this state may be edited: not while a reviewer looks
     * at it, and a published or scheduled article is edited by reopening a draft of it only after
     * archiving (the public never sees an unreviewed change).
     *
     * @param state the state
     * @return whether saving is allowed
     */
    public static boolean editable(ArticleState state) {
        return state == ArticleState.DRAFT;
    }
}
