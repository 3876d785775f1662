package vn.congso.training.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import elemental.json.JsonString;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The exam's question navigation panel, as in Moodle's quiz: one button per question that shows
 * whether it is answered, flagged or the one on screen, and a legend. Buttons say their state in
 * words to screen readers, not only by colour.
 */
final class QuestionNavigator extends Div {

    private static final long serialVersionUID = 1L;

    /** The position of the question button clicked, read in the browser. */
    private static final String POSITION_DATA = "event.target.closest('[data-position]')?.dataset.position";

    private final transient Ui ui;
    private final List<Button> buttons = new ArrayList<>();
    private final Set<Integer> answered = new HashSet<>();
    private final Set<Integer> flagged = new HashSet<>();
    private int current;

    QuestionNavigator(Ui ui, int count, IntConsumer onSelect) {
        this.ui = ui;
        setId("exam-navigator");
        addClassName("training-navigator");
        getElement().setAttribute("role", "navigation");
        getElement().setAttribute("aria-label", ui.t("training.ui.exam.navigation"));
        H2 title = new H2(ui.t("training.ui.exam.navigation"));
        Div grid = new Div();
        grid.addClassName("training-navigator-grid");
        for (int i = 0; i < count; i++) {
            Button button = new Button(String.valueOf(i + 1));
            button.setId("exam-nav-" + (i + 1));
            button.getElement().setAttribute("data-position", String.valueOf(i));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            buttons.add(button);
            grid.add(button);
        }
        // One listener for every button (the click bubbles up to the grid): a click listener per
        // button would keep its own listener and copy of the click's event data in every open
        // exam UI. The position comes from the browser, so it is checked.
        grid.getElement().addEventListener("click", e -> {
            JsonValue position = e.getEventData().get(POSITION_DATA);
            if (position instanceof JsonString text && text.asString().matches("\\d{1,4}")) {
                int chosen = Integer.parseInt(text.asString());
                if (chosen < buttons.size()) {
                    onSelect.accept(chosen);
                }
            }
        }).addEventData(POSITION_DATA);
        Div legend = new Div(legendItem("answered", ui.t("training.ui.exam.answered")),
                legendItem("unanswered", ui.t("training.ui.exam.unanswered")),
                legendItem("flagged", ui.t("training.ui.exam.flagged")));
        legend.addClassName("training-legend");
        add(title, grid, legend);
        refresh();
    }

    private static Span legendItem(String state, String text) {
        Span dot = new Span();
        dot.addClassNames("training-legend-dot", state);
        return new Span(dot, new Span(text));
    }

    /** Marks a question answered or not. */
    void setAnswered(int position, boolean isAnswered) {
        if (isAnswered) {
            answered.add(position);
        } else {
            answered.remove(position);
        }
        refresh(position);
    }

    /** Marks a question flagged or not. */
    void setFlagged(int position, boolean isFlagged) {
        if (isFlagged) {
            flagged.add(position);
        } else {
            flagged.remove(position);
        }
        refresh(position);
    }

    /** @return whether the learner flagged a question */
    boolean isFlagged(int position) {
        return flagged.contains(position);
    }

    /** @return the 0-based positions flagged */
    Set<Integer> flagged() {
        return Set.copyOf(flagged);
    }

    /** Shows which question is on screen. */
    void setCurrent(int position) {
        int previous = current;
        current = position;
        refresh(previous);
        refresh(position);
    }

    private void refresh() {
        for (int i = 0; i < buttons.size(); i++) {
            refresh(i);
        }
    }

    private void refresh(int position) {
        if (position < 0 || position >= buttons.size()) {
            return;
        }
        Button button = buttons.get(position);
        boolean isAnswered = answered.contains(position);
        boolean isFlagged = flagged.contains(position);
        button.removeThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY,
                ButtonVariant.LUMO_CONTRAST);
        if (isAnswered) {
            button.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        } else {
            button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        }
        // The outline of the question on screen and the amber bar of a flag come from the plugin's
        // styles.css, by aria-current and data-state.
        button.getElement().setAttribute("data-state", (isAnswered ? "answered" : "unanswered")
                + (isFlagged ? " flagged" : ""));
        String label = ui.t("training.ui.exam.question-n", position + 1) + ", "
                + ui.t(isAnswered ? "training.ui.exam.answered" : "training.ui.exam.unanswered")
                + (isFlagged ? ", " + ui.t("training.ui.exam.flagged") : "");
        button.setAriaLabel(label);
        // A native tooltip: a Vaadin tooltip would add an element per button to every exam UI.
        button.getElement().setAttribute("title", label);
        if (position == current) {
            button.getElement().setAttribute("aria-current", "step");
        } else {
            button.getElement().removeAttribute("aria-current");
        }
    }
}
