package vn.congso.core.spi;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the shell knows of each bundle's screens: the routes it serves now and what went wrong
 * with the bundle's {@code ScreenProvider} (it threw, a route was taken, a view factory threw),
 * for the plugins screen.
 */
@ProviderType
public interface ScreenStatus {

    /** What went wrong. */
    enum Kind {
        /** The provider threw when asked for its groups or screens: none of its screens is there. */
        PROVIDER_FAILED,
        /** A screen's route is empty or reserved by the platform: the screen is left out. */
        INVALID_ROUTE,
        /** A screen's route is already served by another screen: the screen is left out. */
        DUPLICATE_ROUTE,
        /** A screen's view factory threw when a user opened it. */
        VIEW_FAILED,
        /** A screen's title or description key has no text in Vietnamese or English: people would see the raw key. */
        MISSING_TEXT,
        /** A screen requires a permission that no bundle declares: no administrator can grant it. */
        UNDECLARED_PERMISSION
    }

    /**
     * One thing wrong with a bundle's screens.
     *
     * @param kind what went wrong
     * @param route the route concerned, or empty when the whole provider failed
     * @param detail the exception's message, or the bundle already serving the route
     */
    record Problem(Kind kind, String route, String detail) {
    }

    /**
     * The routes one bundle serves now, sorted.
     *
     * @param bundleId the bundle
     * @return its routes
     */
    List<String> routes(long bundleId);

    /**
     * What went wrong with one bundle's screens since it registered them, oldest first.
     *
     * @param bundleId the bundle
     * @return the problems; empty when every screen works
     */
    List<Problem> problems(long bundleId);
}
