package vn.congso.training.internal.ui;

import com.vaadin.flow.component.html.Span;
import vn.congso.training.internal.service.CertificateService;

/** How a certificate's status looks wherever it is shown. */
final class CertificateBadges {

    private CertificateBadges() {
    }

    static Span status(Ui ui, CertificateService.Status status) {
        String variant = switch (status) {
            case VALID -> "success";
            case EXPIRED -> "contrast";
            case REVOKED, UNKNOWN -> "error";
        };
        Span badge = Widgets.badge(ui.name("training.ui.certificate.status", status.name()),
                variant);
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }
}
