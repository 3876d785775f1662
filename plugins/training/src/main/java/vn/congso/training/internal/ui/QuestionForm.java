package vn.congso.training.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import vn.congso.api.text.NumberInput;
import vn.congso.training.internal.question.ChoiceQuestion;
import vn.congso.training.internal.question.MatchPair;
import vn.congso.training.internal.question.MatchingQuestion;
import vn.congso.training.internal.question.NumericalQuestion;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.ShortAnswerQuestion;
import vn.congso.training.internal.question.TextFormat;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * One question as the learner sees it: the text (safe HTML) and the input its type needs —
 * radio buttons, check boxes, true/false, a text or number field, or one select per item of a
 * matching question — with options in the order the attempt stored. Every change by the
 * learner is handed to a listener as a {@link Response} (null when the answer was cleared);
 * the same form shows a saved response on reload and serves as the trainer's preview.
 */
final class QuestionForm extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** A typed answer is saved once the learner pauses this long, and again on leaving the field. */
    private static final int TYPING_PAUSE_MS = 700;

    private final transient Question question;
    private final transient List<Integer> order;
    private final transient Consumer<Response> onChange;
    private final List<Component> inputs = new ArrayList<>();
    private final transient Map<Integer, Select<String>> matchSelects = new HashMap<>();
    private transient Response current;

    /**
     * Builds the form.
     *
     * @param ui texts
     * @param idPrefix prefix of the inputs' ids, for instance {@code exam} or {@code preview}
     * @param question the question
     * @param order for each displayed place, the stored index of the option shown there; null
     *     for the stored order
     * @param saved the response saved so far, null when none
     * @param onChange called with each change the learner makes; may be null for a read-only view
     */
    QuestionForm(Ui ui, String idPrefix, Question question, List<Integer> order, Response saved,
            Consumer<Response> onChange) {
        this.question = question;
        this.onChange = onChange;
        this.current = saved;
        setPadding(false);
        setSpacing(true);
        addClassName("training-question");
        TextFormat format = question.prompt().format();
        SafeHtml text = new SafeHtml().text(question.prompt().text(), format);
        text.setId(idPrefix + "-text");
        add(text);
        int options = optionCount(question);
        this.order = order != null && order.size() == options ? List.copyOf(order)
                : IntStream.range(0, options).boxed().toList();

        if (question instanceof ChoiceQuestion choice) {
            add(choice.single() ? single(ui, idPrefix, choice, saved) : multiple(ui, idPrefix, choice, saved));
        } else if (question instanceof TrueFalseQuestion) {
            add(trueFalse(ui, idPrefix, saved));
        } else if (question instanceof ShortAnswerQuestion) {
            add(shortAnswer(ui, idPrefix, saved));
        } else if (question instanceof NumericalQuestion) {
            add(numerical(ui, idPrefix, saved));
        } else if (question instanceof MatchingQuestion matching) {
            add(matching(ui, idPrefix, matching, saved));
        }
    }

    /** @return how many options the attempt shuffles for a question: choices, or a matching question's answers */
    static int optionCount(Question question) {
        if (question instanceof ChoiceQuestion choice) {
            return choice.choices().size();
        }
        if (question instanceof MatchingQuestion matching) {
            return matching.answerOptions().size();
        }
        return 0;
    }

    /** @return the response on screen, null when none */
    Response response() {
        return current;
    }

    /** Locks the inputs, for a submitted attempt or a review, without the typing hints. */
    void lock() {
        inputs.forEach(input -> {
            if (input instanceof com.vaadin.flow.component.HasValue<?, ?> value) {
                value.setReadOnly(true);
            }
            if (input instanceof com.vaadin.flow.component.HasHelper helper) {
                helper.setHelperText(null);
            }
        });
    }

    private void changed(Response response) {
        current = response;
        if (onChange != null) {
            onChange.accept(response);
        }
    }

    private Component single(Ui ui, String idPrefix, ChoiceQuestion choice, Response saved) {
        RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
        group.setId(idPrefix + "-answer");
        group.setAriaLabel(ui.t("training.ui.question.choose-one"));
        group.setHelperText(ui.t("training.ui.question.choose-one"));
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItems(order);
        group.setRenderer(new ComponentRenderer<>(index -> optionLabel(choice.choices().get(index).text(),
                choice.prompt().format())));
        if (saved instanceof Response.Selection selection && selection.choices().size() == 1) {
            group.setValue(selection.choices().iterator().next());
        }
        group.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed(e.getValue() == null ? null : new Response.Selection(Set.of(e.getValue())));
            }
        });
        inputs.add(group);
        return group;
    }

    private Component multiple(Ui ui, String idPrefix, ChoiceQuestion choice, Response saved) {
        CheckboxGroup<Integer> group = new CheckboxGroup<>();
        group.setId(idPrefix + "-answer");
        group.setAriaLabel(ui.t("training.ui.question.choose-many"));
        group.setHelperText(ui.t("training.ui.question.choose-many"));
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.setItems(order);
        group.setRenderer(new ComponentRenderer<>(index -> optionLabel(choice.choices().get(index).text(),
                choice.prompt().format())));
        if (saved instanceof Response.Selection selection) {
            group.setValue(selection.choices());
        }
        group.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed(e.getValue().isEmpty() ? null : new Response.Selection(e.getValue()));
            }
        });
        inputs.add(group);
        return group;
    }

    private Component trueFalse(Ui ui, String idPrefix, Response saved) {
        RadioButtonGroup<Boolean> group = new RadioButtonGroup<>();
        group.setId(idPrefix + "-answer");
        group.setAriaLabel(ui.t("training.ui.question.true-or-false"));
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItems(Boolean.TRUE, Boolean.FALSE);
        group.setItemLabelGenerator(v -> ui.t(v ? "training.ui.question.true" : "training.ui.question.false"));
        if (saved instanceof Response.Truth truth) {
            group.setValue(truth.value());
        }
        group.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed(e.getValue() == null ? null : new Response.Truth(e.getValue()));
            }
        });
        inputs.add(group);
        return group;
    }

    private Component shortAnswer(Ui ui, String idPrefix, Response saved) {
        TextField field = new TextField(ui.t("training.ui.question.your-answer"));
        field.setId(idPrefix + "-answer");
        field.setWidth("min(100%, 32rem)");
        field.setMaxLength(500);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TYPING_PAUSE_MS);
        if (saved instanceof Response.Text text) {
            field.setValue(text.value());
        }
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed(e.getValue().isBlank() ? null : new Response.Text(e.getValue()));
            }
        });
        inputs.add(field);
        return field;
    }

    private Component numerical(Ui ui, String idPrefix, Response saved) {
        NumberInput field = ui.number(ui.t("training.ui.question.your-number"), false);
        field.setId(idPrefix + "-answer");
        field.setHelperText(ui.t("training.ui.question.number-help"));
        field.setWidth("min(100%, 16rem)");
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TYPING_PAUSE_MS);
        if (saved instanceof Response.Number number) {
            field.setNumber(number.value());
        }
        field.addValueChangeListener(e -> {
            // text that cannot be read is shown as refused on the field and not saved: the
            // answer saved before stays, nothing becomes another number
            if (e.isFromClient() && field.check()) {
                BigDecimal value = field.getNumber();
                changed(value == null ? null : new Response.Number(value.doubleValue()));
            }
        });
        inputs.add(field);
        return field;
    }

    private Component matching(Ui ui, String idPrefix, MatchingQuestion matching, Response saved) {
        List<String> answers = matching.answerOptions();
        List<String> shown = order.stream().map(answers::get).toList();
        Map<Integer, String> chosen = saved instanceof Response.Matches matches ? matches.answers() : Map.of();
        FormLayout form = new FormLayout();
        form.setId(idPrefix + "-answer");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        List<MatchPair> pairs = matching.pairs();
        int item = 0;
        for (int i = 0; i < pairs.size(); i++) {
            MatchPair pair = pairs.get(i);
            if (pair.isDistractor()) {
                continue;
            }
            item++;
            Select<String> select = new Select<>();
            select.setId(idPrefix + "-match-" + item);
            select.setLabel(pair.item());
            select.setPlaceholder(ui.t("training.ui.question.choose"));
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(ui.t("training.ui.question.choose"));
            select.setItems(new LinkedHashSet<>(shown));
            select.setWidthFull();
            String previous = chosen.get(i);
            if (previous != null && shown.contains(previous)) {
                select.setValue(previous);
            }
            select.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    changed(matches());
                }
            });
            matchSelects.put(i, select);
            inputs.add(select);
            form.add(select);
        }
        return form;
    }

    private Response matches() {
        Map<Integer, String> answers = new HashMap<>();
        matchSelects.forEach((index, select) -> {
            if (select.getValue() != null && !select.getValue().isBlank()) {
                answers.put(index, select.getValue());
            }
        });
        return answers.isEmpty() ? null : new Response.Matches(answers);
    }

    private static Component optionLabel(String text, TextFormat format) {
        Span label = new Span();
        label.getElement().setProperty("innerHTML", SafeHtml.inline(text, format));
        return label;
    }
}
