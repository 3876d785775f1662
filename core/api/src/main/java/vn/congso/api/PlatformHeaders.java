package vn.congso.api;

/** Manifest headers and bundle paths the platform looks for in bundles. */
public final class PlatformHeaders {

    /**
     * Manifest header of a code-less theme bundle; its value is the theme's name. The
     * bundle's files under {@link #THEME_PATH} are served at {@code /themes/<name>/}. The
     * theme carries {@code styles.css}, a logo, and {@code theme.properties} with the keys
     * {@code district.name}, {@code district.name.en}, {@code logo}.
     */
    public static final String THEME = "CongSo-Theme";

    /** Folder of a theme bundle's files. */
    public static final String THEME_PATH = "theme";

    /**
     * Manifest header of a plugin bundle that brings its own styles; its value is a folder in
     * the bundle (for example {@code web}) holding {@code styles.css} and the files it refers
     * to. The folder is served at {@code /plugin-styles/<Bundle-SymbolicName>/}, and every page
     * that shows one of the bundle's views links {@code styles.css}, so views can use CSS class
     * names instead of inline styles (which Vaadin keeps, per element, in every open UI).
     *
     * @since 1.3
     */
    public static final String STYLES = "CongSo-Styles";

    /** The stylesheet a {@link #STYLES} folder must hold. */
    public static final String STYLES_FILE = "styles.css";

    /** Folder of a bundle's translation files. */
    public static final String L10N_PATH = "OSGI-INF/l10n";

    private PlatformHeaders() {
    }
}
