package vn.congso.services.internal.shell;

/** A refusal the console prints as "Error executing command: …", failing {@code bin/client -b}. */
final class ConsoleRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConsoleRefusal(String message) {
        super(message, null, false, false);
    }
}
