package vn.congso.admin.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Installs, upgrades, rolls back, stops, starts and removes plugins at runtime, so that a bad
 * plugin can never take the platform down or leave it half-changed.
 *
 * <p><b>Who may call.</b> Every method requires the permission {@value #PERMISSION} of the
 * current user ({@link vn.congso.api.CurrentUserService}) and throws
 * {@link vn.congso.api.security.AccessDeniedException} otherwise (the refusal is audited). The
 * Karaf shell uses {@link #forConsole(String)}.
 *
 * <p><b>What is audited.</b> Every action and every refusal is written to the audit log as
 * {@code plugin.<action>} (install, install-feature, upgrade, rollback, stop, start, uninstall,
 * purge) with the plugin's symbolic name as target and the version, outcome and reason key in
 * the detail.
 *
 * <p><b>Install pipeline.</b> An upload (a bundle {@code .jar} or a Karaf {@code .kar}) is
 * checked in this order, and refused with the first failing reason before anything changes:
 * size ({@code plugin.refused.too-large}); a zip archive ({@code plugin.refused.not-a-zip},
 * {@code plugin.refused.truncated}); an OSGi manifest ({@code plugin.refused.no-manifest},
 * {@code plugin.refused.not-a-bundle}); the signature ({@code plugin.refused.unsigned},
 * {@code plugin.refused.unknown-signer}, {@code plugin.refused.tampered},
 * {@code plugin.refused.partly-signed}); not installed already
 * ({@code plugin.refused.already-installed}); an upgrade must be newer
 * ({@code plugin.refused.not-newer}); it must not replace or attach to a core bundle
 * ({@code plugin.refused.core-refresh}); the dry run must resolve
 * ({@code plugin.refused.unresolved}). Then the bundle is installed under the location
 * {@code congso-plugin:<symbolic name>}, started, and given {@link Settings#healthTimeoutSeconds()}
 * to become healthy; otherwise it is uninstalled again (status
 * {@link ActionResult.Status#FAILED}) or, for an upgrade, the previous version is restored
 * (status {@link ActionResult.Status#ROLLED_BACK}).
 *
 * <p>Every {@link Problem} key is translated in this bundle's {@code OSGI-INF/l10n/admin*.properties}.
 */
public interface PluginService {

    /** The permission every method requires. */
    String PERMISSION = "platform:plugins:manage";

    /** The bundle location prefix of plugins installed through this service. */
    String LOCATION_PREFIX = "congso-plugin:";

    /**
     * The configuration in force, for the view to show (a warning when unsigned plugins are allowed).
     *
     * @return the settings
     */
    Settings settings();

    /**
     * Every plugin: each non-core bundle that contributes views, permissions or a schema, and each
     * bundle installed through this service; sorted by symbolic name.
     *
     * @return the plugins
     */
    List<PluginInfo> plugins();

    /**
     * One plugin.
     *
     * @param symbolicName its bundle symbolic name
     * @return the plugin, or empty when no such plugin is installed
     */
    Optional<PluginInfo> plugin(String symbolicName);

    /**
     * Features offered by the configured features repositories that are not installed, sorted by name.
     *
     * @return the features
     */
    List<AvailableFeature> availableFeatures();

    /**
     * The changes made to one plugin through this service, newest first.
     *
     * @param symbolicName the plugin
     * @return its install records
     */
    List<InstallRecord> history(String symbolicName);

    /**
     * Checks an upload as {@link #install} would and says what it would do, changing nothing.
     *
     * @param fileName the uploaded file's name; {@code .kar} selects the Karaf archive format
     * @param content the file's bytes; read up to the size limit, not closed
     * @return the dry run, with its refusals
     */
    DryRun dryRunInstall(String fileName, InputStream content);

    /**
     * Checks an upload as {@link #upgrade} would and says what it would do, changing nothing.
     *
     * @param fileName the uploaded file's name
     * @param content the file's bytes; read up to the size limit, not closed
     * @return the dry run, with its refusals
     */
    DryRun dryRunUpgrade(String fileName, InputStream content);

    /**
     * Says what installing a repository feature would do, changing nothing.
     *
     * @param name the feature name
     * @param version the feature version, or empty for the highest
     * @return the dry run, with its refusals ({@code plugin.refused.no-such-feature} among them)
     */
    DryRun dryRunFeature(String name, String version);

    /**
     * Installs and starts a new plugin from an upload.
     *
     * @param fileName the uploaded file's name
     * @param content the file's bytes; read up to the size limit, not closed
     * @return how it ended
     */
    ActionResult install(String fileName, InputStream content);

    /**
     * Installs a feature from a configured repository.
     *
     * @param name the feature name
     * @param version the feature version, or empty for the highest
     * @return how it ended
     */
    ActionResult installFeature(String name, String version);

    /**
     * Upgrades a plugin installed through this service to a newer version, keeping its data and
     * running its new migrations. The previous version is kept for {@link #rollback} and
     * restored automatically when the new one does not become healthy in time. The upgraded
     * plugin is started (a stopped plugin too: its health can only be judged running).
     *
     * @param fileName the uploaded file's name
     * @param content the file's bytes; read up to the size limit, not closed
     * @return how it ended
     */
    ActionResult upgrade(String fileName, InputStream content);

    /**
     * Returns a plugin to the version it had before its last upgrade. The data stays as the
     * newer version left it (migrations are not undone).
     *
     * @param symbolicName the plugin
     * @return how it ended ({@code plugin.refused.no-previous-version} when there is none)
     */
    ActionResult rollback(String symbolicName);

    /**
     * Stops a plugin; its views and permissions disappear until it is started.
     *
     * @param symbolicName the plugin
     * @return how it ended
     */
    ActionResult stop(String symbolicName);

    /**
     * Starts a stopped plugin and waits for it to become healthy.
     *
     * @param symbolicName the plugin
     * @return how it ended
     */
    ActionResult start(String symbolicName);

    /**
     * Uninstalls a plugin installed through this service. Its tables and rows stay, so a later
     * install finds them; see {@link #purge}.
     *
     * @param symbolicName the plugin
     * @return how it ended
     */
    ActionResult uninstall(String symbolicName);

    /**
     * Drops the tables of an uninstalled plugin and forgets its applied migrations. Cannot be undone.
     *
     * @param symbolicName the plugin, which must be uninstalled already
     * @param confirmed must be {@code true}: the caller confirms it understands the data is lost;
     *        otherwise the call is refused with {@code plugin.refused.purge-not-confirmed}
     * @return how it ended
     */
    ActionResult purge(String symbolicName, boolean confirmed);

    /**
     * The signers whose plugins are trusted: the certificates in the trust store folder. Empty on
     * a new installation; the plugins view warns while it is.
     *
     * @return the trusted signers, sorted by file name
     */
    List<TrustedSigner> trustedSigners();

    /**
     * Adds a signer to the trust store, audited as {@code plugin.trust-add}.
     *
     * @param fileName the name of the operator's file, for messages only (the stored file is named
     *        after the certificate)
     * @param pem exactly one X.509 certificate in PEM form, no private key; read up to 64 KB, not closed
     * @return how it ended; refused with {@code plugin.refused.trust-*} when the file is not one
     *         valid certificate or is trusted already
     */
    TrustResult trust(String fileName, InputStream pem);

    /**
     * Removes a signer from the trust store, audited as {@code plugin.trust-remove}. Plugins
     * installed already stay; the next upload signed by it is refused.
     *
     * @param fingerprintOrName the file name as {@link #trustedSigners()} lists it, or its SHA-256
     *        fingerprint (colons optional; a unique prefix of at least 16 hex digits)
     * @return how it ended; refused with {@code plugin.refused.trust-unknown} or
     *         {@code plugin.refused.trust-ambiguous}
     */
    TrustResult distrust(String fingerprintOrName);

    /**
     * The same service acting for a Karaf console user instead of the current CongSo user. Karaf
     * has authenticated that user through JAAS and the {@code congso} command scope is limited to
     * the {@code admin} role ({@code etc/org.apache.karaf.command.acl.congso.cfg}), so the
     * permission check passes; audit entries name the actor {@code console:<karaf user>}.
     * For the shell commands of this bundle only.
     *
     * @param karafUser the Karaf user name
     * @return a service acting for that user
     */
    PluginService forConsole(String karafUser);
}
