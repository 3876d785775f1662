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

    /** Folder of a bundle's translation files. */
    public static final String L10N_PATH = "OSGI-INF/l10n";

    private PlatformHeaders() {
    }
}
