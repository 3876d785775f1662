package vn.congso.training.internal.exchange;

/** A GIFT question that cannot be read; thrown inside the parser and turned into an {@link ImportError}. */
final class GiftSyntaxError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ImportError error;

    GiftSyntaxError(int line, String key, Object... args) {
        super(key, null, false, false);
        this.error = ImportError.atLine(line, key, args);
    }

    ImportError error() {
        return error;
    }
}
