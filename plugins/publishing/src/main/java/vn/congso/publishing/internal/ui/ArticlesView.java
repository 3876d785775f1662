package vn.congso.publishing.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleState;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.Category;
import vn.congso.publishing.internal.article.PublishingPermissions;

/** The editorial list: every article with its state, filtered by state, category and title words. */
public class ArticlesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient ArticleService articles;
    private final transient Ui ui;
    private final ComboBox<ArticleState> state = new ComboBox<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final TextField text = new TextField();
    private final Grid<Article> grid = new Grid<>();
    private final Div reminders = new Div();

    ArticlesView(ArticleService articles, Ui ui) {
        this.articles = articles;
        this.ui = ui;
        setId("publishing-articles");
        addClassName("publishing-page");
        H1 title = new H1(ui.t("publishing.ui.articles.title"));
        Button create = new Button(ui.t("publishing.ui.articles.new"),
                e -> getUI().ifPresent(u -> u.navigate(PublishingScreens.EDIT)));
        create.setId("publishing-new-article");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(articles.may(PublishingPermissions.EDIT));
        ImportPanel importPanel = new ImportPanel(articles, ui, this::refresh);
        importPanel.setVisible(false);
        Button importButton = new Button(ui.t("publishing.ui.import.open"), e -> importPanel.setVisible(!importPanel.isVisible()));
        importButton.setId("publishing-import-open");
        importButton.setVisible(articles.may(PublishingPermissions.EDIT));
        Div actions = new Div(create, importButton);
        actions.addClassName("publishing-actions");

        state.setId("publishing-filter-state");
        state.setLabel(ui.t("publishing.ui.field.state"));
        state.setItems(Arrays.asList(ArticleState.values()));
        state.setItemLabelGenerator(ui::state);
        state.setClearButtonVisible(true);
        state.addValueChangeListener(e -> refresh());
        List<Category> categories = articles.categories();
        Map<String, String> names = categories.stream().collect(Collectors.toMap(Category::id, c -> c.name(ui.locale())));
        category.setId("publishing-filter-category");
        category.setLabel(ui.t("publishing.ui.field.category"));
        category.setItems(categories);
        category.setItemLabelGenerator(c -> c.name(ui.locale()));
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> refresh());
        text.setId("publishing-filter-text");
        text.setLabel(ui.t("publishing.ui.field.search-title"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.addValueChangeListener(e -> refresh());
        Div filters = new Div(state, category, text);
        filters.addClassName("publishing-filters");

        grid.setId("publishing-articles-grid");
        grid.addColumn(Article::title).setHeader(ui.t("publishing.ui.field.title")).setFlexGrow(4).setAutoWidth(false);
        grid.addColumn(a -> ui.state(a.state())).setHeader(ui.t("publishing.ui.field.state"));
        grid.addColumn(a -> names.getOrDefault(a.categoryId(), a.categoryId())).setHeader(ui.t("publishing.ui.field.category"));
        grid.addColumn(a -> ui.dateTime(a.updatedAt())).setHeader(ui.t("publishing.ui.field.updated"));
        grid.addColumn(Article::authorName).setHeader(ui.t("publishing.ui.field.author"));
        java.text.NumberFormat numbers = java.text.NumberFormat.getIntegerInstance(ui.locale());
        grid.addColumn(a -> numbers.format(a.views())).setHeader(ui.t("publishing.ui.field.views"));
        grid.setEmptyStateText(ui.t("publishing.ui.articles.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(u -> u.navigate(PublishingScreens.EDIT + "/" + e.getItem().id())));
        grid.setAllRowsVisible(true);
        reminders.setId("publishing-review-due");
        reminders.addClassName("publishing-reminders");
        add(title, actions, importPanel, reminders, filters, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(articles.find(state.getValue(), category.getValue() == null ? null : category.getValue().id(),
                text.getValue(), 200));
        reminders.removeAll();
        List<Article> due = articles.reviewDue();
        reminders.setVisible(!due.isEmpty());
        if (!due.isEmpty()) {
            reminders.add(new Paragraph(ui.t("publishing.ui.articles.review-due", due.size(),
                    due.stream().map(Article::title).limit(5).collect(Collectors.joining("; ")))));
        }
    }
}
