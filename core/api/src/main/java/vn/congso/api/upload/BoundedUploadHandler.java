package vn.congso.api.upload;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.util.Objects;

/**
 * The handler for a Vaadin {@code Upload} that enforces its limits on the server: the file is
 * spooled to a temporary file by {@link UploadSpool} while it arrives, refused unread when the
 * browser declares a size over {@code maxBytes} and otherwise as soon as it passes
 * {@code maxBytes} (the rest is never read), and checked by its {@link ContentCheck}.
 * The outcome is handed to the screen inside {@link UI#access}: an accepted
 * {@link SpooledUpload}, which the callback owns and closes, or the refusal, which the screen
 * shows in the user's language ({@link UploadRefusedException#key()}); a refused upload also
 * ends with an error status, so the Upload marks the file as failed. {@code Upload.setMaxFileSize}
 * stays a courtesy to the browser.
 */
public final class BoundedUploadHandler implements UploadHandler {

    private static final long serialVersionUID = 1L;

    /** Whether the request this thread is answering was refused; set and read on the same thread. */
    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

    /** Receives an accepted file on the UI thread. */
    @FunctionalInterface
    public interface Accepted extends java.io.Serializable {
        /**
         * @param upload the received file; the callee owns it and closes it when done
         * @throws IOException when reading it fails
         */
        void accept(SpooledUpload upload) throws IOException;
    }

    private final long maxBytes;
    private final ContentCheck check;
    private final Accepted accepted;
    private final SerializableConsumer<UploadRefusedException> refused;

    /**
     * @param maxBytes the size limit, enforced while the file arrives
     * @param check what the content must be
     * @param accepted called with the received file inside {@code UI.access}
     * @param refused called with the refusal inside {@code UI.access}
     */
    public BoundedUploadHandler(long maxBytes, ContentCheck check, Accepted accepted,
            SerializableConsumer<UploadRefusedException> refused) {
        this.maxBytes = maxBytes;
        this.check = Objects.requireNonNull(check, "check");
        this.accepted = Objects.requireNonNull(accepted, "accepted");
        this.refused = Objects.requireNonNull(refused, "refused");
    }

    /** @return the size limit in bytes */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        REFUSED.set(Boolean.FALSE);
        UI ui = event.getUI();
        SpooledUpload upload;
        try {
            // A declared size over the limit is refused before anything is read.
            upload = UploadSpool.spool(event.getInputStream(), event.getFileName(), event.getFileSize(), maxBytes,
                    check);
        } catch (UploadRefusedException refusal) {
            REFUSED.set(Boolean.TRUE);
            try {
                ui.access(() -> refused.accept(refusal));
            } catch (UIDetachedException gone) {
                // The tab closed while the file arrived: nobody is left to tell, nothing was kept.
            }
            return;
        }
        try {
            ui.access(() -> {
                try {
                    accepted.accept(upload);
                } catch (IOException | RuntimeException e) {
                    upload.close();
                    throw e instanceof IOException io ? new java.io.UncheckedIOException(io) : (RuntimeException) e;
                }
            });
        } catch (UIDetachedException gone) {
            upload.close();
        }
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        boolean wasRefused = Boolean.TRUE.equals(REFUSED.get());
        REFUSED.remove();
        UploadHandler.super.responseHandled(success && !wasRefused, response);
    }

    /**
     * One more byte than the limit, so that Vaadin's own multipart reader stops a sender that
     * keeps sending after this handler refused the file, instead of reading the rest.
     */
    @Override
    public long getFileSizeMax() {
        return maxBytes + 1;
    }
}
