package vn.congso.training.internal.ui;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The Upload component's own words, from the translation files, so it speaks the user's language. */
final class UploadTexts {

    private UploadTexts() {
    }

    static UploadI18N of(Ui ui) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(ui.t("training.ui.upload.drop"))
                .setMany(ui.t("training.ui.upload.drop")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(ui.t("training.ui.upload.add"))
                .setMany(ui.t("training.ui.upload.add")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(ui.t("training.ui.upload.too-many"))
                .setFileIsTooBig(ui.t("training.ui.upload.too-big"))
                .setIncorrectFileType(ui.t("training.ui.upload.wrong-type")));
        i18n.setFile(new UploadI18N.File().setRetry(ui.t("training.ui.upload.retry"))
                .setStart(ui.t("training.ui.upload.start")).setRemove(ui.t("training.ui.upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(ui.t("training.ui.upload.connecting"))
                        .setStalled(ui.t("training.ui.upload.stalled"))
                        .setProcessing(ui.t("training.ui.upload.processing"))
                        .setHeld(ui.t("training.ui.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(ui.t("training.ui.upload.remaining")).setUnknown(ui.t("training.ui.upload.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(ui.t("training.ui.upload.server-unavailable"))
                        .setUnexpectedServerError(ui.t("training.ui.upload.server-error"))
                        .setForbidden(ui.t("training.ui.upload.forbidden"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }
}
