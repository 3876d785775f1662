package vn.congso.notify.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.data.Database;
import vn.congso.api.health.HealthCheck;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.AccessDeniedException;

/**
 * The platform's {@link NotificationService}: {@link #send} checks the message, stores it in the
 * outbox and returns; a background thread delivers it ({@link DeliveryWorker}). Without a
 * configured SMTP server a message is held at once, kept in the outbox for administrators.
 * Also the administrators' {@link OutboxService}, and the {@code notify} part of the health report.
 */
@Component(service = {NotificationService.class, OutboxService.class, HealthCheck.class}, configurationPid = Notifications.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NotifyConfig.class)
public final class Notifications implements NotificationService, OutboxService, HealthCheck {

    /** The configuration PID. */
    public static final String PID = "vn.congso.notify";
    /** How often the worker looks for due retries when nothing wakes it. */
    static final long POLL_MILLIS = 5_000;

    private final Logger log = LoggerFactory.getLogger(Notifications.class);
    private final Outbox outbox;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;
    private final DeliveryWorker worker;
    private final ScheduledExecutorService delivery;
    private volatile MailSettings settings;

    /**
     * Starts the service and its delivery thread.
     *
     * @param database the platform database, migrated by this bundle's changelog
     * @param users who is asking, for the administrators' actions
     * @param audit where resending and deleting are recorded
     * @param config the SMTP server and retry settings
     */
    @Activate
    public Notifications(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit, NotifyConfig config) {
        this(new Outbox(database.dataSource()), users, audit, settingsOf(config), Clock.systemUTC(),
                new SmtpMailer(), true);
    }

    /** For tests: a given mailer and clock; {@code background} false leaves delivery to {@link #deliverNow}. */
    Notifications(Outbox outbox, CurrentUserService users, AuditLog audit, MailSettings settings, Clock clock,
            Mailer mailer, boolean background) {
        this.outbox = outbox;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.worker = new DeliveryWorker(outbox, mailer, () -> this.settings, clock);
        if (background) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "congso-notify-delivery");
                thread.setDaemon(true);
                return thread;
            });
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            this.delivery = executor;
            delivery.scheduleWithFixedDelay(worker::deliverDue, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            this.delivery = null;
        }
        log.info("Notification service started: {}", settings.hasHost()
                ? "SMTP server " + settings.host() + ":" + settings.port() + " (" + settings.security() + ")"
                : "no SMTP server configured, messages are kept in the outbox");
    }

    /**
     * Takes new settings; the next round of the worker uses them.
     *
     * @param config the new configuration
     */
    @Modified
    void modified(NotifyConfig config) {
        settings = settingsOf(config);
        log.info("Notification settings changed: {}", settings);
        wake();
    }

    /**
     * The settings of a configuration; one that cannot be used (a {@code security} other than
     * none, starttls or ssl) is logged as an error and sends nothing, so every message is kept in
     * the outbox until it is corrected, rather than lost with the service.
     */
    static MailSettings settingsOf(NotifyConfig config) {
        try {
            return MailSettings.of(config);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(Notifications.class).error("etc/vn.congso.notify.cfg cannot be used ({});"
                    + " no e-mail is sent and every message is kept in the outbox until it is corrected", e.getMessage());
            return new MailSettings("", config.smtpPort(), MailSettings.Security.STARTTLS, "", "", config.fromAddress(),
                    config.fromName(), Math.max(0, config.retryCount()), java.time.Duration.ofSeconds(60),
                    java.time.Duration.ofSeconds(30));
        }
    }

    /**
     * Stops the delivery thread; queued messages stay queued in the database for the next start.
     * The thread is not interrupted (Derby closes a connection whose thread is interrupted): the
     * round ends after the message being sent, which the SMTP timeout bounds.
     */
    @Deactivate
    void deactivate() {
        if (delivery == null) {
            return;
        }
        worker.stop();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(settings.timeout().toSeconds() * 3 + 5, TimeUnit.SECONDS)) {
                log.warn("The delivery thread did not stop in time; interrupting it");
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.shutdownNow();
        }
    }

    @Override
    public long send(OutgoingMessage message) {
        MessageRules.check(message);
        MailSettings current = settings;
        try {
            long id = current.hasHost()
                    ? outbox.insert(message, DeliveryState.QUEUED, clock.instant(), null)
                    : outbox.insert(message, DeliveryState.HELD, clock.instant(), DeliveryWorker.NO_SERVER);
            if (current.hasHost()) {
                wake();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not store the message: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<DeliveryState> state(long id) {
        try {
            return outbox.state(id);
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OutboxEntry> list(Optional<DeliveryState> state, int limit) {
        require("notify.outbox.list");
        try {
            return outbox.list(state, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<OutboxMessage> message(long id) {
        require("notify.message.read");
        try {
            return outbox.load(id);
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void resend(long id) {
        require("notify.message.resend");
        try {
            Optional<OutboxMessage> found = outbox.load(id);
            if (found.isEmpty()) {
                throw refused("notify.message.resend", id, new OutboxRefusal("No message " + id + " in the outbox",
                        "notify.refused.no-such-message", id));
            }
            if (!settings.hasHost()) {
                throw refused("notify.message.resend", id, new OutboxRefusal("No SMTP server is configured"
                        + " (etc/vn.congso.notify.cfg, smtpHost): message " + id + " stays in the outbox",
                        "notify.refused.no-smtp-host", id));
            }
            if (!outbox.requeue(id, clock.instant())) {
                throw refused("notify.message.resend", id, new OutboxRefusal("Message " + id + " is not held",
                        "notify.refused.not-held", id));
            }
            audit.record("notify.message.resend", String.valueOf(id), AuditLog.Outcome.SUCCESS,
                    AuditLog.Message.of("notify.audit.resend", id, found.get().entry().to(),
                            found.get().entry().source()));
            wake();
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be changed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(long id) {
        require("notify.message.delete");
        try {
            Optional<OutboxMessage> found = outbox.load(id);
            if (found.isEmpty() || !outbox.delete(id)) {
                throw refused("notify.message.delete", id, new OutboxRefusal("No message " + id + " in the outbox",
                        "notify.refused.no-such-message", id));
            }
            OutboxEntry entry = found.get().entry();
            audit.record("notify.message.delete", String.valueOf(id), AuditLog.Outcome.SUCCESS,
                    AuditLog.Message.of("notify.audit.delete", id, entry.to(), entry.source(), entry.state().name()));
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be changed: " + e.getMessage(), e);
        }
    }

    @Override
    public OutboxService.Status status() {
        require("notify.outbox.status");
        return unguardedStatus();
    }

    /** The status without a permission check, for the health report (which shows counts only). */
    OutboxService.Status unguardedStatus() {
        MailSettings current = settings;
        try {
            Map<DeliveryState, Long> counts = outbox.counts();
            return new OutboxService.Status(current.hasHost(), current.hasHost() ? current.host() + ":" + current.port() : "", counts);
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "notify";
    }

    /**
     * Up while the outbox can be read: whether an SMTP server is configured (no host name) and how
     * many messages are queued, sent and held. Held messages do not make the platform unhealthy;
     * they wait for an administrator on the outbox screen.
     */
    @Override
    public Result check() {
        OutboxService.Status status = unguardedStatus();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("smtpConfigured", status.smtpConfigured());
        details.put("queued", status.counts().get(DeliveryState.QUEUED));
        details.put("held", status.counts().get(DeliveryState.HELD));
        details.put("sent", status.counts().get(DeliveryState.SENT));
        return Result.up(details);
    }

    /** One delivery round on the caller's thread (tests, and the worker's scheduled rounds). */
    int deliverNow() {
        return worker.deliverDue();
    }

    private void wake() {
        if (delivery != null && !delivery.isShutdown()) {
            delivery.execute(worker::deliverDue);
        }
    }

    private void require(String action) {
        if (!users.current().isPermitted(PERMISSION)) {
            audit.record(action, "", AuditLog.Outcome.DENIED, AuditLog.Message.of("notify.audit.denied", PERMISSION));
            throw new AccessDeniedException(PERMISSION);
        }
    }

    private RuntimeException refused(String action, long id, OutboxRefusal refusal) {
        audit.record(action, String.valueOf(id), AuditLog.Outcome.DENIED,
                new AuditLog.Message(refusal.key(), List.of(String.valueOf(id))));
        return refusal;
    }
}
