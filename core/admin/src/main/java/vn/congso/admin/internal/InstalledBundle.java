package vn.congso.admin.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the dry run needs to know of one bundle installed now.
 *
 * @param ref symbolic name and version
 * @param managed {@code true} when it was installed through {@link PluginService} (location
 *        {@link PluginService#LOCATION_PREFIX}); every other bundle counts as core, which a plugin
 *        may never replace, attach to or refresh
 * @param capabilities its capabilities, from its current wiring; empty when it is not resolved
 * @param dependents the other bundles wired to it now, which a refresh of it would refresh too
 * @param exportedPackages the packages its manifest exports, resolved or not: a package a bundle
 *        exports is owned by it, and no plugin may export it too
 */
record InstalledBundle(BundleRef ref, boolean managed, List<Capability> capabilities, Set<BundleRef> dependents,
        Set<String> exportedPackages) {

    InstalledBundle {
        capabilities = List.copyOf(capabilities);
        dependents = Set.copyOf(dependents);
        exportedPackages = Set.copyOf(exportedPackages);
    }

    /** A bundle whose exports are those of its package capabilities. */
    InstalledBundle(BundleRef ref, boolean managed, List<Capability> capabilities, Set<BundleRef> dependents) {
        this(ref, managed, capabilities, dependents, capabilities.stream()
                .filter(c -> BundleCandidate.PACKAGE.equals(c.namespace()))
                .map(c -> String.valueOf(c.attributes().get(BundleCandidate.PACKAGE)))
                .collect(Collectors.toSet()));
    }
}
