package vn.congso.publishing.internal.ui;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import vn.congso.api.TranslationService;
import vn.congso.api.links.LinkSource;
import vn.congso.api.ui.NavigationGroup;
import vn.congso.api.ui.Screen;
import vn.congso.api.ui.ScreenProvider;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.PublishingPermissions;
import vn.congso.publishing.internal.search.ArticleIndex;
import vn.congso.publishing.internal.web.PortalRoutes;

/**
 * The publishing screens: the public portal (home, category, article, search; no sign-in) in the
 * group "Cổng thông tin", and the editorial screens (articles, editor, categories) in
 * "Biên tập". Online procedures come from an optional {@link LinkSource} of kind "procedure".
 */
@Component
public final class PublishingScreens implements ScreenProvider {

    /** Editorial list. */
    public static final String ARTICLES = "publishing/articles";
    /** The editor, followed by {@code /<id>} (none: a new article). */
    public static final String EDIT = "publishing/edit";
    /** Categories. */
    public static final String CATEGORIES = "publishing/categories";
    /** The editors' audience figures. */
    public static final String AUDIENCE = "publishing/audience";
    /** The public group. */
    public static final NavigationGroup PORTAL = new NavigationGroup("portal", "publishing.nav.portal", 5);
    /** The editorial group. */
    public static final NavigationGroup EDITORIAL = new NavigationGroup("publishing", "publishing.nav.group", 45);

    private final ArticleService articles;
    private final ArticleIndex index;
    private final TranslationService translations;
    private final Procedures procedures = new Procedures();

    /**
     * @param articles the articles
     * @param index the search index
     * @param translations texts
     */
    @Activate
    public PublishingScreens(@Reference ArticleService articles, @Reference ArticleIndex index,
            @Reference TranslationService translations) {
        this.articles = articles;
        this.index = index;
        this.translations = translations;
    }

    /** @param source a link source; only those of kind "procedure" are used */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLinkSource(LinkSource source) {
        procedures.add(source);
    }

    /** @param source a link source going away */
    void removeLinkSource(LinkSource source) {
        procedures.remove(source);
    }

    @Override
    public List<NavigationGroup> groups() {
        return List.of(PORTAL, EDITORIAL);
    }

    @Override
    public List<Screen<?>> screens() {
        return List.of(
                Screen.route(PortalRoutes.HOME).title("publishing.nav.home").description("publishing.nav.home.description")
                        .icon("vaadin:newspaper").group(PORTAL).order(10)
                        .view(PortalHomeView.class, () -> new PortalHomeView(articles, procedures, ui())),
                Screen.route(PortalRoutes.SEARCH).title("publishing.nav.search").icon("vaadin:search").group(PORTAL)
                        .order(20).view(SearchView.class, () -> new SearchView(articles, index, ui())),
                Screen.route(PortalRoutes.CATEGORY).title("publishing.nav.category").icon("vaadin:folder-open")
                        .group(PORTAL).order(30).hidden().view(CategoryView.class, () -> new CategoryView(articles, ui())),
                Screen.route(PortalRoutes.ARTICLE).title("publishing.nav.article").icon("vaadin:file-text-o")
                        .group(PORTAL).order(40).hidden()
                        .view(PortalArticleView.class, () -> new PortalArticleView(articles, procedures, ui())),
                Screen.route(ARTICLES).title("publishing.nav.articles").description("publishing.nav.articles.description")
                        .icon("vaadin:edit").group(EDITORIAL).order(10).permission(PublishingPermissions.VIEW)
                        .view(ArticlesView.class, () -> new ArticlesView(articles, ui())),
                Screen.route(EDIT).title("publishing.nav.edit").icon("vaadin:pencil").group(EDITORIAL).order(20)
                        .hidden().permission(PublishingPermissions.VIEW)
                        .view(ArticleEditorView.class, () -> new ArticleEditorView(articles, procedures, ui())),
                Screen.route(AUDIENCE).title("publishing.nav.audience").description("publishing.nav.audience.description")
                        .icon("vaadin:chart").group(EDITORIAL).order(25).permission(PublishingPermissions.VIEW)
                        .view(AudienceView.class, () -> new AudienceView(articles, ui())),
                Screen.route(CATEGORIES).title("publishing.nav.categories").icon("vaadin:folder").group(EDITORIAL)
                        .order(30).permission(PublishingPermissions.CATEGORIES)
                        .view(CategoriesView.class, () -> new CategoriesView(articles, ui())));
    }

    private Ui ui() {
        return new Ui(translations);
    }
}
