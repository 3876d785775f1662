package vn.congso.admin.internal.ui;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.function.Function;

/** The Upload component's own words, from the translation files, so it speaks the user's language. */
final class UploadTexts {

    private UploadTexts() {
    }

    /**
     * @param t translates a key
     * @return the Upload texts
     */
    static UploadI18N of(Function<String, String> t) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("plugins.upload.drop"))
                .setMany(t.apply("plugins.upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("plugins.upload.add"))
                .setMany(t.apply("plugins.upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("plugins.upload.too-many"))
                .setFileIsTooBig(t.apply("plugins.upload.too-big"))
                .setIncorrectFileType(t.apply("plugins.upload.wrong-type")));
        i18n.setFile(new UploadI18N.File().setRetry(t.apply("plugins.upload.retry"))
                .setStart(t.apply("plugins.upload.start")).setRemove(t.apply("plugins.upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("plugins.upload.connecting"))
                        .setStalled(t.apply("plugins.upload.stalled"))
                        .setProcessing(t.apply("plugins.upload.processing"))
                        .setHeld(t.apply("plugins.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(t.apply("plugins.upload.remaining")).setUnknown(t.apply("plugins.upload.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t.apply("plugins.upload.server-unavailable"))
                        .setUnexpectedServerError(t.apply("plugins.upload.server-error"))
                        .setForbidden(t.apply("plugins.upload.forbidden"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }
}
