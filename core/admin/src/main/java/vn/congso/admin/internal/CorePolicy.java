package vn.congso.admin.internal;

import java.util.Set;

/**
 * What a plugin may never claim. "Core" is every bundle that was not installed through the plugin
 * service (its location does not start with {@link PluginService#LOCATION_PREFIX}): the framework,
 * Karaf, the third-party libraries, the {@code congso-core} feature and the first-party plugins the
 * distribution installed from its own features repository. That set is read from the framework at
 * each dry run, so it needs no list kept by hand. On top of it, two reservations hold even for
 * names and namespaces no bundle uses right now.
 *
 * @param symbolicNamePrefix symbolic names starting with this belong to core, installed or not
 *        ({@code coreSymbolicNamePrefix}, default {@code congso-core-})
 * @param reservedNamespaces capability namespaces only core may provide; a plugin may require
 *        them, and then only a core bundle may satisfy the requirement
 */
record CorePolicy(String symbolicNamePrefix, Set<String> reservedNamespaces) {

    /** Namespaces of the execution environment, native code, extenders, contracts and implementations. */
    static final Set<String> RESERVED_NAMESPACES = Set.of("osgi.ee", "osgi.native", "osgi.extender",
            "osgi.contract", "osgi.implementation");

    CorePolicy {
        reservedNamespaces = Set.copyOf(reservedNamespaces);
    }

    /**
     * @param symbolicNamePrefix the reserved symbolic name prefix
     * @return the policy with the {@link #RESERVED_NAMESPACES}
     */
    static CorePolicy of(String symbolicNamePrefix) {
        return new CorePolicy(symbolicNamePrefix, RESERVED_NAMESPACES);
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
     *         ({@code vn.congso.api} and below) and the Java and OSGi name spaces
     */
    boolean reservedPackage(String pkg) {
        return pkg.equals("vn.congso.api") || pkg.startsWith("vn.congso.api.") || pkg.startsWith("java.")
                || pkg.startsWith("org.osgi.");
    }

    /**
     * @param symbolicName a bundle symbolic name
     * @return whether the name is reserved for core
     */
    boolean reservedName(String symbolicName) {
        return !symbolicNamePrefix.isEmpty() && symbolicName.startsWith(symbolicNamePrefix);
    }
}
