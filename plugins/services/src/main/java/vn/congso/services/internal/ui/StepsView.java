package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Optional;
import vn.congso.api.TranslationService;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.api.text.NumberInput;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.StepPlan;

/**
 * The catalogue administrator's screen for a procedure's steps: how much of its working days the
 * desk (receipt and assignment) and the leader (approval) have, in half days; the specialist has
 * the rest. The service checks the shares. Also the fee a payment collects, in whole đồng typed in
 * the page's numbers ("50.000" is fifty thousand in Vietnamese), refused on its field when unreadable.
 */
public class StepsView extends VerticalLayout {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final Texts ui;
    private final TextField code = new TextField();
    private final Paragraph procedure = new Paragraph();
    private final Paragraph plan = new Paragraph();
    private final NumberInput receive;
    private final NumberInput leader;
    private final Button save;
    private final TextField fee = new TextField();
    private final Button saveFee;
    private Procedure current;

    /**
     * @param dossiers the steps' shares
     * @param catalogue the procedures
     * @param translations texts
     */
    public StepsView(DossierService dossiers, ProcedureCatalogue catalogue, TranslationService translations) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.ui = new Texts(translations);
        setId("services-steps");
        addClassName("services-page");
        code.setId("services-steps-code");
        code.setLabel(ui.t("services.procedure.code"));
        code.setMaxLength(32);
        Button load = new Button(ui.t("services.steps.load"), e -> load());
        load.setId("services-steps-load");
        procedure.setId("services-steps-procedure");
        plan.setId("services-steps-plan");
        receive = new NumberInput(ui.t("services.step.receive"), ui.locale(), false, ui.translator());
        receive.setId("services-steps-receive");
        leader = new NumberInput(ui.t("services.step.leader"), ui.locale(), false, ui.translator());
        leader.setId("services-steps-leader");
        save = new Button(ui.t("services.steps.save"), e -> save());
        save.setId("services-steps-save");
        save.setEnabled(false);
        fee.setId("services-steps-fee");
        fee.setLabel(ui.t("services.procedure.fee-amount"));
        fee.setMaxLength(20);
        fee.setEnabled(false);
        saveFee = new Button(ui.t("services.procedure.fee-save"), e -> saveFee());
        saveFee.setId("services-steps-fee-save");
        saveFee.setEnabled(false);
        FlexLayout fees = new FlexLayout(fee, saveFee);
        fees.addClassName("services-actions");
        fees.setAlignItems(Alignment.BASELINE);
        FlexLayout find = new FlexLayout(code, load);
        find.addClassName("services-actions");
        find.setAlignItems(Alignment.BASELINE);
        FlexLayout shares = new FlexLayout(receive, leader, save);
        shares.addClassName("services-actions");
        shares.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        shares.setAlignItems(Alignment.BASELINE);
        add(new H2(ui.t("services.procedure.steps")), new Paragraph(ui.t("services.steps.help")), find, procedure,
                shares, plan, fees);
    }

    private void load() {
        Optional<Procedure> p = catalogue.get(code.getValue().strip());
        current = p.orElse(null);
        save.setEnabled(p.isPresent() && p.get().processingDays() > 0);
        fee.setEnabled(p.isPresent());
        saveFee.setEnabled(p.isPresent());
        fee.setInvalid(false);
        fee.setValue(p.map(x -> vn.congso.services.internal.catalogue.Fees.format(x.feeVnd(), ui.locale())).orElse(""));
        if (p.isEmpty()) {
            procedure.setText(ui.t("services.error.no-procedure"));
            plan.setText("");
            return;
        }
        procedure.setText(ui.t("services.steps.procedure", p.get().name(), p.get().processingDays()));
        show(dossiers.stepPlan(p.get().code()));
    }

    private void show(StepPlan p) {
        receive.setNumber(days(p.receiveHalfDays()));
        leader.setNumber(days(p.leaderHalfDays()));
        plan.setText(p.stepped() ? ui.t("services.steps.plan", text(p.receiveHalfDays()), text(p.specialistHalfDays()),
                text(p.leaderHalfDays())) : ui.t("services.error.no-steps"));
    }

    private static BigDecimal days(int halfDays) {
        return BigDecimal.valueOf(halfDays).divide(TWO);
    }

    private String text(int halfDays) {
        return LocaleNumbers.format(days(halfDays), ui.locale());
    }

    /** @return the half days, or null when the number is not a multiple of half a day */
    private static Integer halfDays(BigDecimal days) {
        try {
            return days.multiply(TWO).intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private void saveFee() {
        if (current == null) {
            return;
        }
        long amount = vn.congso.services.internal.catalogue.Fees.parse(fee.getValue(), ui.locale());
        if (amount < 0 || amount > vn.congso.services.internal.catalogue.Fees.MAX) {
            fee.setErrorMessage(ui.t("services.procedure.fee-invalid",
                    vn.congso.services.internal.payment.Payments.formatVnd(vn.congso.services.internal.catalogue.Fees.MAX,
                            ui.locale())));
            fee.setInvalid(true);
            return;
        }
        try {
            current = catalogue.setFee(current.code(), amount);
            fee.setInvalid(false);
            fee.setValue(vn.congso.services.internal.catalogue.Fees.format(current.feeVnd(), ui.locale()));
            ui.success(ui.t("services.procedure.fee-saved", current.code(),
                    vn.congso.services.internal.payment.Payments.formatVnd(current.feeVnd(), ui.locale())));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }

    private void save() {
        if (current == null || !NumberInput.checkAll(receive, leader)) {
            return;
        }
        Integer r = receive.getNumber() == null ? null : halfDays(receive.getNumber());
        Integer l = leader.getNumber() == null ? null : halfDays(leader.getNumber());
        if (r == null || l == null) {
            ui.error(ui.t("services.steps.error.half"));
            return;
        }
        try {
            show(dossiers.setStepPlan(current.code(), r, l));
            ui.success(ui.t("services.steps.saved", current.code()));
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }
}
