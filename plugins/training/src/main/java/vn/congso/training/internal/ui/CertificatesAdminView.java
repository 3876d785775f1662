package vn.congso.training.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.congso.training.internal.service.CertificateService;
import vn.congso.training.internal.service.CertificateService.Certificate;
import vn.congso.training.internal.service.ExamService;
import vn.congso.training.internal.service.TrainingPermissions;

/** Report viewers: the certificates an exam issued; with the revoke permission, revoking one with a reason. */
public class CertificatesAdminView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Ui ui;
    private final transient CertificateService certificates;
    private final Select<ExamService.Exam> exam = new Select<>();
    private final Grid<Certificate> grid = new Grid<>();

    /** Creates the view. */
    public CertificatesAdminView(Ui ui, CertificateService certificates, ExamService exams) {
        this.ui = ui;
        this.certificates = certificates;
        setId("certificates-admin-view");
        setSizeFull();
        exam.setId("certificates-exam");
        exam.setLabel(ui.t("training.ui.reports.exam"));
        exam.setItemLabelGenerator(x -> x.draft().title());
        exam.setWidth("min(100%, 30rem)");
        exam.addValueChangeListener(e -> refresh());
        boolean mayRevoke = ui.user().isPermitted(TrainingPermissions.CERTIFICATE_REVOKE);
        grid.setId("certificates-grid");
        // Names, units and revocation reasons wrap rather than push the revoke button out of sight.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Certificate::code).setHeader(ui.t("training.ui.verify.code")).setAutoWidth(true);
        grid.addColumn(Certificate::holderName).setHeader(ui.t("training.ui.verify.holder")).setSortable(true).setFlexGrow(2);
        grid.addColumn(Certificate::unitName).setHeader(ui.t("training.ui.verify.unit")).setSortable(true).setFlexGrow(2);
        grid.addColumn(c -> ui.percent(c.percentage())).setHeader(ui.t("training.ui.result.score")).setAutoWidth(true);
        grid.addColumn(c -> ui.date(c.issuedAt())).setHeader(ui.t("training.ui.verify.issued")).setAutoWidth(true);
        grid.addColumn(c -> c.validUntil() == null ? ui.t("training.ui.certificates.forever") : ui.date(c.validUntil()))
                .setHeader(ui.t("training.ui.verify.valid-until")).setAutoWidth(true);
        grid.addComponentColumn(c -> CertificateBadges.status(ui, c.statusAt(Instant.now())))
                .setHeader(ui.t("training.ui.certificate.status")).setAutoWidth(true);
        grid.addColumn(c -> c.revokedReason() == null ? "" : c.revokedReason())
                .setHeader(ui.t("training.ui.certificates.reason")).setFlexGrow(2);
        grid.addComponentColumn(c -> {
            Button revoke = new Button(ui.t("training.ui.certificates.revoke"), e -> revoke(c));
            revoke.setId("certificate-revoke-" + c.code());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            revoke.setVisible(mayRevoke && c.revokedAt() == null);
            return revoke;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.setEmptyStateText(ui.t("training.ui.certificates.empty"));
        add(new H1(ui.t("training.ui.certificates.title")), exam, grid);
        try {
            List<ExamService.Exam> all = exams.list();
            exam.setItems(all);
            if (!all.isEmpty()) {
                exam.setValue(all.get(0));
            }
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void refresh() {
        if (exam.getValue() == null) {
            grid.setItems(List.of());
            return;
        }
        try {
            grid.setItems(certificates.ofExam(exam.getValue().id()));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void revoke(Certificate certificate) {
        Dialog dialog = new Dialog();
        dialog.setId("certificate-revoke-dialog");
        dialog.setHeaderTitle(ui.t("training.ui.certificates.revoke-title", certificate.code()));
        dialog.setWidth("min(32rem, 96vw)");
        TextArea reason = new TextArea(ui.t("training.ui.certificates.reason"));
        reason.setId("certificate-revoke-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        dialog.add(new Paragraph(ui.t("training.ui.certificates.revoke-text", certificate.holderName(), certificate.title())),
                reason);
        Button confirm = new Button(ui.t("training.ui.certificates.revoke"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(ui.t("training.ui.certificates.reason-required"));
                return;
            }
            try {
                certificates.revoke(certificate.code(), reason.getValue().strip());
                dialog.close();
                ui.success(ui.t("training.ui.certificates.revoked", certificate.code()));
                refresh();
            } catch (RuntimeException ex) {
                ui.refused(ex, Map.of("training.certificate.reason-required", reason));
            }
        });
        confirm.setId("certificate-revoke-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(ui.t("training.ui.common.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }
}
