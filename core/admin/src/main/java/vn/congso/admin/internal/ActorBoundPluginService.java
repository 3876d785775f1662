package vn.congso.admin.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.congso.admin.internal.DryRun.Kind;

/** {@link PluginService} for one way of telling who asks: every call asks the supplier for the actor. */
final class ActorBoundPluginService implements PluginService {

    private final PluginEngine engine;
    private final Supplier<Actor> actor;

    ActorBoundPluginService(PluginEngine engine, Supplier<Actor> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Settings settings() {
        return engine.settings(actor.get());
    }

    @Override
    public List<PluginInfo> plugins() {
        return engine.plugins(actor.get());
    }

    @Override
    public Optional<PluginInfo> plugin(String symbolicName) {
        return engine.plugin(actor.get(), symbolicName);
    }

    @Override
    public List<AvailableFeature> availableFeatures() {
        return engine.availableFeatures(actor.get());
    }

    @Override
    public List<InstallRecord> history(String symbolicName) {
        return engine.history(actor.get(), symbolicName);
    }

    @Override
    public DryRun dryRunInstall(String fileName, InputStream content) {
        return engine.dryRun(actor.get(), Kind.INSTALL, fileName, content);
    }

    @Override
    public DryRun dryRunUpgrade(String fileName, InputStream content) {
        return engine.dryRun(actor.get(), Kind.UPGRADE, fileName, content);
    }

    @Override
    public DryRun dryRunFeature(String name, String version) {
        return engine.dryRunFeature(actor.get(), name, version);
    }

    @Override
    public ActionResult install(String fileName, InputStream content) {
        return engine.install(actor.get(), fileName, content);
    }

    @Override
    public ActionResult installFeature(String name, String version) {
        return engine.installFeature(actor.get(), name, version);
    }

    @Override
    public ActionResult upgrade(String fileName, InputStream content) {
        return engine.upgrade(actor.get(), fileName, content);
    }

    @Override
    public ActionResult rollback(String symbolicName) {
        return engine.rollback(actor.get(), symbolicName);
    }

    @Override
    public ActionResult stop(String symbolicName) {
        return engine.stop(actor.get(), symbolicName);
    }

    @Override
    public ActionResult start(String symbolicName) {
        return engine.start(actor.get(), symbolicName);
    }

    @Override
    public ActionResult uninstall(String symbolicName) {
        return engine.uninstall(actor.get(), symbolicName);
    }

    @Override
    public ActionResult purge(String symbolicName, boolean confirmed) {
        return engine.purge(actor.get(), symbolicName, confirmed);
    }

    @Override
    public List<TrustedSigner> trustedSigners() {
        return engine.trustedSigners(actor.get());
    }

    @Override
    public TrustResult trust(String fileName, InputStream pem) {
        return engine.trust(actor.get(), fileName, pem);
    }

    @Override
    public TrustResult distrust(String fingerprintOrName) {
        return engine.distrust(actor.get(), fingerprintOrName);
    }

    @Override
    public PluginService forConsole(String karafUser) {
        return new ActorBoundPluginService(engine, () -> Actor.console(karafUser));
    }
}
