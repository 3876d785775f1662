package vn.congso.admin.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.FeaturesService.Option;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.admin.internal.DryRun.Kind;

/**
 * Plugins from the configured features repositories, through Karaf's {@link FeaturesService}.
 *
 * <p>The dry run asks Karaf's resolver with {@link Option#Simulate}: a feature that would not
 * resolve is refused with the resolver's message. Karaf 4.4 prints the simulated deployment only
 * to its log and console (the {@code Deployer}'s callback), not to the caller, so the bundle
 * lists shown are computed from the feature and its dependencies: bundle locations not installed
 * yet are to be installed. Installation never lets Karaf refresh bundles
 * ({@link Option#NoAutoRefreshBundles}), so no core bundle is refreshed by a plugin feature.
 */
final class FeatureInstaller {

    private final Logger log = LoggerFactory.getLogger(FeatureInstaller.class);
    private final FeaturesService features;
    private final Framework framework;
    private final String repositoryPrefix;

    FeatureInstaller(FeaturesService features, Framework framework, String repositoryPrefix) {
        this.features = features;
        this.framework = framework;
        this.repositoryPrefix = repositoryPrefix;
    }

    List<AvailableFeature> available() {
        List<AvailableFeature> result = new ArrayList<>();
        try {
            for (Feature f : features.listFeatures()) {
                String repository = f.getRepositoryUrl() == null ? "" : f.getRepositoryUrl();
                if (f.isHidden() || features.isInstalled(f) || !fromConfiguredRepository(repository)) {
                    continue;
                }
                result.add(new AvailableFeature(f.getName(), f.getVersion(),
                        f.getDescription() == null ? "" : f.getDescription(), repository, translated(f)));
            }
        } catch (Exception e) {
            log.warn("Cannot list the features", e);
        }
        result.sort(Comparator.comparing(AvailableFeature::name).thenComparing(AvailableFeature::version));
        return result;
    }

    /** The translated descriptions read once per feature and version (a jar is not read at every listing). */
    private final java.util.Map<String, java.util.Map<String, String>> translations = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The feature's plugin describing itself: the translated {@code Bundle-Description} of the first
     * of its own bundles (not a dependency) whose jar has one, read from Karaf's repositories
     * ({@code mvn:} and {@code file:} locations only) before anything is installed.
     */
    private java.util.Map<String, String> translated(Feature f) {
        return translations.computeIfAbsent(f.getName() + "/" + f.getVersion(), k -> {
            for (BundleInfo b : f.getBundles()) {
                String location = b.getLocation() == null ? "" : b.getLocation().strip();
                if (b.isDependency() || !(location.startsWith("mvn:") || location.startsWith("file:"))) {
                    continue;
                }
                try (java.io.InputStream jar = new java.net.URL(location).openStream()) {
                    java.util.Map<String, String> texts = BundleTexts.descriptions(jar);
                    if (!texts.isEmpty()) {
                        return texts;
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    log.debug("Cannot read the description of {} from {}", f.getName(), location, e);
                }
            }
            return java.util.Map.of();
        });
    }

    DryRun dryRun(String name, String version) {
        Optional<Feature> feature = find(name, version);
        if (feature.isEmpty()) {
            return DryRunPlanner.refused(Kind.INSTALL, Optional.empty(), Problem.of("plugin.refused.no-such-feature",
                    version == null || version.isBlank() ? name : name + "/" + version));
        }
        Feature f = feature.get();
        BundleRef ref = new BundleRef(f.getName(), f.getVersion());
        try {
            if (features.isInstalled(f)) {
                return DryRunPlanner.refused(Kind.INSTALL, Optional.of(ref),
                        Problem.of("plugin.refused.already-installed", f.getName(), f.getVersion()));
            }
        } catch (Exception e) {
            log.debug("Cannot tell whether {} is installed", ref, e);
        }
        List<BundleRef> toInstall = new ArrayList<>();
        for (String location : locations(f, new LinkedHashSet<>())) {
            if (!isInstalled(location)) {
                toInstall.add(refOfLocation(location));
            }
        }
        try {
            features.installFeature(f.getName(), f.getVersion(),
                    EnumSet.of(Option.Simulate, Option.NoAutoRefreshBundles, Option.NoAutoStartBundles));
        } catch (Exception e) {
            return new DryRun(Optional.of(ref), Kind.INSTALL, toInstall, List.of(), List.of(), List.of(), Optional.empty(),
                    List.of(Problem.of("plugin.refused.unresolved", f.getName(), firstLine(e.getMessage()))));
        }
        return new DryRun(Optional.of(ref), Kind.INSTALL, toInstall, List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }

    /**
     * Installs a feature and waits for its new bundles to become healthy; uninstalls it again otherwise.
     *
     * @return the cause of failure, or empty on success
     */
    Optional<Problem> install(String name, String version, Function<Bundle, Health> awaitHealth) {
        Feature f = find(name, version).orElseThrow();
        Set<String> before = new LinkedHashSet<>();
        for (Bundle b : framework.all()) {
            before.add(b.getLocation());
        }
        try {
            features.installFeature(f.getName(), f.getVersion(), EnumSet.of(Option.NoAutoRefreshBundles));
        } catch (Exception e) {
            return Optional.of(Problem.of("plugin.failed.feature", f.getName(), firstLine(e.getMessage())));
        }
        for (Bundle b : framework.all()) {
            if (!before.contains(b.getLocation()) && !Framework.isFragment(b)) {
                Health h = awaitHealth.apply(b);
                if (!h.healthy()) {
                    try {
                        features.uninstallFeature(f.getName(), f.getVersion(), EnumSet.of(Option.NoAutoRefreshBundles));
                    } catch (Exception e) {
                        log.error("Cannot uninstall the failed feature {}", f.getName(), e);
                    }
                    return Optional.of(h.causes().get(0));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Feature> find(String name, String version) {
        try {
            return Optional.ofNullable(version == null || version.isBlank() ? features.getFeature(name)
                    : features.getFeature(name, version));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Set<String> locations(Feature f, Set<String> seen) {
        Set<String> result = new LinkedHashSet<>();
        if (!seen.add(f.getName() + "/" + f.getVersion())) {
            return result;
        }
        for (Dependency d : f.getDependencies()) {
            find(d.getName(), d.getVersion() == null || d.getVersion().contains(",") ? "" : d.getVersion())
                    .ifPresent(dep -> result.addAll(locations(dep, seen)));
        }
        for (BundleInfo b : f.getBundles()) {
            result.add(b.getLocation().trim());
        }
        return result;
    }

    private boolean isInstalled(String location) {
        for (Bundle b : framework.all()) {
            if (b.getLocation().equals(location)) {
                return true;
            }
        }
        return false;
    }

    private boolean fromConfiguredRepository(String repositoryUri) {
        if (repositoryPrefix.isBlank()) {
            return true;
        }
        try {
            String name = features.getRepositoryName(java.net.URI.create(repositoryUri));
            return name != null && name.startsWith(repositoryPrefix);
        } catch (Exception e) {
            return false;
        }
    }

    /** {@code mvn:group/artifact/version} shown as artifact/version; other locations as they are. */
    static BundleRef refOfLocation(String location) {
        if (location.startsWith("mvn:")) {
            String[] parts = location.substring(4).split("/");
            if (parts.length >= 3) {
                return new BundleRef(parts[1], parts[2]);
            }
        }
        return new BundleRef(location, "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
