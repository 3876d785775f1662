package vn.congso.admin.internal;

import java.util.Map;

/**
 * Something a bundle provides to the resolver, in the OSGi generic form.
 *
 * @param namespace e.g. {@code osgi.wiring.package}
 * @param attributes the capability's attributes (versions as {@link org.osgi.framework.Version})
 * @param provider the bundle that provides it
 */
record Capability(String namespace, Map<String, Object> attributes, BundleRef provider) {

    Capability {
        attributes = Map.copyOf(attributes);
    }
}
