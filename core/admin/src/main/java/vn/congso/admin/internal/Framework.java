package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The few framework operations the plugin service needs, each confined to the plugin bundle:
 * reading what is installed and wired, installing under a stable location, updating and
 * refreshing one bundle only.
 */
final class Framework {

    private static final long REFRESH_TIMEOUT_SECONDS = 60;
    private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Framework.class);
    private final BundleContext context;

    Framework(BundleContext context) {
        this.context = context;
    }

    /** Every installed bundle with its capabilities and dependents, for the dry run. */
    List<InstalledBundle> installed() {
        List<InstalledBundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleRef ref = refOf(bundle);
            List<Capability> capabilities = new ArrayList<>();
            Set<BundleRef> dependents = new HashSet<>();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring != null) {
                for (BundleCapability c : wiring.getCapabilities(null)) {
                    capabilities.add(new Capability(c.getNamespace(), new HashMap<>(c.getAttributes()),
                            refOf(c.getRevision().getBundle())));
                }
                for (BundleWire wire : wiring.getProvidedWires(null)) {
                    Bundle requirer = wire.getRequirerWiring().getBundle();
                    if (requirer.getBundleId() != bundle.getBundleId()) {
                        dependents.add(refOf(requirer));
                    }
                }
            }
            // What the manifest exports (an unresolved bundle has no wiring) and what the wiring
            // exports (the system bundle's packages are not in a manifest header).
            Set<String> exports = new HashSet<>();
            try {
                HeaderClause.parse(bundle.getHeaders("").get(org.osgi.framework.Constants.EXPORT_PACKAGE))
                        .forEach(clause -> exports.addAll(clause.paths()));
            } catch (IllegalArgumentException e) {
                log.warn("Cannot read the Export-Package header of {}: {}", ref, e.getMessage());
            }
            capabilities.stream().filter(c -> BundleCandidate.PACKAGE.equals(c.namespace()))
                    .forEach(c -> exports.add(String.valueOf(c.attributes().get(BundleCandidate.PACKAGE))));
            result.add(new InstalledBundle(ref, isManaged(bundle), capabilities, dependents, exports));
        }
        return result;
    }

    /** The bundles of a symbolic name. */
    List<Bundle> bySymbolicName(String symbolicName) {
        List<Bundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                result.add(bundle);
            }
        }
        return result;
    }

    /** The bundle installed through the service under a symbolic name. */
    Optional<Bundle> managed(String symbolicName) {
        return Optional.ofNullable(context.getBundle(PluginService.LOCATION_PREFIX + symbolicName));
    }

    Bundle[] all() {
        return context.getBundles();
    }

    Bundle install(BundleRef ref, Path jar) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(PluginService.LOCATION_PREFIX + ref.symbolicName(), in);
        }
    }

    /**
     * Replaces a bundle's content and refreshes that bundle alone, so the new classes are used;
     * the dry run has made sure no other bundle is wired to it.
     */
    void update(Bundle bundle, Path jar) throws BundleException, IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
        }
        refresh(bundle);
    }

    /** Refreshes one bundle and waits until the framework is done. */
    void refresh(Bundle bundle) throws BundleException {
        CompletableFuture<FrameworkEvent> done = new CompletableFuture<>();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), done::complete);
        try {
            FrameworkEvent event = done.get(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (event.getType() == FrameworkEvent.ERROR) {
                throw new BundleException("refresh failed", event.getThrowable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while refreshing " + bundle.getSymbolicName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BundleException("refresh of " + bundle.getSymbolicName() + " did not finish", e);
        }
    }

    /** Whether the framework is to start this bundle (it was started and not stopped since). */
    static boolean isPersistentlyStarted(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    static boolean isManaged(Bundle bundle) {
        return bundle.getLocation().startsWith(PluginService.LOCATION_PREFIX);
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
    }

    static BundleRef refOf(Bundle bundle) {
        String bsn = bundle.getSymbolicName();
        return new BundleRef(bsn == null ? bundle.getLocation() : bsn, bundle.getVersion().toString());
    }
}
