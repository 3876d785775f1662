package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import vn.congso.api.CurrentUserService;
import vn.congso.api.TranslationService;
import vn.congso.services.internal.ServicesPermissions;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;

/** One procedure's public page at {@code services/procedure/<code>}. */
public class ProcedureView extends VerticalLayout implements HasUrlParameter<String> {

    private final ProcedureCatalogue catalogue;
    private final CurrentUserService users;
    private final Texts ui;

    /**
     * @param catalogue the catalogue
     * @param users who is asking
     * @param translations texts
     */
    public ProcedureView(ProcedureCatalogue catalogue, CurrentUserService users, TranslationService translations) {
        this.catalogue = catalogue;
        this.users = users;
        this.ui = new Texts(translations);
        setId("services-procedure");
        addClassName("services-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        Anchor back = new Anchor(ServicesScreens.CATALOGUE, ui.t("services.procedure.back"));
        back.setId("services-procedure-back");
        add(back);
        Procedure p = catalogue.get(code).orElse(null);
        if (p == null) {
            Paragraph missing = new Paragraph(ui.t("services.procedure.missing"));
            missing.setId("services-procedure-missing");
            add(missing);
            return;
        }
        H2 title = new H2(p.name());
        title.setId("services-procedure-title");
        add(title);
        add(fact("code", p.code()), fact("field", ui.t("services.field." + p.field())),
                fact("level", ui.t("services.level." + p.level().code())
                        + (p.interLevel() ? " — " + ui.t("services.procedure.inter-level") : "")),
                fact("days", ui.t("services.procedure.days-value", p.processingDays())),
                fact("fees", p.fees() + (p.feeVnd() > 0 ? " — " + ui.t("services.procedure.fee-paid",
                        vn.congso.services.internal.payment.Payments.formatVnd(p.feeVnd(), ui.locale())) : "")),
                fact("result", p.result()),
                fact("online", ui.t("services.procedure.online-value", p.onlineLevel(),
                        ui.t("services.online-class." + p.onlineClass().code()))));
        add(list("components", p.components()), list("how-to", p.howTo()), list("legal-basis", p.legalBasis()));
        if (p.online()) {
            Button submit = new Button(ui.t("services.procedure.submit"), e -> getUI().ifPresent(u -> u.navigate(
                    users.current().isPermitted(ServicesPermissions.SUBMIT) ? ServicesScreens.SUBMIT + "/" + p.code()
                            : "login")));
            submit.setId("services-procedure-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(submit);
        }
    }

    private Div fact(String key, String value) {
        Div row = new Div();
        row.addClassName("services-fact");
        row.setId("services-procedure-" + key);
        Div label = new Div(ui.t("services.procedure." + key));
        label.addClassName("services-fact-label");
        row.add(label, new Div(value));
        return row;
    }

    private Div list(String key, String lines) {
        Div box = new Div(new H3(ui.t("services.procedure." + key)));
        box.setId("services-procedure-" + key);
        UnorderedList items = new UnorderedList();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                items.add(new ListItem(line.strip()));
            }
        }
        box.add(items);
        return box;
    }
}
