package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;

/** The administrator's list of categories: add, rename, reorder, delete an unused one. */
public class CategoriesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient ArticleService articles;
    private final transient Ui ui;
    private final Grid<Category> grid = new Grid<>();
    private final TextField nameVi = new TextField();
    private final TextField nameEn = new TextField();
    private final IntegerField order = new IntegerField();
    private transient Category editing;

    CategoriesView(ArticleService articles, Ui ui) {
        this.articles = articles;
        this.ui = ui;
        setId("publishing-categories");
        addClassName("publishing-page");
        nameVi.setId("publishing-category-name-vi");
        nameVi.setLabel(ui.t("publishing.ui.categories.name-vi"));
        nameVi.setMaxLength(200);
        nameEn.setId("publishing-category-name-en");
        nameEn.setLabel(ui.t("publishing.ui.categories.name-en"));
        nameEn.setMaxLength(200);
        order.setId("publishing-category-order");
        order.setLabel(ui.t("publishing.ui.categories.order"));
        order.setMin(0);
        order.setMax(999);
        Button save = new Button(ui.t("publishing.ui.action.save"), e -> save());
        save.setId("publishing-category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(ui.t("publishing.ui.categories.new"), e -> edit(null));
        clear.setId("publishing-category-new");
        Button delete = new Button(ui.t("publishing.ui.categories.delete"), e -> delete());
        delete.setId("publishing-category-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div form = new Div(nameVi, nameEn, order);
        form.addClassName("publishing-filters");
        Div actions = new Div(save, clear, delete);
        actions.addClassName("publishing-actions");
        grid.setId("publishing-categories-grid");
        grid.addColumn(Category::nameVi).setHeader(ui.t("publishing.ui.categories.name-vi"));
        grid.addColumn(Category::nameEn).setHeader(ui.t("publishing.ui.categories.name-en"));
        grid.addColumn(Category::order).setHeader(ui.t("publishing.ui.categories.order"));
        grid.setEmptyStateText(ui.t("publishing.ui.categories.empty"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        add(new H1(ui.t("publishing.ui.categories.title")), grid, form, actions);
        refresh();
        edit(null);
    }

    private void edit(Category c) {
        editing = c;
        nameVi.setValue(c == null ? "" : c.nameVi());
        nameEn.setValue(c == null ? "" : c.nameEn());
        order.setValue(c == null ? articles.categories().size() + 1 : c.order());
    }

    private void save() {
        try {
            articles.saveCategory(editing == null ? null : editing.id(), nameVi.getValue(), nameEn.getValue(),
                    order.getValue() == null ? 0 : order.getValue());
            ui.success(ui.t("publishing.ui.categories.saved", nameVi.getValue().strip()));
            refresh();
            edit(null);
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        try {
            articles.deleteCategory(editing.id());
            refresh();
            edit(null);
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void refresh() {
        grid.setItems(articles.categories());
    }
}
