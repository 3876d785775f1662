package vn.congso.ui.internal;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.PlatformHeaders;

/**
 * Follows plugin bundles that bring their own styles (manifest header
 * {@link PlatformHeaders#STYLES}): serves their styles folder and tells which stylesheet a view
 * needs. A view's plugin is the bundle its class was loaded from.
 */
final class PluginStyles extends BundleTracker<PluginStyles.Styles> {

    /** URL prefix, below the context root, of every plugin's styles folder. */
    static final String MOUNT = "plugin-styles";

    /**
     * One plugin's styles.
     *
     * @param bundle the plugin bundle
     * @param folder its styles folder, without slashes around it
     */
    record Styles(Bundle bundle, String folder) {

        /** The stylesheet's address with a version that changes when the bundle is updated. */
        String href() {
            return "context://" + MOUNT + "/" + bundle.getSymbolicName() + "/" + PlatformHeaders.STYLES_FILE + "?v="
                    + bundle.getLastModified();
        }
    }

    private final Logger log = LoggerFactory.getLogger(PluginStyles.class);
    private final Map<String, Styles> bySymbolicName = new ConcurrentHashMap<>();

    PluginStyles(BundleContext context) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
    }

    @Override
    public Styles addingBundle(Bundle bundle, BundleEvent event) {
        String folder = bundle.getHeaders("").get(PlatformHeaders.STYLES);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        folder = folder.trim().replaceAll("^/+|/+$", "");
        if (bundle.getEntry(folder + "/" + PlatformHeaders.STYLES_FILE) == null) {
            log.warn("Bundle {} names styles folder '{}' but has no {} in it", bundle.getSymbolicName(), folder,
                    PlatformHeaders.STYLES_FILE);
            return null;
        }
        Styles styles = new Styles(bundle, folder);
        bySymbolicName.put(bundle.getSymbolicName(), styles);
        return styles;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Styles styles) {
        bySymbolicName.remove(bundle.getSymbolicName(), styles);
    }

    /** The stylesheet the view's plugin brings, if it brings one. */
    Optional<String> href(Class<?> view) {
        Bundle bundle = view == null ? null : FrameworkUtil.getBundle(view);
        return bundle == null ? Optional.empty()
                : Optional.ofNullable(bySymbolicName.get(bundle.getSymbolicName()))
                        .filter(styles -> styles.bundle().equals(bundle)).map(Styles::href);
    }

    /** A file of a plugin's styles folder, for {@link BundleFileServlet}. */
    Optional<BundleFileServlet.BundleFile> file(String symbolicName, String path) {
        Styles styles = bySymbolicName.get(symbolicName);
        URL url = styles == null ? null : styles.bundle().getEntry(styles.folder() + "/" + path);
        return url == null ? Optional.empty()
                : Optional.of(new BundleFileServlet.BundleFile(url, styles.bundle().getLastModified()));
    }
}
