package vn.congso.api.upload;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A received file was refused: too large, empty, or not what it claims to be. Nothing was
 * kept. {@link #key()} and {@link #args()} name a translated message (the platform defines the
 * {@code upload.refused.*} texts in both languages) so that a screen or a console command can
 * say why in its reader's language.
 */
public final class UploadRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** More bytes than the limit; argument: the limit in MB (may be fractional). */
        TOO_LARGE,
        /** No bytes at all. */
        EMPTY,
        /** Not UTF-8 text (binary, another encoding, control characters); argument: the line. */
        NOT_TEXT,
        /** Not well-formed XML with the expected root element; arguments: the line, the root. */
        NOT_XML,
        /** The content is not of an allowed type, or does not match the file name's extension;
         *  arguments: the file name, the allowed extensions. */
        WRONG_TYPE
    }

    private final Reason reason;
    private final transient List<Object> args;
    private String fileName = "";

    /**
     * @param reason why
     * @param detail an English detail for logs
     * @param args the translated message's arguments, see {@link Reason}
     */
    public UploadRefusedException(Reason reason, String detail, Object... args) {
        super(reason + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
    }

    /**
     * @param limitBytes the limit that was passed
     * @return a refusal for a file over the limit
     */
    public static UploadRefusedException tooLarge(long limitBytes) {
        return new UploadRefusedException(Reason.TOO_LARGE, "more than " + limitBytes + " bytes",
                megabytes(limitBytes));
    }

    /**
     * @return the name the sender gave the refused file, empty when the refusal did not come
     *     from {@link UploadSpool} (never used as a path)
     * @since 1.1
     */
    public String fileName() {
        return fileName;
    }

    /** Set by {@link UploadSpool}, which knows the name of the file it refused. */
    UploadRefusedException ofFile(String name) {
        this.fileName = name == null ? "" : name;
        return this;
    }

    /** @return why the file was refused */
    public Reason reason() {
        return reason;
    }

    /** @return the translation key, {@code upload.refused.} and the reason, such as {@code upload.refused.too-large} */
    public String key() {
        return "upload.refused." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the translated message's arguments */
    public List<Object> args() {
        return args;
    }

    /**
     * @return the line where a text or XML file went wrong, 0 when unknown or not applicable
     */
    public int line() {
        return (reason == Reason.NOT_TEXT || reason == Reason.NOT_XML) && !args.isEmpty()
                && args.get(0) instanceof Integer line ? line : 0;
    }

    private static Object megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? (Object) (long) mb : (Object) (Math.round(mb * 100) / 100.0);
    }
}
