package vn.congso.api.upload;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.function.Function;

/**
 * The Upload component's own words in the user's language, from the platform's
 * {@code upload.*} translations, so that no screen shows Vaadin's English on a Vietnamese page
 * and no plugin keeps its own copy.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    /**
     * @param t translates a key in the user's language, for example
     *     {@code key -> translations.translate(key, locale)} or a view's {@code getTranslation}
     * @return the Upload texts
     */
    public static UploadI18N of(Function<String, String> t) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t.apply("upload.drop")).setMany(t.apply("upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t.apply("upload.add")).setMany(t.apply("upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t.apply("upload.too-many"))
                .setFileIsTooBig(t.apply("upload.too-big"))
                .setIncorrectFileType(t.apply("upload.wrong-type")));
        i18n.setFile(new UploadI18N.File().setRetry(t.apply("upload.retry")).setStart(t.apply("upload.start"))
                .setRemove(t.apply("upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t.apply("upload.connecting"))
                        .setStalled(t.apply("upload.stalled"))
                        .setProcessing(t.apply("upload.processing"))
                        .setHeld(t.apply("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t.apply("upload.remaining"))
                        .setUnknown(t.apply("upload.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(t.apply("upload.server-unavailable"))
                        .setUnexpectedServerError(t.apply("upload.server-error"))
                        .setForbidden(t.apply("upload.forbidden"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }
}
