package vn.congso.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import vn.congso.admin.internal.DryRun.Kind;
import vn.congso.admin.internal.DryRun.Provider;

/**
 * Decides, without touching the framework, whether new bundles may be installed next to the
 * bundles installed now, and what that would install, update and refresh. It applies the
 * identity rules (no duplicates, upgrades only to newer versions, never refreshing another
 * bundle), then the rules that keep a plugin from taking over core or another plugin (see
 * {@link CorePolicy}): no symbolic name of core and no bundle marked as core, no import of a core-only
 * package, no fragment of a core or another plugin's
 * bundle, no export of a package another installed bundle exports (so no plugin can become the
 * exporter of {@code vn.congso.api}, whatever version it claims, nor substitute it through an
 * import of its own export), no capability in a namespace only core provides. Last it matches
 * every requirement of the new bundles against the capabilities of the resolved bundles and of the
 * new bundles themselves, respecting version ranges and filters as the resolver does; a
 * requirement in a reserved namespace may be satisfied by core only.
 */
final class DryRunPlanner {

    private DryRunPlanner() {
    }

    /**
     * Plans an install or an upgrade.
     *
     * @param kind install or upgrade
     * @param candidates the new bundles, the plugin first
     * @param signer the signer's subject, or empty
     * @param installed every bundle installed now
     * @param core what belongs to core beyond the bundles not installed through the service
     * @return the plan, with refusals when it may not go ahead
     */
    static DryRun plan(Kind kind, List<BundleCandidate> candidates, Optional<String> signer, List<InstalledBundle> installed,
            CorePolicy core) {
        BundleCandidate plugin = candidates.get(0);
        List<BundleRef> toInstall = new ArrayList<>();
        List<BundleRef> toUpdate = new ArrayList<>();
        List<BundleRef> toRefresh = new ArrayList<>();
        List<Problem> refusals = new ArrayList<>();
        Optional<InstalledBundle> replaced = Optional.empty();

        for (BundleCandidate candidate : candidates) {
            String bsn = candidate.ref().symbolicName();
            if (candidate.coreMarked()) {
                refusals.add(Problem.of("plugin.refused.core-bundle", bsn, CorePolicy.CORE_HEADER));
                continue;
            }
            candidate.imports().stream().filter(core::coreOnlyImport).findFirst().ifPresent(
                    pkg -> refusals.add(Problem.of("plugin.refused.core-package", bsn, pkg)));
            List<InstalledBundle> same = installed.stream().filter(b -> b.ref().symbolicName().equals(bsn)).toList();
            Optional<InstalledBundle> exact = same.stream().filter(b -> b.ref().equals(candidate.ref())).findFirst();
            if (exact.isPresent()) {
                refusals.add(Problem.of("plugin.refused.already-installed", bsn, candidate.ref().version()));
                continue;
            }
            Optional<InstalledBundle> coreBundle = same.stream().filter(b -> !b.managed()).findFirst();
            if (coreBundle.isPresent()) {
                refusals.add(Problem.of("plugin.refused.core-name", bsn, coreBundle.get().ref().toString()));
                continue;
            }
            if (kind == Kind.UPGRADE && candidate == plugin) {
                if (same.isEmpty()) {
                    refusals.add(Problem.of("plugin.refused.not-installed", bsn));
                    continue;
                }
                InstalledBundle current = same.get(0);
                if (candidate.version().compareTo(Version.parseVersion(current.ref().version())) <= 0) {
                    refusals.add(Problem.of("plugin.refused.not-newer", bsn, candidate.ref().version(), current.ref().version()));
                    continue;
                }
                replaced = Optional.of(current);
                toUpdate.add(candidate.ref());
                toRefresh.add(candidate.ref());
                current.dependents().stream().filter(d -> !d.symbolicName().equals(bsn))
                        .forEach(d -> refusals.add(Problem.of("plugin.refused.refreshes-other", bsn, d.toString())));
            } else if (!same.isEmpty()) {
                refusals.add(Problem.of("plugin.refused.installed-other-version", bsn, same.get(0).ref().version()));
                continue;
            } else {
                toInstall.add(candidate.ref());
            }
            candidate.fragmentHost().ifPresent(host -> fragmentRefusal(candidate, host, candidates, installed, core)
                    .ifPresent(refusals::add));
        }

        Optional<BundleRef> replacedBundle = replaced.map(InstalledBundle::ref);
        for (BundleCandidate candidate : candidates) {
            for (Capability capability : candidate.capabilities()) {
                if (BundleCandidate.PACKAGE.equals(capability.namespace())) {
                    String pkg = String.valueOf(capability.attributes().get(BundleCandidate.PACKAGE));
                    packageRefusal(candidate, pkg, installed, replacedBundle, core).ifPresent(refusals::add);
                } else if (core.reserved(capability.namespace())) {
                    refusals.add(Problem.of("plugin.refused.reserved-capability", candidate.ref().symbolicName(),
                            capability.namespace()));
                }
            }
        }

        List<Provider> providers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Capability> available = new ArrayList<>();
        installed.stream().filter(b -> replacedBundle.map(r -> !r.equals(b.ref())).orElse(true))
                .forEach(b -> available.addAll(b.capabilities()));
        candidates.forEach(c -> available.addAll(c.capabilities()));
        for (BundleCandidate candidate : candidates) {
            for (Requirement requirement : candidate.requirements()) {
                Optional<Capability> match;
                if (core.reserved(requirement.namespace())) {
                    // Only core may satisfy it: never another plugin, never the upload itself.
                    match = installed.stream().filter(b -> !b.managed()).flatMap(b -> b.capabilities().stream())
                            .filter(requirement::isSatisfiedBy).findFirst();
                    if (match.isEmpty() && available.stream().anyMatch(requirement::isSatisfiedBy)) {
                        refusals.add(Problem.of("plugin.refused.reserved-capability", candidate.ref().symbolicName(),
                                requirement.namespace()));
                        continue;
                    }
                } else {
                    match = available.stream().filter(requirement::isSatisfiedBy).findFirst();
                }
                if (match.isPresent()) {
                    providers.add(new Provider(candidate.ref(), requirement.namespace(), requirement.description(),
                            match.get().provider()));
                } else {
                    missing.add(requirement.description());
                }
            }
        }
        if (!missing.isEmpty()) {
            refusals.add(Problem.of("plugin.refused.unresolved", plugin.ref().symbolicName(),
                    missing.stream().collect(Collectors.joining(", "))));
        }
        return new DryRun(Optional.of(plugin.ref()), kind, toInstall, toUpdate, toRefresh, providers, signer, refusals);
    }

    /** A fragment may attach only to a bundle of the same upload. */
    private static Optional<Problem> fragmentRefusal(BundleCandidate fragment, String host, List<BundleCandidate> candidates,
            List<InstalledBundle> installed, CorePolicy core) {
        String bsn = fragment.ref().symbolicName();
        if (candidates.stream().anyMatch(c -> c != fragment && c.ref().symbolicName().equals(host))) {
            return Optional.empty();
        }
        Optional<InstalledBundle> target = installed.stream().filter(b -> b.ref().symbolicName().equals(host)).findFirst();
        if (target.isPresent() && target.get().managed()) {
            return Optional.of(Problem.of("plugin.refused.fragment-of-plugin", bsn, target.get().ref().toString()));
        }
        if (target.isPresent()) {
            return Optional.of(Problem.of("plugin.refused.fragment-of-core", bsn,
                    target.map(b -> b.ref().toString()).orElse(host)));
        }
        return Optional.empty();
    }

    /** A package belongs to the installed bundle that exports it; the bundle being upgraded gives its own up. */
    private static Optional<Problem> packageRefusal(BundleCandidate candidate, String pkg, List<InstalledBundle> installed,
            Optional<BundleRef> replaced, CorePolicy core) {
        String bsn = candidate.ref().symbolicName();
        for (InstalledBundle owner : installed) {
            if (replaced.map(owner.ref()::equals).orElse(false) || !owner.exportedPackages().contains(pkg)) {
                continue;
            }
            return Optional.of(Problem.of(owner.managed() ? "plugin.refused.package-of-plugin" : "plugin.refused.package-of-core",
                    bsn, pkg, owner.ref().toString()));
        }
        if (core.reservedPackage(pkg)) {
            return Optional.of(Problem.of("plugin.refused.package-of-core", bsn, pkg, CorePolicy.CORE_HEADER));
        }
        return Optional.empty();
    }

    /**
     * A dry run refused before the bundle could even be read.
     *
     * @param kind install or upgrade
     * @param problem why
     * @return the plan
     */
    static DryRun refused(Kind kind, Optional<BundleRef> plugin, Problem problem) {
        return new DryRun(plugin, kind, List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(problem));
    }
}
