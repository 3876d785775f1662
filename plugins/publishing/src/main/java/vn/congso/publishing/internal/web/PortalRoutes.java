package vn.congso.publishing.internal.web;

/** The portal's addresses, in one place so views, feeds, previews and PDFs agree. */
public final class PortalRoutes {

    /** The portal's home page. */
    public static final String HOME = "portal";
    /** A category's page, followed by {@code /<categoryId>}. */
    public static final String CATEGORY = "portal/category";
    /** An article's page, followed by {@code /<slug>}. */
    public static final String ARTICLE = "portal/article";
    /** Search, with {@code ?q=}. */
    public static final String SEARCH = "portal/search";
    /** The name of the plugin's files under {@code /pub/}. */
    public static final String RESOURCES = "publishing";

    private PortalRoutes() {
    }

    /** @return the route of an article */
    public static String article(String slug) {
        return ARTICLE + "/" + slug;
    }

    /** @return the route of a category */
    public static String category(String id) {
        return CATEGORY + "/" + id;
    }

    /** @return the path of a cover width */
    public static String cover(long articleId, int width) {
        return "/pub/" + RESOURCES + "/cover/" + articleId + "/" + width + ".jpg";
    }

    /** @return the path of an attachment */
    public static String attachment(long articleId, long fileId, String name) {
        return "/pub/" + RESOURCES + "/file/" + articleId + "/" + fileId + "/" + name;
    }

    /** @return the path of a feed; category null for all */
    public static String feed(String categoryId, boolean atom) {
        return "/pub/" + RESOURCES + "/feed/" + (categoryId == null ? "" : categoryId + "/") + (atom ? "atom.xml" : "rss.xml");
    }

    /** @return the path of an article's printable leaflet */
    public static String leaflet(String slug) {
        return "/pub/" + RESOURCES + "/leaflet/" + slug + ".pdf";
    }
}
