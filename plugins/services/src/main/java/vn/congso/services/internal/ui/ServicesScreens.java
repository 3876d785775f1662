package vn.congso.services.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.api.units.UnitDirectory;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.catalogue.ProcedureLinks;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.indicators.Statistics;

/** The services screens in their navigation group "Dịch vụ công". */
@Component(configurationPid = ServicesConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ServicesScreens implements ScreenProvider {

    /** The public catalogue. */
    public static final String CATALOGUE = "services";
    /** The citizen's submission, followed by the procedure code. */
    public static final String SUBMIT = "services/submit";
    /** The group. */
    public static final NavigationGroup GROUP = new NavigationGroup("services", "services.nav.group", 20);

    private final ProcedureCatalogue catalogue;
    private final vn.congso.services.internal.calendar.CalendarService calendars;
    private final DossierService dossiers;
    private final Statistics statistics;
    private final UnitDirectory units;
    private final CurrentUserService users;
    private final TranslationService translations;
    private final ServicesConfig config;
    private final vn.congso.services.internal.rating.ServiceRatings ratings;
    private final vn.congso.services.internal.payment.Payments payments;

    /**
     * @param catalogue the catalogue
     * @param dossiers the dossiers
     * @param statistics the figures
     * @param units the units
     * @param users who is asking
     * @param translations texts
     * @param config the settings
     * @param calendars the working-day calendar
     * @param ratings the citizens' ratings
     * @param payments the fees' payments
     */
    @Activate
    public ServicesScreens(@Reference ProcedureCatalogue catalogue, @Reference DossierService dossiers,
            @Reference Statistics statistics, @Reference UnitDirectory units, @Reference CurrentUserService users,
            @Reference TranslationService translations, ServicesConfig config,
            @Reference vn.congso.services.internal.calendar.CalendarService calendars,
            @Reference vn.congso.services.internal.rating.ServiceRatings ratings,
            @Reference vn.congso.services.internal.payment.Payments payments) {
        this.ratings = ratings;
        this.payments = payments;
        this.calendars = calendars;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.statistics = statistics;
        this.units = units;
        this.users = users;
        this.translations = translations;
        this.config = config;
    }

    @Override
    public List<NavigationGroup> groups() {
        return List.of(GROUP);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(
                Screen.route(CATALOGUE).title("services.catalogue.title").description("services.catalogue.description")
                        .icon("vaadin:list").group(GROUP).order(10)
                        .view(CatalogueView.class, () -> new CatalogueView(catalogue, translations)),
                Screen.route(ProcedureLinks.ROUTE).title("services.procedure.title").hidden()
                        .view(ProcedureView.class, () -> new ProcedureView(catalogue, users, translations)),
                Screen.route(SUBMIT).title("services.submit.nav").hidden().permission(ServicesPermissions.SUBMIT)
                        .view(SubmitView.class, () -> new SubmitView(catalogue, dossiers, units, users, config, translations)),
                Screen.route("services/my").title("services.my.title").icon("vaadin:folder-open").group(GROUP).order(20)
                        .permission(ServicesPermissions.SUBMIT)
                        .view(MyDossiersView.class, () -> new MyDossiersView(dossiers, catalogue, config, translations,
                                ratings, payments)),
                Screen.route("services/lookup").title("services.lookup.title").description("services.lookup.description")
                        .icon("vaadin:search").group(GROUP).order(30)
                        .view(LookupView.class, () -> new LookupView(dossiers, translations)),
                Screen.route("services/desk").title("services.desk.title").icon("vaadin:desk").group(GROUP).order(40)
                        .permission(ServicesPermissions.PROCESS)
                        .view(DeskView.class, () -> new DeskView(dossiers, catalogue, units, translations, payments)),
                Screen.route("services/calendar").title("services.calendar.title").icon("vaadin:calendar")
                        .group(GROUP).order(60).permission(ServicesPermissions.CALENDAR)
                        .view(CalendarView.class, () -> new CalendarView(calendars, translations)),
                Screen.route("services/statistics").title("services.statistics.title").icon("vaadin:chart")
                        .group(GROUP).order(50).permission(ServicesPermissions.REPORT)
                        .view(StatisticsView.class, () -> new StatisticsView(statistics, translations, ratings)),
                Screen.route("services/forms").title("services.designer.title").icon("vaadin:form")
                        .group(GROUP).order(70).permission(ServicesPermissions.CATALOGUE)
                        .view(FormDesignerView.class, () -> new FormDesignerView(catalogue, translations)),
                Screen.route("services/exchange").title("services.exchange.title").icon("vaadin:exchange")
                        .group(GROUP).order(80).permission(ServicesPermissions.CATALOGUE)
                        .view(CatalogueExchangeView.class, () -> new CatalogueExchangeView(catalogue, translations)),
                Screen.route("services/steps").title("services.procedure.steps").icon("vaadin:flow-tree")
                        .group(GROUP).order(75).permission(ServicesPermissions.CATALOGUE)
                        .view(StepsView.class, () -> new StepsView(dossiers, catalogue, translations)),
                Screen.route("services/counter").title("services.counter.title").icon("vaadin:clipboard-text")
                        .group(GROUP).order(45).permission(ServicesPermissions.RECEIVE)
                        .view(CounterView.class, () -> new CounterView(catalogue, dossiers, config, translations)));
    }
}
