package vn.congso.admin.internal;

/**
 * A bundle named by symbolic name and version.
 *
 * @param symbolicName the Bundle-SymbolicName
 * @param version the Bundle-Version, normalised by {@link org.osgi.framework.Version}
 */
public record BundleRef(String symbolicName, String version) {

    @Override
    public String toString() {
        return symbolicName + "/" + version;
    }
}
