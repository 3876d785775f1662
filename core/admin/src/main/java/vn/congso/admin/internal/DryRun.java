package vn.congso.admin.internal;

import java.util.List;
import java.util.Optional;

/**
 * What an install or upgrade would do, computed before anything changes.
 *
 * @param plugin the plugin bundle (for a feature or a {@code .kar}: its first bundle); empty
 *        when the input was not even a bundle
 * @param kind whether it is a new plugin or an upgrade
 * @param toInstall bundles that would be installed
 * @param toUpdate bundles that would be updated in place
 * @param toRefresh bundles that would be refreshed; empty or only the plugin itself, otherwise the
 *        dry run refuses
 * @param providers which installed bundle satisfies each requirement of the new bundles
 * @param signer the subject of the certificate that signed the plugin, empty when unsigned
 *        (possible only when {@link Settings#allowUnsigned()} is on)
 * @param refusals why it would be refused, each a translation key with arguments; empty when the
 *        install may go ahead
 */
public record DryRun(Optional<BundleRef> plugin, Kind kind, List<BundleRef> toInstall, List<BundleRef> toUpdate,
        List<BundleRef> toRefresh, List<Provider> providers, Optional<String> signer, List<Problem> refusals) {

    /** Whether a dry run installs a new plugin or upgrades one. */
    public enum Kind {
        /** A plugin not yet installed. */
        INSTALL,
        /** A newer version of a plugin installed through the service. */
        UPGRADE
    }

    /**
     * One requirement of a new bundle and the installed bundle that satisfies it.
     *
     * @param requirer the new bundle that has the requirement
     * @param namespace the requirement's namespace, e.g. {@code osgi.wiring.package}
     * @param requirement what is required, e.g. {@code com.vaadin.flow.router [24.9,25)}
     * @param provider the bundle that provides it (a bundle of the same install, or an installed one)
     */
    public record Provider(BundleRef requirer, String namespace, String requirement, BundleRef provider) {
    }

    /**
     * Creates the record, copying the lists.
     */
    public DryRun {
        toInstall = List.copyOf(toInstall);
        toUpdate = List.copyOf(toUpdate);
        toRefresh = List.copyOf(toRefresh);
        providers = List.copyOf(providers);
        refusals = List.copyOf(refusals);
    }

    /**
     * Whether the install may go ahead.
     *
     * @return {@code true} when there is no refusal
     */
    public boolean acceptable() {
        return refusals.isEmpty();
    }
}
