package vn.congso.training.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.congso.api.text.NumberInput;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TextLimits;
import vn.congso.training.internal.TrainingException;
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
 * The editor of one question, its fields depending on the type, with the question's own
 * validation shown on the fields (and the rules about answers listed under them) and a preview
 * exactly as the learner will see it.
 */
final class QuestionEditor extends Dialog {

    private static final long serialVersionUID = 1L;

    /** Saves a question: category path and content; throws the service's refusal. */
    interface Saver {
        void save(String category, Question question);
    }

    private final transient Ui ui;
    private final QuestionType type;
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField title = new TextField();
    private final TextArea text = new TextArea();
    private final Select<TextFormat> format = new Select<>();
    private final TextArea generalFeedback = new TextArea();
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> answerRows = new ArrayList<>();
    private final Checkbox caseSensitive = new Checkbox();
    private final Checkbox ignoreDiacritics = new Checkbox();
    private final RadioButtonGroup<Boolean> truth = new RadioButtonGroup<>();
    private final TextField feedbackTrue = new TextField();
    private final TextField feedbackFalse = new TextField();
    private final UnorderedList errors = new UnorderedList();
    private final Div preview = new Div();

    /** One answer row: the fields its type needs. */
    private static final class Row {
        TextField text;
        NumberInput number;
        NumberInput tolerance;
        NumberInput weight;
        TextField feedback;
        TextField item;
        HorizontalLayout layout;
    }

    QuestionEditor(Ui ui, QuestionType type, List<String> categories, String categoryPath, Question existing,
            Saver saver) {
        this.ui = ui;
        this.type = type;
        setId("question-dialog");
        setHeaderTitle(ui.t(existing == null ? "training.ui.question.new" : "training.ui.question.edit")
                + " · " + ui.name("training.ui.question.type", type.name()));
        setWidth("min(80rem, 98vw)");

        category.setLabel(ui.t("training.ui.question.category"));
        category.setId("question-category");
        category.setItems(categories);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        category.setValue(categoryPath);
        category.setWidthFull();
        category.setRequiredIndicatorVisible(true);
        title.setLabel(ui.t("training.ui.question.title"));
        title.setId("question-title");
        title.setWidthFull();
        title.setMaxLength(TextLimits.QUESTION_NAME);
        text.setLabel(ui.t("training.ui.question.text"));
        text.setId("question-text");
        text.setWidthFull();
        text.setMinHeight("7rem");
        text.setMaxLength(TextLimits.QUESTION_TEXT);
        text.setRequiredIndicatorVisible(true);
        format.setLabel(ui.t("training.ui.question.format"));
        format.setId("question-format");
        format.setItems(TextFormat.values());
        format.setItemLabelGenerator(f -> ui.name("training.ui.question.format", f.name()));
        format.setValue(TextFormat.MOODLE);
        format.setWidth("min(20rem, 100%)");
        generalFeedback.setLabel(ui.t("training.ui.question.general-feedback"));
        generalFeedback.setId("question-general-feedback");
        generalFeedback.setWidthFull();
        generalFeedback.setMaxLength(TextLimits.QUESTION_TEXT);

        rows.setPadding(false);
        rows.setSpacing(false);
        rows.setId("question-answers");
        errors.setId("question-errors");
        errors.addClassNames("training-error", "training-flush");

        VerticalLayout form = new VerticalLayout(category, title, text, format);
        form.setPadding(false);
        form.add(answersSection());
        form.add(errors, generalFeedback);
        form.addClassName("training-editor-form");

        H3 previewTitle = new H3(ui.t("training.ui.question.preview"));
        previewTitle.addClassName("training-flush-top");
        Button refresh = new Button(ui.t("training.ui.question.refresh-preview"), VaadinIcon.REFRESH.create(),
                e -> showPreview());
        refresh.setId("question-preview-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL);
        preview.setId("question-preview");
        Div previewBox = Widgets.card(previewTitle, Widgets.muted(ui.t("training.ui.question.preview-help")), refresh, preview);
        previewBox.addClassName("training-editor-preview");
        Div layout = new Div(form, previewBox);
        layout.addClassName("training-two-up");
        add(layout);

        if (existing != null) {
            fill(existing);
        } else {
            blank();
        }
        showPreview();

        Button save = new Button(ui.t("training.ui.common.save"), e -> {
            // a number that cannot be read is refused on its field; nothing is saved
            if (!NumberInput.checkAll(answerRows.stream()
                    .flatMap(r -> java.util.stream.Stream.of(r.number, r.tolerance, r.weight))
                    .filter(java.util.Objects::nonNull).toArray(NumberInput[]::new))) {
                return;
            }
            Question question;
            try {
                question = build();
            } catch (IllegalArgumentException ex) {
                showProblems(List.of(Problem.of("training.ui.question.incomplete")));
                return;
            }
            List<Problem> problems = new ArrayList<>(question.validate());
            String path = category.getValue() == null ? "" : category.getValue().strip();
            if (path.isEmpty()) {
                category.setInvalid(true);
                category.setErrorMessage(ui.t("training.ui.question.category-required"));
                return;
            }
            if (!problems.isEmpty()) {
                showProblems(problems);
                return;
            }
            try {
                saver.save(path, question);
                close();
            } catch (TrainingException ex) {
                showProblems(ex.problems());
            } catch (RuntimeException ex) {
                ui.refused(ex);
            }
        });
        save.setId("question-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(ui.t("training.ui.common.cancel"), e -> close());
        cancel.setId("question-cancel");
        getFooter().add(cancel, save);
    }

    private Component answersSection() {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        H3 heading = new H3(ui.t("training.ui.question.answers"));
        heading.addClassName("training-flush-bottom");
        section.add(heading);
        switch (type) {
            case TRUE_FALSE -> {
                truth.setLabel(ui.t("training.ui.question.correct-answer"));
                truth.setId("question-truth");
                truth.setItems(Boolean.TRUE, Boolean.FALSE);
                truth.setItemLabelGenerator(v -> ui.t(v ? "training.ui.question.true" : "training.ui.question.false"));
                feedbackTrue.setLabel(ui.t("training.ui.question.feedback-true"));
                feedbackTrue.setId("question-feedback-true");
                feedbackTrue.setMaxLength(TextLimits.ANSWER);
                feedbackTrue.setWidthFull();
                feedbackFalse.setLabel(ui.t("training.ui.question.feedback-false"));
                feedbackFalse.setId("question-feedback-false");
                feedbackFalse.setMaxLength(TextLimits.ANSWER);
                feedbackFalse.setWidthFull();
                section.add(truth, feedbackTrue, feedbackFalse);
                return section;
            }
            case SHORT_ANSWER -> {
                caseSensitive.setLabel(ui.t("training.ui.question.case-sensitive"));
                caseSensitive.setId("question-case-sensitive");
                ignoreDiacritics.setLabel(ui.t("training.ui.question.ignore-diacritics"));
                ignoreDiacritics.setId("question-ignore-diacritics");
                section.add(caseSensitive, ignoreDiacritics);
            }
            default -> {
                // rows only
            }
        }
        section.add(Widgets.muted(ui.name("training.ui.question.answers-help", helpKey())), rows);
        Button add = new Button(ui.t(type == QuestionType.MATCHING ? "training.ui.question.add-pair"
                : "training.ui.question.add-answer"), VaadinIcon.PLUS.create(), e -> addRow());
        add.setId("question-add-answer");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        section.add(add);
        return section;
    }

    private String helpKey() {
        return switch (type) {
            case SINGLE_CHOICE -> "single";
            case MULTIPLE_CHOICE -> "multiple";
            case SHORT_ANSWER -> "short";
            case NUMERICAL -> "numerical";
            case MATCHING -> "matching";
            case TRUE_FALSE -> "single";
        };
    }

    private Row addRow() {
        Row row = new Row();
        int n = answerRows.size() + 1;
        row.layout = new HorizontalLayout();
        row.layout.setWidthFull();
        row.layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        row.layout.addClassName("training-wrap");
        if (type == QuestionType.MATCHING) {
            row.item = field("question-item-" + n, ui.t("training.ui.question.item", n));
            row.text = field("question-answer-" + n, ui.t("training.ui.question.match", n));
            row.layout.add(row.item, row.text);
        } else if (type == QuestionType.NUMERICAL) {
            row.number = number("question-value-" + n, ui.t("training.ui.question.value", n));
            row.tolerance = number("question-tolerance-" + n, ui.t("training.ui.question.tolerance"));
            row.tolerance.setNumber(0);
            row.weight = weight(n);
            row.feedback = field("question-answer-feedback-" + n, ui.t("training.ui.question.answer-feedback"));
            row.layout.add(row.number, row.tolerance, row.weight, row.feedback);
        } else {
            row.text = field("question-answer-" + n, ui.t("training.ui.question.answer", n));
            row.weight = weight(n);
            row.feedback = field("question-answer-feedback-" + n, ui.t("training.ui.question.answer-feedback"));
            row.layout.add(row.text, row.weight, row.feedback);
        }
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            answerRows.remove(row);
            rows.remove(row.layout);
        });
        remove.setId("question-remove-" + n);
        remove.setAriaLabel(ui.t("training.ui.question.remove-answer", n));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.layout.add(remove);
        answerRows.add(row);
        rows.add(row.layout);
        return row;
    }

    private static TextField field(String id, String label) {
        TextField field = new TextField(label);
        field.setId(id);
        field.addClassName("training-answer-field");
        field.setMaxLength(TextLimits.ANSWER);
        return field;
    }

    private NumberInput number(String id, String label) {
        NumberInput field = ui.number(label, false);
        field.setId(id);
        field.setWidth("9rem");
        return field;
    }

    private NumberInput weight(int n) {
        NumberInput weight = number("question-weight-" + n, ui.t("training.ui.question.weight"));
        weight.setSuffixComponent(new Span("%"));
        weight.setNumber(0);
        weight.setWidth("7.5rem");
        return weight;
    }

    private void blank() {
        switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                for (int i = 0; i < 4; i++) {
                    addRow();
                }
                answerRows.get(0).weight.setNumber(100);
            }
            case SHORT_ANSWER, NUMERICAL -> addRow().weight.setNumber(100);
            case MATCHING -> {
                for (int i = 0; i < 3; i++) {
                    addRow();
                }
            }
            case TRUE_FALSE -> truth.setValue(Boolean.TRUE);
        }
    }

    private void fill(Question question) {
        Prompt prompt = question.prompt();
        title.setValue(prompt.title());
        text.setValue(prompt.text());
        format.setValue(prompt.format());
        generalFeedback.setValue(prompt.generalFeedback());
        if (question instanceof ChoiceQuestion choice) {
            for (Choice option : choice.choices()) {
                Row row = addRow();
                row.text.setValue(option.text());
                row.weight.setNumber(percent(option.fraction()));
                row.feedback.setValue(option.feedback());
            }
        } else if (question instanceof TrueFalseQuestion tf) {
            truth.setValue(tf.correctAnswer());
            feedbackTrue.setValue(tf.feedbackTrue());
            feedbackFalse.setValue(tf.feedbackFalse());
        } else if (question instanceof ShortAnswerQuestion sa) {
            caseSensitive.setValue(sa.caseSensitive());
            ignoreDiacritics.setValue(sa.ignoreDiacritics());
            for (TextAnswer answer : sa.answers()) {
                Row row = addRow();
                row.text.setValue(answer.text());
                row.weight.setNumber(percent(answer.fraction()));
                row.feedback.setValue(answer.feedback());
            }
        } else if (question instanceof NumericalQuestion nq) {
            for (NumericAnswer answer : nq.answers()) {
                Row row = addRow();
                row.number.setNumber(answer.value());
                row.tolerance.setNumber(answer.tolerance());
                row.weight.setNumber(percent(answer.fraction()));
                row.feedback.setValue(answer.feedback());
            }
        } else if (question instanceof MatchingQuestion mq) {
            for (MatchPair pair : mq.pairs()) {
                Row row = addRow();
                row.item.setValue(pair.item());
                row.text.setValue(pair.answer());
            }
        }
    }

    /** The question as entered; rows left entirely empty are ignored. */
    Question build() {
        Prompt prompt = new Prompt(title.getValue(), text.getValue(), format.getValue(), generalFeedback.getValue());
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new ChoiceQuestion(prompt, type == QuestionType.SINGLE_CHOICE,
                    answerRows.stream().filter(r -> !r.text.getValue().isBlank())
                            .map(r -> new Choice(r.text.getValue(), fraction(r.weight), r.feedback.getValue())).toList());
            case TRUE_FALSE -> new TrueFalseQuestion(prompt, Boolean.TRUE.equals(truth.getValue()),
                    feedbackTrue.getValue(), feedbackFalse.getValue());
            case SHORT_ANSWER -> new ShortAnswerQuestion(prompt, caseSensitive.getValue(), ignoreDiacritics.getValue(),
                    answerRows.stream().filter(r -> !r.text.getValue().isBlank())
                            .map(r -> new TextAnswer(r.text.getValue(), fraction(r.weight), r.feedback.getValue())).toList());
            case NUMERICAL -> new NumericalQuestion(prompt, answerRows.stream().filter(r -> r.number.getNumber() != null)
                    .map(r -> new NumericAnswer(r.number.getNumber().doubleValue(),
                            r.tolerance.getNumber() == null ? 0 : r.tolerance.getNumber().doubleValue(),
                            fraction(r.weight), r.feedback.getValue())).toList());
            case MATCHING -> new MatchingQuestion(prompt, answerRows.stream()
                    .filter(r -> !r.item.getValue().isBlank() || !r.text.getValue().isBlank())
                    .map(r -> new MatchPair(r.item.getValue(), r.text.getValue())).toList());
        };
    }

    /** Percent to fraction in decimal, so 33.33333 % reads back as the 0.3333333 it was, not 0.33333329999999994. */
    private static double fraction(NumberInput weight) {
        return weight.getNumber() == null ? 0 : weight.getNumber().movePointLeft(2).doubleValue();
    }

    private static double percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).doubleValue();
    }

    private void showProblems(List<Problem> problems) {
        text.setInvalid(false);
        answerRows.forEach(r -> {
            if (r.text != null) {
                r.text.setInvalid(false);
            }
        });
        errors.removeAll();
        List<Row> kept = keptRows();
        for (Problem problem : problems) {
            String message = ui.problem(problem);
            if (problem.key().equals("training.question.text-empty")) {
                mark(text, message);
                continue;
            }
            // The rules about one answer are shown on that answer's field as well as in the list.
            if (problem.key().equals("training.question.answer-empty") && !problem.args().isEmpty()
                    && problem.args().get(0) instanceof Integer n && n >= 1 && n <= kept.size()
                    && kept.get(n - 1).text != null) {
                mark(kept.get(n - 1).text, message);
            } else if (problem.key().equals("training.question.answer-duplicate") && !problem.args().isEmpty()) {
                String duplicate = String.valueOf(problem.args().get(0)).strip();
                kept.stream().filter(r -> r.text != null && r.text.getValue().strip().equalsIgnoreCase(duplicate))
                        .forEach(r -> mark(r.text, message));
            }
            errors.add(new ListItem(message));
        }
        showPreview();
    }

    private static void mark(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void mark(TextArea field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** The rows {@link #build()} keeps, in order, so a problem's answer number finds its row. */
    private List<Row> keptRows() {
        return answerRows.stream().filter(r -> switch (type) {
            case NUMERICAL -> r.number.getNumber() != null;
            case MATCHING -> !r.item.getValue().isBlank() || !r.text.getValue().isBlank();
            case TRUE_FALSE -> false;
            default -> !r.text.getValue().isBlank();
        }).toList();
    }

    private void showPreview() {
        preview.removeAll();
        try {
            Question question = build();
            preview.add(new QuestionForm(ui, "preview", question, null, null, null));
            if (question.validate().isEmpty()) {
                Span label = new Span(ui.t("training.ui.result.right-answer"));
                label.addClassName("training-strong");
                SafeHtml right = new SafeHtml();
                right.getElement().setProperty("innerHTML", CorrectAnswers.html(ui, question));
                preview.add(label, right);
            }
        } catch (RuntimeException e) {
            preview.add(Widgets.muted(ui.t("training.ui.question.incomplete")));
        }
    }

    /** Opens an editor. */
    static void open(Ui ui, QuestionType type, List<String> categories, String categoryPath, Question existing,
            Saver saver) {
        new QuestionEditor(ui, type, categories, categoryPath, existing, saver).open();
    }

}
