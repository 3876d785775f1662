package vn.congso.training.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
        title.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "0 0 var(--lumo-space-s) 0");
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(2.5rem, 1fr))")
                .set("gap", "var(--lumo-space-xs)");
        for (int i = 0; i < count; i++) {
            int position = i;
            Button button = new Button(String.valueOf(i + 1), e -> onSelect.accept(position));
            button.setId("exam-nav-" + (i + 1));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.getStyle().set("min-width", "0").set("width", "100%").set("padding", "0").set("margin", "0")
                    .set("font-variant-numeric", "tabular-nums");
            buttons.add(button);
            grid.add(button);
        }
        Div legend = new Div(legendItem("var(--lumo-success-color)", ui.t("training.ui.exam.answered")),
                legendItem("var(--lumo-contrast-30pct)", ui.t("training.ui.exam.unanswered")),
                legendItem("var(--lumo-warning-color, #c77d00)", ui.t("training.ui.exam.flagged")));
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-xs)");
        add(title, grid, legend);
        refresh();
    }

    private static Span legendItem(String colour, String text) {
        Span dot = new Span();
        dot.getStyle().set("display", "inline-block").set("width", "0.75em").set("height", "0.75em")
                .set("border-radius", "50%").set("background", colour).set("margin-right", "0.35em");
        Span item = new Span(dot, new Span(text));
        return item;
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
        button.getStyle().set("outline", position == current ? "3px solid var(--lumo-primary-color)" : "none")
                .set("outline-offset", "2px");
        // A flag is a thick amber bar under the number, so the number itself stays readable.
        button.getStyle().set("box-shadow", isFlagged ? "inset 0 -6px 0 var(--lumo-warning-color, #e8a100)" : "none");
        button.getElement().setAttribute("data-state", (isAnswered ? "answered" : "unanswered")
                + (isFlagged ? " flagged" : ""));
        String label = ui.t("training.ui.exam.question-n", position + 1) + ", "
                + ui.t(isAnswered ? "training.ui.exam.answered" : "training.ui.exam.unanswered")
                + (isFlagged ? ", " + ui.t("training.ui.exam.flagged") : "");
        button.setAriaLabel(label);
        button.setTooltipText(label);
        if (position == current) {
            button.getElement().setAttribute("aria-current", "step");
        } else {
            button.getElement().removeAttribute("aria-current");
        }
    }
}
