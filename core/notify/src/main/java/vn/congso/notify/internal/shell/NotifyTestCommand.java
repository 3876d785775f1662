package vn.congso.notify.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;

/**
 * {@code congso:notify-test ADDRESS}: queues a test message (Vietnamese and English) and prints
 * its id and state; a refused address fails the command.
 */
@Service
@Command(scope = "congso", name = "notify-test", description = "Queue a test e-mail to an address and print its id")
public class NotifyTestCommand implements Action {

    /** What the test message says, in both languages. */
    static final String SUBJECT = "Cổng Số: thư thử nghiệm / test message";
    static final String TEXT = "Đây là thư thử nghiệm của Cổng Số: máy chủ thư đã được cấu hình đúng.\n\n"
            + "This is a test message from CongSo: the mail server is configured correctly.\n";

    @Reference
    NotificationService notifications;

    @Argument(index = 0, name = "address", description = "The recipient's e-mail address", required = true)
    String address;

    @Override
    public Object execute() {
        long id;
        try {
            id = notifications.send(OutgoingMessage.of(address.strip(), SUBJECT, TEXT, "platform.notify-test"));
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal("Not queued: " + e.getMessage());
        }
        System.out.println(id);
        System.out.println("Queued message " + id + " to " + address.strip() + " ("
                + notifications.state(id).map(Enum::name).orElse("?") + ")");
        return null;
    }
}
