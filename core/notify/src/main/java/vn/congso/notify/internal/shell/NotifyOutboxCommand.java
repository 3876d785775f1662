package vn.congso.notify.internal.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.table.ShellTable;
import vn.congso.api.CurrentUser;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService.DeliveryState;
import vn.congso.api.security.RunAs;
import vn.congso.notify.internal.OutboxEntry;
import vn.congso.notify.internal.OutboxService;

/**
 * {@code congso:notify-outbox [--state HELD]}: whether an SMTP server is configured and the
 * newest messages of the outbox, as {@code console:<karaf user>}.
 */
@Service
@Command(scope = "congso", name = "notify-outbox", description = "List the outbox: state, recipient, subject, attempts, last error")
public class NotifyOutboxCommand implements Action {

    @Reference
    OutboxService outbox;

    @Reference
    RunAs runAs;

    @Reference
    TranslationService translations;

    @Option(name = "-s", aliases = "--state", description = "Only messages in this state: QUEUED, SENT or HELD")
    String state;

    @Option(name = "-n", aliases = "--limit", description = "The most messages to list (newest first)")
    int limit = 50;

    @Override
    public Object execute() throws Exception {
        Optional<DeliveryState> wanted = Optional.empty();
        if (state != null && !state.isBlank()) {
            try {
                wanted = Optional.of(DeliveryState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConsoleRefusal("Unknown state '" + state + "': use QUEUED, SENT or HELD");
            }
        }
        if (limit < 1) {
            throw new ConsoleRefusal("--limit must be at least 1");
        }
        CurrentUser actor = runAs.system("console:" + ShellUtil.getCurrentUserName());
        Optional<DeliveryState> filter = wanted;
        OutboxService.Status status = runAs.call(actor, outbox::status);
        List<OutboxEntry> entries = runAs.call(actor, () -> outbox.list(filter, limit));
        System.out.println(status.smtpConfigured() ? "SMTP server: " + status.server()
                : "No SMTP server configured (etc/vn.congso.notify.cfg, smtpHost): messages are kept in the outbox");
        System.out.println("Queued " + status.counts().get(DeliveryState.QUEUED) + ", sent "
                + status.counts().get(DeliveryState.SENT) + ", held " + status.counts().get(DeliveryState.HELD));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("State");
        table.column("To");
        table.column("Subject").maxSize(40);
        table.column("Source");
        table.column("Created (UTC)");
        table.column("Sent (UTC)");
        table.column("Attempts");
        table.column("Last error").maxSize(60);
        for (OutboxEntry e : entries) {
            table.addRow().addContent(e.id(), e.state(), e.to(), e.subject(), e.source(), e.createdAt(),
                    e.sentAt().map(Object::toString).orElse(""), e.attempts(), e.lastError().map(this::error).orElse(""));
        }
        table.print(System.out);
        return null;
    }

    private String error(String stored) {
        return stored.startsWith("notify.") ? translations.translate(stored, TranslationService.ENGLISH) : stored;
    }
}
