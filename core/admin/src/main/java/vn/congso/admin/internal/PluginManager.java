package vn.congso.admin.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.admin.internal.indicators.IndicatorRegistry;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.security.PermissionContribution;
import vn.congso.core.spi.MigrationStatus;
import vn.congso.core.spi.ScreenStatus;

/**
 * The {@link PluginService} component: wires the engine to the framework, SCR, the platform
 * database, Karaf's features service and the audit log, and tracks which bundle contributes
 * which views and permissions. Acts for the current CongSo user.
 */
@Component(service = PluginService.class, configurationPid = "vn.congso.admin", immediate = true)
@Designate(ocd = PluginAdminConfig.class)
public final class PluginManager implements PluginService {

    private final Logger log = LoggerFactory.getLogger(PluginManager.class);
    private final Contributions contributions = new Contributions();
    private final PluginService forCurrentUser;

    /**
     * Creates the service.
     *
     * @param context this bundle's context
     * @param config the configuration
     * @param users who is asking
     * @param audit the audit log
     * @param database the platform database (this bundle's schema migrated)
     * @param scr the component runtime, for health
     * @param migrations every bundle's migration state
     * @param features Karaf's features service
     */
    @Activate
    public PluginManager(BundleContext context, PluginAdminConfig config, @Reference CurrentUserService users,
            @Reference AuditLog audit, @Reference Database database, @Reference ServiceComponentRuntime scr,
            @Reference MigrationStatus migrations, @Reference FeaturesService features) {
        Path karafEtc = Path.of(System.getProperty("karaf.etc", "etc"));
        Path trustFolder = karafEtc.resolve(config.trustStore());
        Path storeRoot = Path.of(System.getProperty("karaf.data", "data"), "congso", "plugins");
        Settings settings = new Settings(config.allowUnsigned(), config.maxUploadMegabytes() * 1024L * 1024L,
                config.healthTimeoutSeconds(), trustFolder.toString());
        Framework framework = new Framework(context);
        PluginStore store = new PluginStore(storeRoot);
        Staged.deleteTree(store.staging()); // leftovers of a crash during a check
        TrustStore trust = new TrustStore(trustFolder);
        ArchiveLimits limits = new ArchiveLimits(config.maxArchiveEntries(), config.maxInflatedMegabytes() * 1024L * 1024L,
                config.maxCompressionRatio());
        PluginEngine engine = new PluginEngine(framework, store, settings,
                new SignatureVerifier(trust, config.allowUnsigned()),
                new HealthProbe(scr, migrations, this::contributionProblems), contributions, new InstallRecords(database.dataSource()),
                new SchemaPurger(database.dataSource()),
                new FeatureInstaller(features, framework, config.featureRepositoryPrefix()), audit,
                CorePolicy.standard(), trust, limits);
        this.forCurrentUser = new ActorBoundPluginService(engine, () -> Actor.of(users.current()));
        if (config.allowUnsigned()) {
            log.warn("Unsigned plugins are allowed (vn.congso.admin allowUnsigned=true)");
        }
        trust.signers().stream().filter(TrustedSigner::publicTestKey).forEach(s -> log.warn(
                "The trust store trusts the repository's TEST signing certificate {} ({}), whose private key is public: "
                        + "anyone can sign a plugin this installation accepts. Remove it: congso:trust-remove {}",
                s.name(), s.subject(), s.fingerprint()));
        if (trust.certificates().isEmpty()) {
            log.info("No trusted plugin signer in {}: uploaded plugins are refused until one is added "
                    + "(congso:trust-add or the plugins screen)", trustFolder);
        }
    }

    /** The dashboard's indicators, when it runs: a plugin whose indicator fails is shown unhealthy. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IndicatorRegistry indicators;

    /** What a bundle's screens and indicators did wrong at run time, for its health. */
    private List<Problem> contributionProblems(org.osgi.framework.Bundle bundle) {
        List<Problem> problems = new ArrayList<>();
        for (ScreenStatus.Problem problem : contributions.screenProblems(bundle.getBundleId())) {
            problems.add(HealthProbe.screenProblem(problem));
        }
        IndicatorRegistry registry = indicators;
        if (registry != null) {
            registry.failuresOf(bundle.getBundleId()).stream()
                    .map(f -> Problem.of("plugin.health.indicator-failed", f.indicatorId(), f.cause()))
                    .forEach(problems::add);
        }
        return problems;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindScreens(ScreenStatus screens) {
        contributions.screens(screens);
    }

    void unbindScreens(ScreenStatus screens) {
        contributions.forgetScreens(screens);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPermissions(PermissionContribution permissions, ServiceReference<PermissionContribution> reference) {
        try {
            contributions.addPermissions(bundleOf(reference), reference.getProperty(Constants.SERVICE_ID),
                    permissions.permissions().stream().map(PermissionContribution.Permission::permission).toList());
        } catch (RuntimeException e) {
            log.debug("A permission contribution failed to list its permissions", e);
        }
    }

    void removePermissions(ServiceReference<PermissionContribution> reference) {
        contributions.removePermissions(bundleOf(reference), reference.getProperty(Constants.SERVICE_ID));
    }

    private static long bundleOf(ServiceReference<?> reference) {
        return reference.getBundle() == null ? -1 : reference.getBundle().getBundleId();
    }

    @Override
    public Settings settings() {
        return forCurrentUser.settings();
    }

    @Override
    public List<PluginInfo> plugins() {
        return forCurrentUser.plugins();
    }

    @Override
    public Optional<PluginInfo> plugin(String symbolicName) {
        return forCurrentUser.plugin(symbolicName);
    }

    @Override
    public List<AvailableFeature> availableFeatures() {
        return forCurrentUser.availableFeatures();
    }

    @Override
    public List<InstallRecord> history(String symbolicName) {
        return forCurrentUser.history(symbolicName);
    }

    @Override
    public DryRun dryRunInstall(String fileName, InputStream content) {
        return forCurrentUser.dryRunInstall(fileName, content);
    }

    @Override
    public DryRun dryRunUpgrade(String fileName, InputStream content) {
        return forCurrentUser.dryRunUpgrade(fileName, content);
    }

    @Override
    public DryRun dryRunFeature(String name, String version) {
        return forCurrentUser.dryRunFeature(name, version);
    }

    @Override
    public ActionResult install(String fileName, InputStream content) {
        return forCurrentUser.install(fileName, content);
    }

    @Override
    public ActionResult installFeature(String name, String version) {
        return forCurrentUser.installFeature(name, version);
    }

    @Override
    public ActionResult upgrade(String fileName, InputStream content) {
        return forCurrentUser.upgrade(fileName, content);
    }

    @Override
    public ActionResult rollback(String symbolicName) {
        return forCurrentUser.rollback(symbolicName);
    }

    @Override
    public ActionResult stop(String symbolicName) {
        return forCurrentUser.stop(symbolicName);
    }

    @Override
    public ActionResult start(String symbolicName) {
        return forCurrentUser.start(symbolicName);
    }

    @Override
    public ActionResult uninstall(String symbolicName) {
        return forCurrentUser.uninstall(symbolicName);
    }

    @Override
    public ActionResult purge(String symbolicName, boolean confirmed) {
        return forCurrentUser.purge(symbolicName, confirmed);
    }

    @Override
    public List<TrustedSigner> trustedSigners() {
        return forCurrentUser.trustedSigners();
    }

    @Override
    public TrustResult trust(String fileName, InputStream pem) {
        return forCurrentUser.trust(fileName, pem);
    }

    @Override
    public TrustResult distrust(String fingerprintOrName) {
        return forCurrentUser.distrust(fingerprintOrName);
    }

    @Override
    public PluginService forConsole(String karafUser) {
        return forCurrentUser.forConsole(karafUser);
    }
}
