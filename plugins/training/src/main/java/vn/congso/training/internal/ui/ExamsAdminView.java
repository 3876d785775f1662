package vn.congso.training.internal.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.text.NumberInput;
import vn.congso.training.internal.Problem;
import vn.congso.training.internal.TextLimits;
import vn.congso.training.internal.TrainingException;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.service.CourseService;
import vn.congso.training.internal.service.CourseService.CourseSummary;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.ExamService.Exam;
import vn.congso.training.internal.service.ExamService.ExamDraft;
import vn.congso.training.internal.service.ExamService.ReviewOptions;
import vn.congso.training.internal.service.ExamService.ReviewTime;
import vn.congso.training.internal.service.QuestionBankService;

/**
 * Exam managers: every exam, and the editor — course or standalone, questions drawn per
 * category, time limit, window, attempts, pass mark, grading, review options, certificate
 * validity, and extra time for named learners — each rule's refusal shown on its field.
 */
public class ExamsAdminView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient ExamService exams;
    private final transient CourseService courses;
    private final transient QuestionBankService bank;
    private final transient UserDirectory directory;
    private final Grid<Exam> grid = new Grid<>();
    private final transient Map<Long, String> courseTitles = new HashMap<>();

    /** Creates the view. */
    public ExamsAdminView(Ui ui, ExamService exams, CourseService courses, QuestionBankService bank,
            UserDirectory directory) {
        this.ui = ui;
        this.exams = exams;
        this.courses = courses;
        this.bank = bank;
        this.directory = directory;
        setId("exams-admin-view");
        setSizeFull();
        Button add = new Button(ui.t("training.ui.exams.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("exams-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("exams-grid");
        grid.addColumn(x -> x.draft().title()).setHeader(ui.t("training.ui.exams.title-field")).setFlexGrow(4)
                .setSortable(true).setTooltipGenerator(x -> x.draft().title());
        grid.addColumn(x -> x.draft().courseId() == null ? ui.t("training.ui.exams.standalone")
                : courseTitles.getOrDefault(x.draft().courseId(), "#" + x.draft().courseId()))
                .setHeader(ui.t("training.ui.exams.course")).setFlexGrow(2);
        grid.addColumn(Exam::questionCount).setHeader(ui.t("training.ui.exams.questions")).setAutoWidth(true);
        grid.addColumn(x -> ui.t("training.ui.course.minutes", Formats.minutes(x.draft().settings().timeLimit())))
                .setHeader(ui.t("training.ui.exams.time-limit")).setAutoWidth(true);
        grid.addComponentColumn(this::windowBadge).setHeader(ui.t("training.ui.exams.window")).setFlexGrow(3);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        grid.setEmptyStateText(ui.t("training.ui.exams.empty"));
        add(new H1(ui.t("training.ui.exams.heading")), new HorizontalLayout(add), grid);
        refresh();
    }

    private com.vaadin.flow.component.html.Div windowBadge(Exam exam) {
        Instant now = Instant.now();
        ExamSettings s = exam.draft().settings();
        Span badge;
        if (now.isBefore(s.opensAt())) {
            badge = Widgets.badge(ui.t("training.ui.exams.upcoming"), "contrast");
        } else if (!now.isBefore(s.closesAt())) {
            badge = Widgets.badge(ui.t("training.ui.exams.closed"), "error");
        } else {
            badge = Widgets.badge(ui.t("training.ui.exams.open"), "success");
        }
        Span dates = Widgets.muted(" " + ui.t("training.ui.exam.window", ui.dateTime(s.opensAt()), ui.dateTime(s.closesAt())));
        com.vaadin.flow.component.html.Div cell = new com.vaadin.flow.component.html.Div(badge, dates);
        cell.addClassName("training-wrap-text");
        return cell;
    }

    private void refresh() {
        try {
            courseTitles.clear();
            courses.list().forEach(c -> courseTitles.put(c.id(), c.title()));
            grid.setItems(exams.list());
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    /** One draw rule row. */
    private static final class RuleRow {
        ComboBox<String> category;
        NumberInput count;
        HorizontalLayout layout;
    }

    private void edit(Exam existing) {
        Dialog dialog = new Dialog();
        dialog.setId("exam-dialog");
        dialog.setHeaderTitle(ui.t(existing == null ? "training.ui.exams.new" : "training.ui.exams.edit"));
        dialog.setWidth("min(64rem, 98vw)");

        TextField title = new TextField(ui.t("training.ui.exams.title-field"));
        title.setId("exam-title-field");
        title.setMaxLength(TextLimits.TITLE);
        title.setRequiredIndicatorVisible(true);
        TextArea description = new TextArea(ui.t("training.ui.exams.description"));
        description.setId("exam-description-field");
        description.setMaxLength(TextLimits.DESCRIPTION);
        description.setHelperText(ui.t("training.ui.exams.description-help"));
        ComboBox<CourseSummary> course = new ComboBox<>(ui.t("training.ui.exams.course"));
        course.setId("exam-course-field");
        List<CourseSummary> allCourses = courses.list();
        course.setItems(allCourses);
        course.setItemLabelGenerator(CourseSummary::title);
        course.setClearButtonVisible(true);
        course.setHelperText(ui.t("training.ui.exams.course-help"));

        NumberInput timeLimit = ui.number(ui.t("training.ui.exams.time-limit-minutes"), true);
        timeLimit.setId("exam-time-limit");
        DateTimePicker opens = new DateTimePicker(ui.t("training.ui.exams.opens"));
        opens.setId("exam-opens");
        ui.texts(opens);
        opens.setStep(Duration.ofMinutes(15));
        DateTimePicker closes = new DateTimePicker(ui.t("training.ui.exams.closes"));
        closes.setId("exam-closes");
        ui.texts(closes);
        closes.setStep(Duration.ofMinutes(15));
        NumberInput attempts = ui.number(ui.t("training.ui.exams.attempts"), true);
        attempts.setId("exam-attempts");
        NumberInput passMark = ui.number(ui.t("training.ui.exams.pass-mark"), false);
        passMark.setId("exam-pass-mark");
        passMark.setSuffixComponent(new Span("%"));
        Select<GradingMethod> grading = new Select<>();
        grading.setLabel(ui.t("training.ui.exam.grading"));
        grading.setId("exam-grading");
        grading.setItems(GradingMethod.values());
        grading.setItemLabelGenerator(g -> ui.name("training.ui.exam.grading", g.name()));
        NumberInput grace = ui.number(ui.t("training.ui.exams.grace"), true);
        grace.setId("exam-grace");
        grace.setHelperText(ui.t("training.ui.exams.grace-help"));
        NumberInput validity = ui.number(ui.t("training.ui.exams.validity"), true);
        validity.setId("exam-validity");
        validity.setHelperText(ui.t("training.ui.exams.validity-help"));

        Select<ReviewTime> reviewWhen = new Select<>();
        reviewWhen.setLabel(ui.t("training.ui.exams.review-when"));
        reviewWhen.setId("exam-review-when");
        reviewWhen.setItems(ReviewTime.values());
        reviewWhen.setItemLabelGenerator(r -> ui.name("training.ui.exams.review-when", r.name()));
        // Outside the form a select keeps Lumo's narrow default width and cuts its longer choices.
        reviewWhen.setWidth("min(100%, 24rem)");
        Checkbox reviewMarks = new Checkbox(ui.t("training.ui.exams.review-marks"));
        reviewMarks.setId("exam-review-marks");
        Checkbox reviewResponses = new Checkbox(ui.t("training.ui.exams.review-responses"));
        reviewResponses.setId("exam-review-responses");
        Checkbox reviewCorrect = new Checkbox(ui.t("training.ui.exams.review-correct"));
        reviewCorrect.setId("exam-review-correct");
        Checkbox reviewFeedback = new Checkbox(ui.t("training.ui.exams.review-feedback"));
        reviewFeedback.setId("exam-review-feedback");

        Checkbox shuffle = new Checkbox(ui.t("training.ui.exams.shuffle-options"));
        shuffle.setId("exam-shuffle-options");
        shuffle.setTooltipText(ui.t("training.ui.exams.shuffle-options-help"));

        FormLayout form = new FormLayout(title, course, description, timeLimit, attempts, opens, closes, passMark,
                grading, grace, validity, shuffle);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(description, 2);

        Map<String, Integer> available = new LinkedHashMap<>();
        try {
            bank.categories().forEach(c -> available.put(c.path(), c.questionCount()));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
        VerticalLayout rules = new VerticalLayout();
        rules.setPadding(false);
        rules.setSpacing(false);
        rules.setId("exam-rules");
        List<RuleRow> ruleRows = new ArrayList<>();
        Span rulesError = new Span();
        rulesError.setId("exam-rules-error");
        rulesError.addClassNames("training-error", "training-small");
        Span total = Widgets.muted("");
        total.setId("exam-question-total");
        Runnable updateTotal = () -> total.setText(ui.t("training.ui.exams.total-questions",
                ruleRows.stream().mapToInt(r -> r.count.getWhole() == null ? 0 : r.count.getWhole()).sum()));
        java.util.function.BiConsumer<String, Integer> addRule = (path, count) -> {
            RuleRow row = new RuleRow();
            int n = ruleRows.size() + 1;
            row.category = new ComboBox<>(ui.t("training.ui.exams.rule-category", n));
            row.category.setId("exam-rule-category-" + n);
            row.category.setItems(available.keySet());
            row.category.setItemLabelGenerator(p -> p + " (" + available.getOrDefault(p, 0) + ")");
            row.category.addClassName("training-wide-field");
            row.count = ui.number(ui.t("training.ui.exams.rule-count"), true);
            row.count.setId("exam-rule-count-" + n);
            row.count.setWidth("9rem");
            row.count.addValueChangeListener(e -> updateTotal.run());
            row.category.addValueChangeListener(e -> row.count.setHelperText(e.getValue() == null ? null
                    : ui.t("training.ui.exams.rule-available", available.getOrDefault(e.getValue(), 0))));
            if (path != null) {
                row.category.setValue(path);
            }
            row.count.setNumber(count);
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                ruleRows.remove(row);
                rules.remove(row.layout);
                updateTotal.run();
            });
            remove.setAriaLabel(ui.t("training.ui.exams.rule-remove", n));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            row.layout = new HorizontalLayout(row.category, row.count, remove);
            row.layout.setWidthFull();
            row.layout.setAlignItems(Alignment.BASELINE);
            ruleRows.add(row);
            rules.add(row.layout);
            updateTotal.run();
        };
        Button addRuleButton = new Button(ui.t("training.ui.exams.rule-add"), VaadinIcon.PLUS.create(),
                e -> addRule.accept(null, 5));
        addRuleButton.setId("exam-rule-add");
        addRuleButton.addThemeVariants(ButtonVariant.LUMO_SMALL);

        if (existing != null) {
            ExamDraft d = existing.draft();
            title.setValue(d.title());
            description.setValue(d.description());
            allCourses.stream().filter(c -> Objects.equals(c.id(), d.courseId())).findFirst().ifPresent(course::setValue);
            timeLimit.setNumber(Formats.minutes(d.settings().timeLimit()));
            opens.setValue(LocalDateTime.ofInstant(d.settings().opensAt(), Ui.ZONE));
            closes.setValue(LocalDateTime.ofInstant(d.settings().closesAt(), Ui.ZONE));
            attempts.setNumber(d.settings().maxAttempts());
            passMark.setNumber(d.settings().passMark());
            grading.setValue(d.settings().gradingMethod());
            grace.setNumber(d.settings().grace().toSeconds());
            shuffle.setValue(d.settings().shuffleOptions());
            validity.setNumber(d.certificateValidityMonths());
            reviewWhen.setValue(d.review().when());
            reviewMarks.setValue(d.review().marks());
            reviewResponses.setValue(d.review().responses());
            reviewCorrect.setValue(d.review().correctAnswers());
            reviewFeedback.setValue(d.review().feedback());
            d.drawRules().forEach(r -> addRule.accept(r.category(), r.count()));
        } else {
            LocalDateTime start = LocalDateTime.now(Ui.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
            timeLimit.setNumber(30);
            opens.setValue(start);
            closes.setValue(start.plusDays(30));
            attempts.setNumber(2);
            passMark.setNumber(50);
            grading.setValue(GradingMethod.HIGHEST);
            grace.setNumber(30);
            shuffle.setValue(true);
            validity.setNumber(24);
            ReviewOptions full = ReviewOptions.FULL;
            reviewWhen.setValue(full.when());
            reviewMarks.setValue(full.marks());
            reviewResponses.setValue(full.responses());
            reviewCorrect.setValue(full.correctAnswers());
            reviewFeedback.setValue(full.feedback());
            addRule.accept(null, 10);
        }

        H3 rulesTitle = new H3(ui.t("training.ui.exams.rules"));
        H3 reviewTitle = new H3(ui.t("training.ui.exams.review"));
        HorizontalLayout reviewBoxes = new HorizontalLayout(reviewMarks, reviewResponses, reviewCorrect, reviewFeedback);
        reviewBoxes.setWrap(true);
        VerticalLayout content = new VerticalLayout(form, rulesTitle, Widgets.muted(ui.t("training.ui.exams.rules-help")),
                rules, addRuleButton, total, rulesError, reviewTitle, reviewWhen, reviewBoxes);
        content.setPadding(false);
        if (existing != null) {
            content.add(extraTime(existing));
        }
        dialog.add(content);

        Button save = new Button(ui.t("training.ui.common.save"), e -> {
            // a number that cannot be read is refused on its field; nothing is saved
            if (!NumberInput.checkAll(ruleRows.stream().map(r -> r.count).toArray(NumberInput[]::new))
                    | !NumberInput.checkAll(timeLimit, attempts, passMark, grace, validity)) {
                return;
            }
            rulesError.setText("");
            ruleRows.forEach(r -> {
                r.count.setInvalid(false);
                r.category.setInvalid(false);
            });
            List<DrawRule> drawRules = new ArrayList<>();
            for (RuleRow row : ruleRows) {
                if (row.category.getValue() == null || row.count.getWhole() == null || row.count.getWhole() < 1) {
                    (row.category.getValue() == null ? (HasValidation) row.category : row.count).setInvalid(true);
                    row.category.setErrorMessage(ui.t("training.ui.exams.rule-incomplete"));
                    row.count.setErrorMessage(ui.t("training.ui.exams.rule-incomplete"));
                    return;
                }
                drawRules.add(new DrawRule(row.category.getValue(), row.count.getWhole()));
            }
            ExamSettings settings = new ExamSettings(
                    timeLimit.getWhole() == null ? null : Duration.ofMinutes(timeLimit.getWhole()),
                    opens.getValue() == null ? null : opens.getValue().atZone(Ui.ZONE).toInstant(),
                    closes.getValue() == null ? null : closes.getValue().atZone(Ui.ZONE).toInstant(),
                    attempts.getWhole() == null ? 0 : attempts.getWhole(),
                    passMark.getNumber() == null ? Double.NaN : passMark.getNumber().doubleValue(), grading.getValue(),
                    grace.getWhole() == null ? null : Duration.ofSeconds(grace.getWhole()), shuffle.getValue());
            ExamDraft draft = new ExamDraft(title.getValue(), description.getValue(),
                    course.getValue() == null ? null : course.getValue().id(), settings, drawRules,
                    new ReviewOptions(reviewWhen.getValue() == null ? ReviewTime.IMMEDIATELY : reviewWhen.getValue(),
                            reviewMarks.getValue(), reviewResponses.getValue(), reviewCorrect.getValue(),
                            reviewFeedback.getValue()),
                    validity.getWhole() == null ? 0 : validity.getWhole());
            try {
                if (existing == null) {
                    exams.create(draft);
                } else {
                    exams.update(existing.id(), draft);
                }
                dialog.close();
                ui.success(ui.t("training.ui.common.saved"));
                refresh();
            } catch (TrainingException ex) {
                Map<String, HasValidation> fields = new HashMap<>();
                fields.put("training.exam.title-required", title);
                fields.put("training.exam.time-limit-positive", timeLimit);
                fields.put("training.exam.window-required", opens);
                fields.put("training.exam.closes-before-opens", closes);
                fields.put("training.exam.attempts-at-least-one", attempts);
                fields.put("training.exam.pass-mark-range", passMark);
                fields.put("training.exam.grading-method-required", grading);
                fields.put("training.exam.grace-not-negative", grace);
                fields.put("training.course.not-found", course);
                List<Problem> rest = new ArrayList<>();
                for (Problem problem : ex.problems()) {
                    if (problem.key().equals("training.draw.not-enough") && !problem.args().isEmpty()) {
                        String path = String.valueOf(problem.args().get(0));
                        ruleRows.stream().filter(r -> path.equals(r.category.getValue())).forEach(r -> {
                            r.count.setErrorMessage(ui.problem(problem));
                            r.count.setInvalid(true);
                        });
                    } else if (problem.key().equals("training.exam.no-draw-rules")) {
                        rulesError.setText(ui.problem(problem));
                    } else {
                        rest.add(problem);
                    }
                }
                if (!rest.isEmpty()) {
                    ui.refused(new TrainingException(rest), fields);
                } else {
                    fields.values().forEach(f -> f.setInvalid(false));
                }
            } catch (RuntimeException ex) {
                ui.refused(ex);
            }
        });
        save.setId("exam-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(ui.t("training.ui.common.cancel"), e -> dialog.close());
        cancel.setId("exam-cancel");
        dialog.getFooter().add(cancel);
        if (existing != null) {
            Button delete = new Button(ui.t("training.ui.common.delete"), VaadinIcon.TRASH.create(), e -> {
                ui.confirmDelete("exam-delete-confirm", ui.t("training.ui.exams.delete-title",
                        existing.draft().title()), ui.t("training.ui.exams.delete-text"), () -> {
                            exams.delete(existing.id());
                            dialog.close();
                            refresh();
                        });
            });
            delete.setId("exam-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(save);
        dialog.open();
    }

    private VerticalLayout extraTime(Exam exam) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        H3 heading = new H3(ui.t("training.ui.exams.extra-time"));
        Grid<ExamService.ExtraTime> list = new Grid<>();
        list.setId("exam-extra-times");
        list.setEmptyStateText(ui.t("training.ui.exams.extra-time-none"));
        list.addColumn(ExamService.ExtraTime::username).setHeader(ui.t("training.ui.enrol.user"));
        list.addColumn(x -> directory.person(x.username()).map(UserDirectory.Person::fullName).orElse(""))
                .setHeader(ui.t("training.ui.enrol.full-name"));
        list.addColumn(x -> ui.t("training.ui.course.minutes", Formats.minutes(x.extra())))
                .setHeader(ui.t("training.ui.exams.extra-minutes"));
        list.addComponentColumn(x -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                try {
                    exams.setExtraTime(exam.id(), x.username(), Duration.ZERO);
                    list.setItems(exams.extraTimes(exam.id()));
                } catch (RuntimeException ex) {
                    ui.refused(ex);
                }
            });
            remove.setAriaLabel(ui.t("training.ui.exams.extra-remove", x.username()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        list.setAllRowsVisible(true);
        try {
            list.setItems(exams.extraTimes(exam.id()));
        } catch (RuntimeException e) {
            list.setItems(List.of());
        }
        ComboBox<UserDirectory.Person> person = new ComboBox<>(ui.t("training.ui.enrol.user"));
        person.setId("exam-extra-user");
        person.setItems(directory.people().stream().filter(UserDirectory.Person::enabled).toList());
        person.setItemLabelGenerator(p -> p.fullName() + " (" + p.username() + ")");
        person.addClassName("training-wide-field");
        NumberInput minutes = ui.number(ui.t("training.ui.exams.extra-minutes"), true);
        minutes.setId("exam-extra-minutes");
        minutes.setNumber(10);
        Button grant = new Button(ui.t("training.ui.exams.extra-grant"), e -> {
            if (!minutes.check()) {
                return;
            }
            if (person.getValue() == null) {
                person.setInvalid(true);
                person.setErrorMessage(ui.t("training.ui.enrol.choose-someone"));
                return;
            }
            try {
                exams.setExtraTime(exam.id(), person.getValue().username(),
                        Duration.ofMinutes(minutes.getWhole() == null ? 0 : minutes.getWhole()));
                list.setItems(exams.extraTimes(exam.id()));
                person.clear();
            } catch (RuntimeException ex) {
                ui.refused(ex, Map.of("training.exam.extra-time-negative", minutes, "training.enrol.unknown-user", person));
            }
        });
        grant.setId("exam-extra-add");
        HorizontalLayout row = new HorizontalLayout(person, minutes, grant);
        row.setAlignItems(Alignment.BASELINE);
        row.setWidthFull();
        row.setWrap(true);
        box.add(heading, Widgets.muted(ui.t("training.ui.exams.extra-help")), list, row);
        return box;
    }
}
