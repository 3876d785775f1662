package vn.congso.notify.internal.shell;

/**
 * A {@code congso:notify-*} command that did not do what it was asked. Karaf prints the message
 * as "Error executing command: …" and batch mode ({@code bin/client -b}) exits with an error.
 */
final class ConsoleRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConsoleRefusal(String message) {
        super(message, null, false, false);
    }
}
