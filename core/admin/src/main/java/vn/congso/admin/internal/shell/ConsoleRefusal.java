package vn.congso.admin.internal.shell;

/**
 * A {@code congso:*} command that did not do what it was asked. Karaf prints the message as
 * "Error executing command: …" and batch mode ({@code bin/client -b}) exits with an error, so a
 * script never mistakes a refusal for success.
 */
final class ConsoleRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConsoleRefusal(String message) {
        super(message, null, false, false);
    }
}
