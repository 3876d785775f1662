package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.Status;
import vn.congso.services.internal.dossier.WorkflowException;
import vn.congso.services.internal.payment.Payments;
import vn.congso.services.payment.PaymentProvider;

/**
 * A dossier's fee: paid (with the e-receipt to download), or a form to pay it — online through a
 * provider for the owner, in cash for the counter officer (the amount in the page's numbers).
 */
final class PaymentPanel extends VerticalLayout {

    /** Who is looking. */
    enum Role {
        /** The citizen who owns the dossier. */
        OWNER,
        /** The officer at the counter. */
        COUNTER
    }

    private final transient Payments payments;
    private final Texts ui;
    private final Dossier dossier;
    private final Role role;

    PaymentPanel(Dossier dossier, Payments payments, Texts ui, Role role) {
        this.payments = payments;
        this.ui = ui;
        this.dossier = dossier;
        this.role = role;
        setId("services-payment");
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        add(new H3(ui.t("services.payment.title")));
        long fee = payments.publishedFee(dossier.procedureCode());
        Paragraph published = new Paragraph(fee > 0 ? ui.t("services.payment.fee", Payments.formatVnd(fee, ui.locale()))
                : ui.t("services.payment.fee-none"));
        published.setId("services-payment-fee");
        add(published);
        payments.paymentOf(dossier.id()).ifPresentOrElse(this::paid, () -> {
            if (dossier.status() != Status.REFUSED && dossier.status() != Status.WITHDRAWN) {
                if (role == Role.COUNTER) {
                    cashForm(fee);
                } else if (fee > 0) {
                    onlineForm();
                }
            }
        });
    }

    private void paid(Payments.Payment p) {
        Paragraph done = new Paragraph(ui.t("services.payment.paid", Payments.formatVnd(p.amountVnd(), ui.locale()),
                ui.t("services.payment.method." + p.method()), Formats.dateTime(p.paidAt(), ui.locale()), p.receiptNo()));
        done.setId("services-payment-paid");
        done.getElement().setAttribute("data-method", p.method());
        add(done, Downloads.link("services-payment-receipt", ui.t("services.payment.receipt"), p.receiptNo() + ".pdf",
                "application/pdf", () -> payments.receipt(dossier.id())));
    }

    private void cashForm(long fee) {
        TextField amount = new TextField(ui.t("services.payment.amount"));
        amount.setId("services-payment-amount");
        amount.setMaxLength(20);
        amount.setHelperText(ui.t("services.payment.amount.help"));
        if (fee > 0) {
            amount.setValue(java.text.NumberFormat.getIntegerInstance(ui.locale()).format(fee));
        }
        Button cash = new Button(ui.t("services.payment.cash"));
        cash.setId("services-payment-cash");
        cash.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cash.setDisableOnClick(true);
        cash.addClickListener(e -> {
            amount.setInvalid(false);
            try {
                payments.recordCash(dossier.id(), amount.getValue(), ui.locale());
                ui.success(ui.t("services.payment.recorded"));
                refresh();
            } catch (WorkflowException ex) {
                if (ex.key().equals("services.payment.amount-invalid")) {
                    amount.setErrorMessage(ui.t(ex.key(), ex.args().toArray()));
                    amount.setInvalid(true);
                } else {
                    ui.refused(ex);
                }
                cash.setEnabled(true);
            } catch (RuntimeException ex) {
                ui.refused(ex);
                cash.setEnabled(true);
            }
        });
        add(amount, cash);
    }

    private void onlineForm() {
        List<PaymentProvider> providers = payments.providers();
        if (providers.isEmpty()) {
            Paragraph none = new Paragraph(ui.t("services.payment.online-unavailable"));
            none.setId("services-payment-online-unavailable");
            add(none);
            return;
        }
        List<Map.Entry<PaymentProvider, PaymentProvider.Method>> choices = new ArrayList<>();
        providers.forEach(p -> p.methods().forEach(m -> choices.add(Map.entry(p, m))));
        Select<Map.Entry<PaymentProvider, PaymentProvider.Method>> method = new Select<>();
        method.setId("services-payment-method");
        method.setLabel(ui.t("services.payment.method"));
        method.setItems(choices);
        method.setItemLabelGenerator(c -> ui.t("services.payment.method." + c.getValue().code()) + " — "
                + ui.t(c.getKey().nameKey()));
        method.setValue(choices.get(0));
        TextField reference = new TextField(ui.t("services.payment.reference"));
        reference.setId("services-payment-reference");
        reference.setMaxLength(40);
        reference.setHelperText(ui.t("services.payment.reference.help", dossier.code()));
        Button pay = new Button(ui.t("services.payment.pay"));
        pay.setId("services-payment-pay");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pay.setDisableOnClick(true);
        pay.addClickListener(e -> {
            reference.setInvalid(false);
            try {
                payments.payOnline(dossier.id(), method.getValue().getKey().id(), method.getValue().getValue(),
                        reference.getValue());
                ui.success(ui.t("services.payment.recorded"));
                refresh();
            } catch (WorkflowException ex) {
                reference.setErrorMessage(ui.t(ex.key(), ex.args().toArray()));
                reference.setInvalid(true);
                pay.setEnabled(true);
            } catch (RuntimeException ex) {
                ui.refused(ex);
                pay.setEnabled(true);
            }
        });
        add(new Paragraph(ui.t("services.payment.online-intro")), method, reference, pay);
    }
}
