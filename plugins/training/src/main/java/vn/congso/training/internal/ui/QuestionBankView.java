package vn.congso.training.internal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.congso.api.security.RunAs;
import vn.congso.training.internal.question.Question;
import vn.congso.training.internal.question.QuestionType;
import vn.congso.training.internal.service.QuestionBankService;
import vn.congso.training.internal.service.QuestionBankService.BankQuestion;
import vn.congso.training.internal.service.QuestionBankService.Category;

/**
 * Trainers: the question bank — categories as an indented tree, the questions of the chosen
 * one, the editor per type with a preview, import from GIFT or Moodle XML, export to GIFT.
 */
public class QuestionBankView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient QuestionBankService bank;
    private final transient RunAs runAs;
    private final Grid<Category> categories = new Grid<>();
    private final Grid<BankQuestion> questions = new Grid<>();
    private final H2 questionsTitle = new H2();
    private final Div exportBox = new Div();
    private String selected;

    /** Creates the view. */
    public QuestionBankView(Ui ui, QuestionBankService bank, RunAs runAs) {
        this.ui = ui;
        this.bank = bank;
        this.runAs = runAs;
        setId("question-bank-view");
        setSizeFull();

        categories.setId("bank-categories");
        categories.addComponentColumn(c -> {
            Span name = new Span(c.name());
            name.addClassName("training-depth");
            name.getElement().setAttribute("data-depth", String.valueOf(Math.min(c.depth(), 6)));
            Span count = Widgets.muted(" (" + c.questionCount() + ")");
            return new Span(name, count);
        }).setHeader(ui.t("training.ui.bank.categories"));
        categories.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(c -> select(c.path())));
        categories.setHeight("28rem");
        categories.setEmptyStateText(ui.t("training.ui.bank.no-category"));
        Button newCategory = new Button(ui.t("training.ui.bank.new-category"), VaadinIcon.FOLDER_ADD.create(),
                e -> newCategory());
        newCategory.setId("bank-new-category");
        newCategory.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button deleteCategory = new Button(ui.t("training.ui.bank.delete-category"), VaadinIcon.TRASH.create(),
                e -> deleteCategory());
        deleteCategory.setId("bank-delete-category");
        deleteCategory.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        VerticalLayout left = new VerticalLayout(categories, new HorizontalLayout(newCategory, deleteCategory));
        left.setPadding(false);
        left.addClassName("training-bank-categories");

        MenuBar add = new MenuBar();
        add.setId("bank-new-question");
        MenuItem root = add.addItem(ui.t("training.ui.question.new"));
        root.addComponentAsFirst(VaadinIcon.PLUS.create());
        SubMenu types = root.getSubMenu();
        for (QuestionType type : QuestionType.values()) {
            MenuItem item = types.addItem(ui.name("training.ui.question.type", type.name()), e -> newQuestion(type));
            item.setId("bank-new-" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        add.addThemeVariants(com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_PRIMARY);
        Button importButton = new Button(ui.t("training.ui.import.open"), VaadinIcon.UPLOAD.create(), e -> openImport());
        importButton.setId("bank-import");
        HorizontalLayout tools = new HorizontalLayout(add, importButton, exportBox);
        tools.setWrap(true);
        tools.setAlignItems(Alignment.CENTER);

        questions.setId("bank-questions");
        // The question's text is what a trainer looks for: it gets the room, and cells wrap instead of
        // cutting it off or pushing the edit buttons out of sight.
        questions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        questions.addColumn(q -> label(q.question())).setHeader(ui.t("training.ui.question.text")).setWidth("12rem")
                .setFlexGrow(4);
        questions.addColumn(q -> ui.name("training.ui.question.type", q.question().type().name()))
                .setHeader(ui.t("training.ui.question.type")).setWidth("9rem").setFlexGrow(1).setSortable(true);
        questions.addColumn(q -> ui.dateTime(q.updatedAt())).setHeader(ui.t("training.ui.common.updated"))
                .setWidth("9rem").setFlexGrow(0);
        questions.addComponentColumn(q -> {
            Button edit = new Button(VaadinIcon.EDIT.create(), e -> editQuestion(q));
            edit.setId("bank-edit-" + q.id());
            edit.setAriaLabel(ui.t("training.ui.question.edit"));
            edit.setTooltipText(ui.t("training.ui.question.edit"));
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> deleteQuestion(q));
            delete.setId("bank-delete-" + q.id());
            delete.setAriaLabel(ui.t("training.ui.question.delete"));
            delete.setTooltipText(ui.t("training.ui.question.delete"));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(edit, delete);
            row.setSpacing(false);
            return row;
        }).setAutoWidth(true).setFlexGrow(0);
        questions.addItemDoubleClickListener(e -> editQuestion(e.getItem()));
        questions.setHeight("28rem");
        questions.setEmptyStateText(ui.t("training.ui.bank.empty"));
        VerticalLayout right = new VerticalLayout(questionsTitle, tools, questions);
        right.setPadding(false);
        right.addClassName("training-bank-questions");

        Div body = new Div(left, right);
        body.addClassName("training-two-up");
        add(new H1(ui.t("training.ui.bank.title")), body);
        refreshCategories();
    }

    private static String label(Question question) {
        String title = question.prompt().title();
        String text = title.isEmpty() ? question.prompt().text().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip()
                : title;
        return text.length() > 140 ? text.substring(0, 137) + "…" : text;
    }

    private void refreshCategories() {
        try {
            List<Category> all = bank.categories();
            categories.setItems(all);
            if (selected == null && !all.isEmpty()) {
                selected = all.get(0).path();
            }
            all.stream().filter(c -> c.path().equals(selected)).findFirst().ifPresent(categories::select);
            select(selected);
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void select(String path) {
        selected = path;
        exportBox.removeAll();
        if (path == null) {
            questionsTitle.setText(ui.t("training.ui.bank.no-category"));
            questions.setItems(List.of());
            return;
        }
        questionsTitle.setText(ui.t("training.ui.bank.questions-of", path));
        try {
            questions.setItems(bank.questions(path));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
        Anchor export = Widgets.download("bank-export", ui.t("training.ui.bank.export"), Widgets.fileName(path.replace('/', '-'), "gift"),
                "text/plain;charset=UTF-8", () -> bank.exportGift(path, true).getBytes(StandardCharsets.UTF_8));
        exportBox.add(export);
    }

    private List<String> paths() {
        return bank.categories().stream().map(Category::path).toList();
    }

    private void newCategory() {
        Dialog dialog = new Dialog();
        dialog.setId("category-dialog");
        dialog.setHeaderTitle(ui.t("training.ui.bank.new-category"));
        TextField path = new TextField(ui.t("training.ui.bank.category-path"));
        path.setId("category-path");
        path.setHelperText(ui.t("training.ui.bank.category-path-help"));
        path.setWidth("min(28rem, 90vw)");
        if (selected != null) {
            path.setValue(selected + "/");
        }
        dialog.add(path);
        Button save = new Button(ui.t("training.ui.common.create"), e -> {
            try {
                Category created = bank.createCategory(path.getValue());
                selected = created.path();
                dialog.close();
                refreshCategories();
            } catch (RuntimeException ex) {
                ui.refused(ex, Map.of("training.category.path-invalid", path));
            }
        });
        save.setId("category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(ui.t("training.ui.common.cancel"), e -> dialog.close()), save);
        dialog.open();
        path.focus();
    }

    private void deleteCategory() {
        if (selected == null) {
            return;
        }
        String path = selected;
        ui.confirmDelete("category-delete-confirm", ui.t("training.ui.bank.delete-category-title", path),
                ui.t("training.ui.bank.delete-category-text"), () -> {
                    bank.deleteCategory(path);
                    selected = null;
                    refreshCategories();
                });
    }

    private void newQuestion(QuestionType type) {
        QuestionEditor.open(ui, type, paths(), selected == null ? "" : selected, null, (path, question) -> {
            bank.createQuestion(path, question);
            ui.success(ui.t("training.ui.common.saved"));
            selected = path;
            refreshCategories();
        });
    }

    private void editQuestion(BankQuestion existing) {
        QuestionEditor.open(ui, existing.question().type(), paths(), existing.category(), existing.question(),
                (path, question) -> {
                    bank.updateQuestion(existing.id(), path, question);
                    ui.success(ui.t("training.ui.common.saved"));
                    selected = path;
                    refreshCategories();
                });
    }

    private void deleteQuestion(BankQuestion existing) {
        ui.confirmDelete("question-delete-confirm", ui.t("training.ui.question.delete"),
                ui.t("training.ui.question.delete-text", label(existing.question())), () -> {
                    bank.deleteQuestion(existing.id());
                    refreshCategories();
                });
    }

    private void openImport() {
        new ImportDialog(ui, bank, runAs, paths(), selected, () -> {
            UI.getCurrent();
            refreshCategories();
        }).open();
    }
}
