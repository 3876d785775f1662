package vn.congso.admin.internal;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Something a new bundle needs from the resolver, in the OSGi generic form: a namespace and an
 * LDAP filter over capability attributes, as the framework itself turns {@code Import-Package}
 * and {@code Require-Bundle} into.
 *
 * @param requirer the bundle that needs it
 * @param namespace e.g. {@code osgi.wiring.package}
 * @param filter the filter, or empty to accept any capability of the namespace
 * @param description how an administrator reads it, e.g. {@code com.example.api [1.0.0,2.0.0)}
 */
record Requirement(BundleRef requirer, String namespace, String filter, String description) {

    /**
     * Whether a capability satisfies this requirement.
     *
     * @param capability the candidate
     * @return {@code true} when the namespace matches and the filter accepts its attributes
     */
    boolean isSatisfiedBy(Capability capability) {
        if (!namespace.equals(capability.namespace())) {
            return false;
        }
        if (filter.isEmpty()) {
            return true;
        }
        return compiled().matches(capability.attributes());
    }

    private Filter compiled() {
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid filter in " + description + ": " + filter, e);
        }
    }
}
