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
 * identity rules (no duplicates, upgrades only to newer versions, never replacing or attaching
 * to a core bundle, never refreshing another bundle) and then matches every requirement of the
 * new bundles against the capabilities of the resolved bundles and of the new bundles themselves,
 * respecting version ranges and filters as the resolver does.
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
     * @return the plan, with refusals when it may not go ahead
     */
    static DryRun plan(Kind kind, List<BundleCandidate> candidates, Optional<String> signer, List<InstalledBundle> installed) {
        BundleCandidate plugin = candidates.get(0);
        List<BundleRef> toInstall = new ArrayList<>();
        List<BundleRef> toUpdate = new ArrayList<>();
        List<BundleRef> toRefresh = new ArrayList<>();
        List<Problem> refusals = new ArrayList<>();
        Optional<InstalledBundle> replaced = Optional.empty();

        for (BundleCandidate candidate : candidates) {
            String bsn = candidate.ref().symbolicName();
            List<InstalledBundle> same = installed.stream().filter(b -> b.ref().symbolicName().equals(bsn)).toList();
            Optional<InstalledBundle> exact = same.stream().filter(b -> b.ref().equals(candidate.ref())).findFirst();
            if (exact.isPresent()) {
                refusals.add(Problem.of("plugin.refused.already-installed", bsn, candidate.ref().version()));
                continue;
            }
            Optional<InstalledBundle> core = same.stream().filter(b -> !b.managed()).findFirst();
            if (core.isPresent()) {
                refusals.add(Problem.of("plugin.refused.core-refresh", core.get().ref().toString()));
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
            candidate.fragmentHost().ifPresent(host -> installed.stream()
                    .filter(b -> b.ref().symbolicName().equals(host)).findFirst()
                    .ifPresent(b -> refusals.add(Problem.of("plugin.refused.core-refresh", b.ref().toString()))));
        }

        List<Provider> providers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Capability> available = new ArrayList<>();
        Optional<BundleRef> replacedRef = replaced.map(InstalledBundle::ref);
        installed.stream().filter(b -> replacedRef.map(r -> !r.equals(b.ref())).orElse(true))
                .forEach(b -> available.addAll(b.capabilities()));
        candidates.forEach(c -> available.addAll(c.capabilities()));
        for (BundleCandidate candidate : candidates) {
            for (Requirement requirement : candidate.requirements()) {
                Optional<Capability> match = available.stream().filter(requirement::isSatisfiedBy).findFirst();
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
