package vn.congso.data.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

/**
 * Shows one bundle's resources under a prefix ({@code <symbolicName>/db/changelog.xml} is the
 * bundle's {@code db/changelog.xml}) and nothing else. Liquibase reads the changelog, and every
 * file it includes, through this loader, so the paths it records carry the bundle's name.
 */
final class PrefixedClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String prefix;
    private final ClassLoader bundleLoader;

    PrefixedClassLoader(String prefix, ClassLoader bundleLoader) {
        super(null); // no parent: only the bundle's own resources are visible
        this.prefix = Objects.requireNonNull(prefix);
        this.bundleLoader = Objects.requireNonNull(bundleLoader);
    }

    @Override
    protected URL findResource(String name) {
        String inner = strip(name);
        return inner == null ? null : bundleLoader.getResource(inner);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        String inner = strip(name);
        return inner == null ? Collections.emptyEnumeration() : bundleLoader.getResources(inner);
    }

    private String strip(String name) {
        if (name == null) {
            return null;
        }
        String normalised = name.startsWith("/") ? name.substring(1) : name;
        return normalised.startsWith(prefix) && normalised.length() > prefix.length()
                ? normalised.substring(prefix.length())
                : null;
    }
}
