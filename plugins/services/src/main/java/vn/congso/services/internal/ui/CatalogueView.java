package vn.congso.services.internal.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Optional;
import vn.congso.api.TranslationService;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.catalogue.ProcedureLinks;

/** The public procedure catalogue: tone-insensitive search and filters by field, level and online class. */
public class CatalogueView extends VerticalLayout {

    private static final int LIMIT = 300;

    private final ProcedureCatalogue catalogue;
    private final Texts ui;
    private final TextField search = new TextField();
    private final Select<String> field = new Select<>();
    private final Select<String> level = new Select<>();
    private final Select<String> online = new Select<>();
    private final Grid<Procedure> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    /**
     * @param catalogue the catalogue
     * @param translations texts
     */
    public CatalogueView(ProcedureCatalogue catalogue, TranslationService translations) {
        this.catalogue = catalogue;
        this.ui = new Texts(translations);
        setId("services-catalogue");
        addClassName("services-page");
        H2 title = new H2(ui.t("services.catalogue.title"));
        search.setId("services-search");
        search.setLabel(ui.t("services.catalogue.search"));
        search.setPlaceholder(ui.t("services.catalogue.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        field.setId("services-filter-field");
        field.setLabel(ui.t("services.catalogue.field"));
        field.setItems(concat("", ProcedureCatalogue.FIELDS));
        field.setItemLabelGenerator(f -> f.isEmpty() ? ui.t("services.catalogue.all") : ui.t("services.field." + f));
        field.setValue("");
        field.addValueChangeListener(e -> refresh());
        level.setId("services-filter-level");
        level.setLabel(ui.t("services.catalogue.level"));
        level.setItems("", "commune", "district");
        level.setItemLabelGenerator(l -> l.isEmpty() ? ui.t("services.catalogue.all") : ui.t("services.level." + l));
        level.setValue("");
        level.addValueChangeListener(e -> refresh());
        online.setId("services-filter-online");
        online.setLabel(ui.t("services.catalogue.online"));
        online.setItems("", "full", "partial");
        online.setItemLabelGenerator(o -> o.isEmpty() ? ui.t("services.catalogue.all") : ui.t("services.online-class." + o));
        online.setValue("");
        online.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(search, field, level, online);
        filters.addClassName("services-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        grid.setId("services-procedures");
        grid.addComponentColumn(p -> {
            Anchor a = new Anchor(ProcedureLinks.ROUTE + "/" + p.code(), p.name());
            a.setId("services-procedure-" + p.code().replace('.', '-'));
            return a;
        }).setHeader(ui.t("services.procedure.name")).setFlexGrow(4);
        grid.addColumn(p -> ui.t("services.field." + p.field())).setHeader(ui.t("services.catalogue.field"));
        grid.addColumn(p -> ui.t("services.level." + p.level().code())).setHeader(ui.t("services.catalogue.level"));
        grid.addColumn(p -> ui.t("services.online-class." + p.onlineClass().code())).setHeader(ui.t("services.catalogue.online"));
        grid.setEmptyStateText(ui.t("services.catalogue.empty"));
        grid.setAllRowsVisible(false);
        grid.setHeight("60vh");
        count.setId("services-count");
        add(title, filters, count, grid);
        refresh();
    }

    private void refresh() {
        ProcedureCatalogue.Filter filter = new ProcedureCatalogue.Filter(search.getValue(),
                opt(field.getValue()), opt(level.getValue()).map(Procedure.Level::of), Optional.empty(),
                opt(online.getValue()).map(Procedure.OnlineClass::of));
        List<Procedure> found = catalogue.find(filter, LIMIT);
        grid.setItems(found);
        count.setText(ui.t("services.catalogue.count", catalogue.count(filter)));
    }

    private static Optional<String> opt(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> concat(String first, List<String> rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
