package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.admin.internal.DryRun.Kind;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;

/**
 * Carries out every plugin action for an {@link Actor}: checks the permission, runs the install
 * pipeline, changes the framework one plugin bundle at a time, undoes a change that leaves the
 * plugin unhealthy, keeps the install records and audits the outcome. Changes are serialised:
 * one plugin action at a time.
 */
final class PluginEngine {

    private static final long POLL_MILLIS = 50;
    private static final long SETTLE_MILLIS = 100;
    private final Logger log = LoggerFactory.getLogger(PluginEngine.class);
    private final ReentrantLock changes = new ReentrantLock();
    private final Framework framework;
    private final PluginStore store;
    private final Settings settings;
    private final SignatureVerifier signatures;
    private final HealthProbe health;
    private final Contributions contributions;
    private final InstallRecords records;
    private final SchemaPurger purger;
    private final FeatureInstaller features;
    private final AuditLog audit;
    private final CorePolicy core;
    private final TrustStore trust;
    private final ArchiveLimits limits;
    private final Clock clock = Clock.systemUTC();

    PluginEngine(Framework framework, PluginStore store, Settings settings, SignatureVerifier signatures,
            HealthProbe health, Contributions contributions, InstallRecords records, SchemaPurger purger,
            FeatureInstaller features, AuditLog audit, CorePolicy core, TrustStore trust, ArchiveLimits limits) {
        this.framework = framework;
        this.store = store;
        this.settings = settings;
        this.signatures = signatures;
        this.health = health;
        this.contributions = contributions;
        this.records = records;
        this.purger = purger;
        this.features = features;
        this.audit = audit;
        this.core = core;
        this.trust = trust;
        this.limits = limits;
    }

    Settings settings(Actor actor) {
        guard(actor, "plugin.settings", "");
        return settings;
    }

    // ---- reading ----------------------------------------------------------------------------

    List<PluginInfo> plugins(Actor actor) {
        guard(actor, "plugin.list", "");
        List<PluginInfo> result = new ArrayList<>();
        for (Bundle bundle : framework.all()) {
            if (isPlugin(bundle)) {
                result.add(info(bundle));
            }
        }
        result.sort(Comparator.comparing(PluginInfo::symbolicName));
        return result;
    }

    Optional<PluginInfo> plugin(Actor actor, String symbolicName) {
        guard(actor, "plugin.list", symbolicName);
        return framework.bySymbolicName(symbolicName).stream().filter(this::isPlugin).findFirst().map(this::info);
    }

    List<AvailableFeature> availableFeatures(Actor actor) {
        guard(actor, "plugin.list", "");
        return features.available();
    }

    List<InstallRecord> history(Actor actor, String symbolicName) {
        guard(actor, "plugin.list", symbolicName);
        try {
            return records.history(symbolicName);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the plugin install records", e);
        }
    }

    // ---- dry runs ---------------------------------------------------------------------------

    DryRun dryRun(Actor actor, Kind kind, String fileName, InputStream content) {
        guard(actor, kind == Kind.INSTALL ? "plugin.install" : "plugin.upgrade", fileName);
        try (Staged staged = checker().check(kind, fileName, content)) {
            return staged.dryRun();
        } catch (Refusal r) {
            return DryRunPlanner.refused(kind, Optional.empty(), r.problem());
        } catch (IOException e) {
            return DryRunPlanner.refused(kind, Optional.empty(), Problem.of("plugin.failed.io", String.valueOf(e.getMessage())));
        }
    }

    DryRun dryRunFeature(Actor actor, String name, String version) {
        guard(actor, "plugin.install-feature", name);
        return features.dryRun(name, version);
    }

    // ---- changes ----------------------------------------------------------------------------

    ActionResult install(Actor actor, String fileName, InputStream content) {
        String action = "plugin.install";
        guard(actor, action, fileName);
        changes.lock();
        try (Staged staged = checker().check(Kind.INSTALL, fileName, content)) {
            BundleRef ref = staged.plugin().ref();
            if (!staged.dryRun().acceptable()) {
                return finish(actor, action, ref.symbolicName(),
                        ActionResult.refused(ref, staged.dryRun().refusals().get(0), staged.dryRun()));
            }
            List<Bundle> added = new ArrayList<>();
            try {
                for (BundleCandidate candidate : staged.candidates()) {
                    added.add(framework.install(candidate.ref(), store.keep(candidate.ref(), candidate.file())));
                }
                for (Bundle bundle : added) {
                    if (!Framework.isFragment(bundle)) {
                        bundle.start();
                    }
                }
                for (Bundle bundle : added) {
                    Health h = Framework.isFragment(bundle) ? Health.OK : awaitHealth(bundle);
                    if (!h.healthy()) {
                        undoInstall(added, staged);
                        return finish(actor, action, ref.symbolicName(), ActionResult.failed(ref, h.causes().get(0), staged.dryRun()));
                    }
                }
            } catch (BundleException | IOException | RuntimeException e) {
                log.warn("Installing {} failed; removing it again", ref, e);
                undoInstall(added, staged);
                return finish(actor, action, ref.symbolicName(),
                        ActionResult.failed(ref, Problem.of("plugin.failed.start", ref.symbolicName(), message(e)), staged.dryRun()));
            }
            for (BundleCandidate candidate : staged.candidates()) {
                retain(candidate.ref().symbolicName(), List.of(candidate.ref().version()));
                record(actor, candidate.ref().symbolicName(), "install", candidate.ref().version(), Optional.empty(), fileName);
            }
            return finish(actor, action, ref.symbolicName(), ActionResult.done(ref, staged.dryRun()));
        } catch (Refusal r) {
            return finish(actor, action, fileName, ActionResult.refused(null, r.problem(),
                    DryRunPlanner.refused(Kind.INSTALL, Optional.empty(), r.problem())));
        } catch (IOException e) {
            return finish(actor, action, fileName, ActionResult.failed(null, Problem.of("plugin.failed.io", message(e)), null));
        } finally {
            changes.unlock();
        }
    }

    ActionResult installFeature(Actor actor, String name, String version) {
        return change(actor, "plugin.install-feature", name, () -> {
            DryRun plan = features.dryRun(name, version);
            BundleRef ref = plan.plugin().orElse(new BundleRef(name, version));
            if (!plan.acceptable()) {
                return ActionResult.refused(ref, plan.refusals().get(0), plan);
            }
            Optional<Problem> failure = features.install(name, version, this::awaitHealth);
            if (failure.isPresent()) {
                return ActionResult.failed(ref, failure.get(), plan);
            }
            record(actor, "feature:" + name, "install", ref.version(), Optional.empty(), "feature:" + name + "/" + ref.version());
            return ActionResult.done(ref, plan);
        });
    }

    ActionResult upgrade(Actor actor, String fileName, InputStream content) {
        String action = "plugin.upgrade";
        guard(actor, action, fileName);
        changes.lock();
        try (Staged staged = checker().check(Kind.UPGRADE, fileName, content)) {
            BundleRef next = staged.plugin().ref();
            if (!staged.dryRun().acceptable()) {
                return finish(actor, action, next.symbolicName(),
                        ActionResult.refused(next, staged.dryRun().refusals().get(0), staged.dryRun()));
            }
            Bundle bundle = framework.managed(next.symbolicName()).orElseThrow();
            BundleRef current = Framework.refOf(bundle);
            Optional<Path> currentJar = store.find(current);
            if (currentJar.isEmpty()) {
                return finish(actor, action, next.symbolicName(), ActionResult.refused(next,
                        Problem.of("plugin.refused.previous-not-kept", current.toString()), staged.dryRun()));
            }
            Path nextJar = store.keep(next, staged.plugin().file());
            Optional<Problem> failure = replace(bundle, nextJar);
            if (failure.isEmpty()) {
                retain(next.symbolicName(), List.of(next.version(), current.version()));
                record(actor, next.symbolicName(), "upgrade", next.version(), Optional.of(current.version()), fileName);
                return finish(actor, action, next.symbolicName(), ActionResult.done(next, staged.dryRun()));
            }
            log.warn("Upgrade of {} to {} failed ({}); restoring {}", current.symbolicName(), next.version(), failure.get(), current.version());
            Optional<Problem> restore = replace(bundle, currentJar.get());
            store.delete(next);
            if (restore.isPresent()) {
                log.error("Restoring {} failed too: {}", current, restore.get());
                return finish(actor, action, next.symbolicName(), ActionResult.failed(current, failure.get(), staged.dryRun()));
            }
            record(actor, next.symbolicName(), "auto-rollback", current.version(), Optional.of(next.version()), fileName);
            return finish(actor, action, next.symbolicName(), ActionResult.rolledBack(current, failure.get(), staged.dryRun()));
        } catch (Refusal r) {
            return finish(actor, action, fileName, ActionResult.refused(null, r.problem(),
                    DryRunPlanner.refused(Kind.UPGRADE, Optional.empty(), r.problem())));
        } catch (IOException e) {
            return finish(actor, action, fileName, ActionResult.failed(null, Problem.of("plugin.failed.io", message(e)), null));
        } finally {
            changes.unlock();
        }
    }

    ActionResult rollback(Actor actor, String symbolicName) {
        return change(actor, "plugin.rollback", symbolicName, () -> {
            Optional<Bundle> found = framework.managed(symbolicName);
            if (found.isEmpty()) {
                return notManaged(symbolicName);
            }
            Bundle bundle = found.get();
            BundleRef current = Framework.refOf(bundle);
            Optional<String> previous = store.previous(symbolicName, current.version());
            if (previous.isEmpty()) {
                return ActionResult.refused(current, Problem.of("plugin.refused.no-previous-version", symbolicName), null);
            }
            Optional<Problem> blocked = otherDependents(current);
            if (blocked.isPresent()) {
                return ActionResult.refused(current, blocked.get(), null);
            }
            BundleRef target = new BundleRef(symbolicName, previous.get());
            Optional<Problem> failure = replace(bundle, store.find(target).orElseThrow());
            if (failure.isPresent()) {
                Optional<Problem> restore = replace(bundle, store.find(current).orElseThrow());
                return ActionResult.failed(restore.isEmpty() ? current : target, failure.get(), null);
            }
            record(actor, symbolicName, "rollback", target.version(), Optional.of(current.version()), "store");
            return ActionResult.done(target, null);
        });
    }

    ActionResult stop(Actor actor, String symbolicName) {
        return change(actor, "plugin.stop", symbolicName, () -> {
            Optional<Bundle> bundle = pluginBundle(symbolicName);
            if (bundle.isEmpty()) {
                return notAPlugin(symbolicName);
            }
            BundleRef ref = Framework.refOf(bundle.get());
            try {
                bundle.get().stop();
                return ActionResult.done(ref, null);
            } catch (BundleException | RuntimeException e) {
                return ActionResult.failed(ref, Problem.of("plugin.failed.stop", symbolicName, message(e)), null);
            }
        });
    }

    ActionResult start(Actor actor, String symbolicName) {
        return change(actor, "plugin.start", symbolicName, () -> {
            Optional<Bundle> bundle = pluginBundle(symbolicName);
            if (bundle.isEmpty()) {
                return notAPlugin(symbolicName);
            }
            BundleRef ref = Framework.refOf(bundle.get());
            try {
                bundle.get().start();
            } catch (BundleException | RuntimeException e) {
                return ActionResult.failed(ref, Problem.of("plugin.failed.start", symbolicName, message(e)), null);
            }
            Health h = awaitHealth(bundle.get());
            return h.healthy() ? ActionResult.done(ref, null)
                    : ActionResult.failed(ref, h.causes().get(0), null);
        });
    }

    ActionResult uninstall(Actor actor, String symbolicName) {
        return change(actor, "plugin.uninstall", symbolicName, () -> {
            Optional<Bundle> found = framework.managed(symbolicName);
            if (found.isEmpty()) {
                return notManaged(symbolicName);
            }
            BundleRef ref = Framework.refOf(found.get());
            Optional<Problem> blocked = otherDependents(ref);
            if (blocked.isPresent()) {
                return ActionResult.refused(ref, blocked.get(), null);
            }
            try {
                found.get().uninstall();
                framework.refresh(found.get());
            } catch (BundleException | RuntimeException e) {
                return ActionResult.failed(ref, Problem.of("plugin.failed.uninstall", symbolicName, message(e)), null);
            }
            // The jar stays in the store so that purge can find the tables; data stays in the database.
            retain(symbolicName, List.of(ref.version()));
            record(actor, symbolicName, "uninstall", ref.version(), Optional.empty(), "");
            return ActionResult.done(ref, null);
        });
    }

    ActionResult purge(Actor actor, String symbolicName, boolean confirmed) {
        return change(actor, "plugin.purge", symbolicName, () -> {
            if (!confirmed) {
                return ActionResult.refused(null, Problem.of("plugin.refused.purge-not-confirmed", symbolicName), null);
            }
            if (!framework.bySymbolicName(symbolicName).isEmpty()) {
                return ActionResult.refused(null, Problem.of("plugin.refused.purge-installed", symbolicName), null);
            }
            Optional<Path> jar = store.newest(symbolicName);
            if (jar.isEmpty()) {
                return ActionResult.refused(null, Problem.of("plugin.refused.purge-unknown", symbolicName), null);
            }
            try {
                List<String> dropped = purger.purge(symbolicName, SchemaPurger.tablesOf(jar.get()));
                log.info("Purged {}: dropped tables {}", symbolicName, dropped);
                store.retainOnly(symbolicName, List.of());
                record(actor, symbolicName, "purge", "", Optional.empty(), "tables " + String.join(", ", dropped));
                return ActionResult.done(new BundleRef(symbolicName, ""), null);
            } catch (IOException | SQLException e) {
                return ActionResult.failed(null, Problem.of("plugin.failed.purge", symbolicName, message(e)), null);
            }
        });
    }

    // ---- trusted signers ----------------------------------------------------------------------

    List<TrustedSigner> trustedSigners(Actor actor) {
        guard(actor, "plugin.trust-list", "");
        return trust.signers();
    }

    TrustResult trust(Actor actor, String fileName, InputStream pem) {
        String name = displayName(fileName);
        String action = "plugin.trust-add";
        guard(actor, action, name);
        changes.lock();
        try {
            return audited(actor, action, name, TrustResult.done(trust.add(name, pem)));
        } catch (Refusal r) {
            return audited(actor, action, name, TrustResult.refused(r.problem()));
        } catch (IOException e) {
            log.error("Cannot add {} to the trust store {}", name, trust.folder(), e);
            return audited(actor, action, name, TrustResult.failed(Problem.of("plugin.failed.io", message(e))));
        } finally {
            changes.unlock();
        }
    }

    TrustResult distrust(Actor actor, String fingerprintOrName) {
        String key = fingerprintOrName == null ? "" : fingerprintOrName.trim();
        String action = "plugin.trust-remove";
        guard(actor, action, key);
        changes.lock();
        try {
            return audited(actor, action, key, TrustResult.done(trust.remove(key)));
        } catch (Refusal r) {
            return audited(actor, action, key, TrustResult.refused(r.problem()));
        } catch (IOException e) {
            log.error("Cannot remove {} from the trust store {}", key, trust.folder(), e);
            return audited(actor, action, key, TrustResult.failed(Problem.of("plugin.failed.io", message(e))));
        } finally {
            changes.unlock();
        }
    }

    private TrustResult audited(Actor actor, String action, String target, TrustResult result) {
        Outcome outcome = switch (result.status()) {
            case DONE -> Outcome.SUCCESS;
            case REFUSED -> Outcome.DENIED;
            case FAILED, ROLLED_BACK -> Outcome.FAILURE;
        };
        String target200 = target.length() > 200 ? target.substring(0, 200) : target;
        actor.audit(audit, action, target200, outcome, AuditDetails.of(result));
        return result;
    }

    /** The last path element of a name someone supplied, for messages and the audit log only. */
    private static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "certificate.pem";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private UploadChecker checker() {
        return new UploadChecker(store.staging(), settings.maxUploadBytes(), signatures, framework::installed, limits, core);
    }

    /** Updates a bundle to a jar, starts it, and waits for health; the cause when it is not healthy. */
    private Optional<Problem> replace(Bundle bundle, Path jar) {
        try {
            framework.update(bundle, jar);
            if (bundle.getState() != Bundle.ACTIVE && !Framework.isFragment(bundle)) {
                bundle.start();
            }
        } catch (BundleException | IOException | RuntimeException e) {
            return Optional.of(Problem.of("plugin.failed.start", bundle.getSymbolicName(), message(e)));
        }
        Health h = awaitHealth(bundle);
        return h.healthy() ? Optional.empty() : Optional.of(h.causes().get(0));
    }

    /**
     * Polls the bundle's health until it is healthy twice in a row, fails for good, or the time
     * limit passes. The second look, {@value #SETTLE_MILLIS} ms later, catches a component that SCR
     * activates (and that fails) just after the bundle started.
     */
    Health awaitHealth(Bundle bundle) {
        Instant deadline = clock.instant().plusSeconds(settings.healthTimeoutSeconds());
        Health h = health.check(bundle);
        boolean seenHealthy = false;
        while (!HealthProbe.isFinal(h) && clock.instant().isBefore(deadline)) {
            if (h.healthy() && seenHealthy) {
                return h;
            }
            seenHealthy = h.healthy();
            if (!pause(seenHealthy ? SETTLE_MILLIS : POLL_MILLIS)) {
                break;
            }
            h = health.check(bundle);
        }
        return h;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void undoInstall(List<Bundle> added, Staged staged) {
        List<Bundle> reversed = new ArrayList<>(added);
        Collections.reverse(reversed);
        for (Bundle bundle : reversed) {
            try {
                bundle.uninstall();
                framework.refresh(bundle);
            } catch (BundleException | RuntimeException e) {
                log.error("Cannot remove the failed plugin bundle {}", bundle.getSymbolicName(), e);
            }
        }
        for (BundleCandidate candidate : staged.candidates()) {
            try {
                store.delete(candidate.ref());
            } catch (IOException e) {
                log.warn("Cannot delete {} from the plugin store", candidate.ref(), e);
            }
        }
    }

    private Optional<Problem> otherDependents(BundleRef ref) {
        return framework.installed().stream().filter(b -> b.ref().equals(ref)).findFirst()
                .flatMap(b -> b.dependents().stream().findFirst())
                .map(d -> Problem.of("plugin.refused.refreshes-other", ref.symbolicName(), d.toString()));
    }

    private Optional<Bundle> pluginBundle(String symbolicName) {
        return framework.bySymbolicName(symbolicName).stream().filter(this::isPlugin).findFirst();
    }

    private ActionResult notManaged(String symbolicName) {
        return ActionResult.refused(null, Problem.of(framework.bySymbolicName(symbolicName).isEmpty()
                ? "plugin.refused.not-installed" : "plugin.refused.not-managed", symbolicName), null);
    }

    private ActionResult notAPlugin(String symbolicName) {
        return ActionResult.refused(null, Problem.of(framework.bySymbolicName(symbolicName).isEmpty()
                ? "plugin.refused.not-installed" : "plugin.refused.not-a-plugin", symbolicName), null);
    }

    /** A listed plugin: installed through the service, or a non-core bundle that contributes something. */
    boolean isPlugin(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return false;
        }
        if (Framework.isManaged(bundle)) {
            return true;
        }
        String bsn = bundle.getSymbolicName();
        if (bsn == null || "true".equalsIgnoreCase(bundle.getHeaders("").get(CorePolicy.CORE_HEADER))) {
            return false;
        }
        return contributions.contributes(bundle.getBundleId())
                || bundle.getHeaders("").get(Database.CHANGELOG_HEADER) != null;
    }

    private PluginInfo info(Bundle bundle) {
        boolean started = Framework.isPersistentlyStarted(bundle);
        Health h = started || bundle.getState() == Bundle.ACTIVE ? health.check(bundle) : Health.OK;
        PluginState state = switch (bundle.getState()) {
            case Bundle.ACTIVE, Bundle.STARTING -> h.healthy() ? PluginState.ACTIVE : PluginState.FAILED;
            case Bundle.INSTALLED -> started ? PluginState.FAILED : PluginState.INSTALLED;
            default -> started ? PluginState.FAILED : Framework.isFragment(bundle) ? PluginState.RESOLVED : PluginState.STOPPED;
        };
        if (state == PluginState.FAILED && h.healthy()) {
            h = Health.failed(List.of(Problem.of("plugin.health.not-active", bundle.getSymbolicName(),
                    HealthProbe.stateName(bundle.getState()))));
        }
        String bsn = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        boolean managed = Framework.isManaged(bundle);
        var headers = bundle.getHeaders("");
        return new PluginInfo(bundle.getBundleId(), bsn, Optional.ofNullable(headers.get("Bundle-Name")).orElse(bsn), version,
                Optional.ofNullable(headers.get("Bundle-Vendor")).orElse(""), state, h, health.migration(bundle),
                contributions.routesOf(bundle.getBundleId()), contributions.permissionsOf(bundle.getBundleId()), managed,
                managed ? records.latest(bsn) : Optional.empty(),
                managed ? store.previous(bsn, version) : Optional.empty());
    }

    private void retain(String symbolicName, List<String> versions) {
        try {
            store.retainOnly(symbolicName, versions);
        } catch (IOException e) {
            log.warn("Cannot tidy the plugin store for {}", symbolicName, e);
        }
    }

    private void record(Actor actor, String symbolicName, String action, String version, Optional<String> previous,
            String source) {
        try {
            records.add(new InstallRecord(symbolicName, action, version, previous, source == null ? "" : source,
                    actor.id(), clock.instant()));
        } catch (SQLException e) {
            // The change happened; a missing record must be loud but must not undo it.
            log.error("Cannot record {} {} {} by {}", action, symbolicName, version, actor.id(), e);
        }
    }

    /** Checks the permission, holds the change lock while the work runs, and audits its result. */
    private ActionResult change(Actor actor, String action, String target, Supplier<ActionResult> work) {
        guard(actor, action, target);
        changes.lock();
        try {
            return finish(actor, action, target, work.get());
        } finally {
            changes.unlock();
        }
    }

    private void guard(Actor actor, String action, String target) {
        if (!actor.isPermitted(PluginService.PERMISSION)) {
            actor.audit(audit, action, target == null ? "" : target, Outcome.DENIED,
                    AuditDetails.missingPermission(PluginService.PERMISSION));
            throw new AccessDeniedException(PluginService.PERMISSION);
        }
    }

    private ActionResult finish(Actor actor, String action, String target, ActionResult result) {
        Outcome outcome = switch (result.status()) {
            case DONE -> Outcome.SUCCESS;
            case REFUSED -> Outcome.DENIED;
            case FAILED, ROLLED_BACK -> Outcome.FAILURE;
        };
        actor.audit(audit, action, target == null ? "" : target, outcome, AuditDetails.of(result));
        return result;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
