package vn.congso.admin.internal;

import java.util.Set;

/**
 * What a plugin may never claim. "Core" is every bundle that was not installed through the plugin
 * service (its location does not start with {@link PluginService#LOCATION_PREFIX}): the framework,
 * Karaf, the third-party libraries, the {@code congso-core} feature and the first-party plugins the
 * distribution installed from its own features repository. That set is read from the framework at
 * each dry run, so it needs no list kept by hand. On top of it, reservations hold even for names
 * and namespaces no bundle uses right now: a bundle marked {@value #CORE_HEADER}{@code : true} (the
 * core modules' build sets it) is core wherever it comes from, the core-only packages
 * ({@code vn.congso.core} and below) are never imported by a plugin, and the plugin API's
 * packages are never exported by one.
 *
 * @param reservedNamespaces capability namespaces only core may provide; a plugin may require
 *        them, and then only a core bundle may satisfy the requirement
 */
record CorePolicy(Set<String> reservedNamespaces) {

    /** The manifest header that marks a core bundle. */
    static final String CORE_HEADER = "CongSo-Core";

    /** Namespaces of the execution environment, native code, extenders, contracts and implementations. */
    static final Set<String> RESERVED_NAMESPACES = Set.of("osgi.ee", "osgi.native", "osgi.extender",
            "osgi.contract", "osgi.implementation");

    /** The root of the packages core bundles share among themselves only. */
    static final String CORE_PACKAGES = "vn.congso.core";

    CorePolicy {
        reservedNamespaces = Set.copyOf(reservedNamespaces);
    }

    /**
     * @return the policy with the {@link #RESERVED_NAMESPACES}
     */
    static CorePolicy standard() {
        return new CorePolicy(RESERVED_NAMESPACES);
    }

    /**
     * @param namespace a capability namespace
     * @return whether only core may provide it (the listed ones and every {@code congso} / {@code vn.congso} namespace)
     */
    boolean reserved(String namespace) {
        return reservedNamespaces.contains(namespace) || namespace.startsWith("congso") || namespace.startsWith("vn.congso");
    }

    /**
     * @param pkg a Java package name
     * @return whether only core may export it, even when no bundle exports it now: the plugin API
     *         ({@code vn.congso.api} and below), the core-only packages, and the Java and OSGi name spaces
     */
    boolean reservedPackage(String pkg) {
        return pkg.equals("vn.congso.api") || pkg.startsWith("vn.congso.api.") || corePackage(pkg)
                || pkg.startsWith("java.") || pkg.startsWith("org.osgi.");
    }

    /**
     * @param imported an imported package, or a dynamic import pattern such as {@code vn.congso.*}
     * @return whether a plugin may not import it: a core-only package, or a pattern that matches one
     */
    boolean coreOnlyImport(String imported) {
        String name = imported.trim();
        if (name.endsWith("*")) {
            String prefix = name.substring(0, name.length() - 1);
            return (CORE_PACKAGES + ".").startsWith(prefix) || prefix.startsWith(CORE_PACKAGES + ".");
        }
        return corePackage(name);
    }

    private static boolean corePackage(String pkg) {
        return pkg.equals(CORE_PACKAGES) || pkg.startsWith(CORE_PACKAGES + ".");
    }
}
