package vn.congso.training.internal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import vn.congso.api.security.RateLimiter;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CertificateService.Status;
import vn.congso.training.internal.service.CertificateService.Verification;

/**
 * The public certificate check that the QR code on every certificate opens: no sign-in, and
 * nothing shown but what the certificate itself says.
 */
public class VerifyView extends VerticalLayout implements HasUrlParameter<String> {

    private static final long serialVersionUID = 1L;
    /** The rate-limit bucket of certificate look-ups. */
    static final String LIMIT_BUCKET = "training:verify";

    private final transient Ui ui;
    private final transient CertificateService certificates;
    private final transient RateLimiter limiter;
    private final TextField code = new TextField();
    private final Div result = new Div();

    /** Creates the view. */
    public VerifyView(Ui ui, CertificateService certificates, RateLimiter limiter) {
        this.ui = ui;
        this.certificates = certificates;
        this.limiter = limiter;
        setId("verify-view");
        setWidthFull();
        addClassNames("training-page", "training-page-44");
        code.setId("verify-code");
        code.setLabel(ui.t("training.ui.verify.code"));
        code.setHelperText(ui.t("training.ui.verify.code-help"));
        code.setMaxLength(40);
        code.setWidth("min(100%, 22rem)");
        Button check = new Button(ui.t("training.ui.verify.check"), e -> check());
        check.setId("verify-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(Key.ENTER);
        Div form = new Div(code, check);
        form.addClassNames("training-actions", "training-baseline");
        form.setWidthFull();
        result.setId("verify-result");
        result.setWidthFull();
        add(new H1(ui.t("training.ui.verify.title")), new Paragraph(ui.t("training.ui.verify.intro")), form, result);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        result.removeAll();
        if (parameter != null && !parameter.isBlank()) {
            code.setValue(parameter);
            // A public look-up: so many per client address per minute (PID vn.congso.security.ratelimit).
            if (!limiter.tryAcquire(LIMIT_BUCKET, limiter.clientAddress())) {
                Paragraph limited = new Paragraph(ui.t("training.ui.verify.limited"));
                limited.setId("verify-limited");
                limited.getElement().setAttribute("role", "alert");
                result.add(limited);
                return;
            }
            show(certificates.verify(parameter));
        }
    }

    private void check() {
        String typed = code.getValue().strip();
        if (typed.isEmpty()) {
            code.setInvalid(true);
            code.setErrorMessage(ui.t("training.ui.verify.code-required"));
            return;
        }
        code.setInvalid(false);
        UI.getCurrent().navigate(Routes.VERIFY + "/" + typed.replaceAll("[^A-Za-z0-9-]", ""));
    }

    private void show(Verification verification) {
        result.removeAll();
        Status status = verification.status();
        Icon icon = switch (status) {
            case VALID -> VaadinIcon.CHECK_CIRCLE.create();
            case EXPIRED -> VaadinIcon.HOURGLASS_END.create();
            case REVOKED -> VaadinIcon.BAN.create();
            case UNKNOWN -> VaadinIcon.QUESTION_CIRCLE.create();
        };
        // Its colour, like the card's edge, comes from the stylesheet by the card's data-status.
        icon.addClassName("training-verify-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        H2 heading = new H2(ui.name("training.ui.verify.status", status.name()));
        heading.setId("verify-status");
        heading.getElement().setAttribute("data-status", status.name());
        heading.addClassName("training-flush");
        Div head = new Div(icon, heading);
        head.addClassName("training-head");
        Div card = Widgets.card(head, new Paragraph(ui.name("training.ui.verify.explain", status.name())));
        card.addClassName("training-verify-card");
        card.getElement().setAttribute("data-status", status.name());
        card.getElement().setAttribute("role", "status");
        if (status != Status.UNKNOWN) {
            card.add(row("verify-holder", ui.t("training.ui.verify.holder"), verification.holderName()));
            if (!verification.unitName().isEmpty()) {
                card.add(row("verify-unit", ui.t("training.ui.verify.unit"), verification.unitName()));
            }
            card.add(row("verify-course", ui.t("training.ui.verify.course"), verification.title()));
            card.add(row("verify-issued", ui.t("training.ui.verify.issued"), ui.date(verification.issuedAt())));
            if (verification.validUntil() != null) {
                card.add(row("verify-valid-until", ui.t("training.ui.verify.valid-until"),
                        ui.date(verification.validUntil())));
            }
            if (verification.revokedAt() != null) {
                card.add(row("verify-revoked", ui.t("training.ui.verify.revoked"), ui.date(verification.revokedAt())));
            }
        }
        card.add(row("verify-checked-code", ui.t("training.ui.verify.code"), verification.code()));
        result.add(card);
    }

    private static Div row(String id, String label, String value) {
        Span name = new Span(label);
        name.addClassName("training-verify-label");
        Span text = new Span(value == null ? "" : value);
        text.setId(id);
        text.addClassName("training-strong");
        Div row = new Div(name, text);
        row.addClassName("training-actions");
        return row;
    }
}
