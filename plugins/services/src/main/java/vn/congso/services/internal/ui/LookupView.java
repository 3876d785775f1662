package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.dossier.DossierService;

/**
 * The public look-up: a dossier code and the last four digits of the applicant's phone give its
 * status and due date, nothing personal; an unknown code and wrong digits get the same answer.
 * Rate-limited per client by the service.
 */
public class LookupView extends VerticalLayout implements BeforeEnterObserver {

    private final DossierService dossiers;
    private final Texts ui;
    private final TextField code = new TextField();

    /**
     * @param dossiers the dossiers
     * @param translations texts
     */
    public LookupView(DossierService dossiers, TranslationService translations) {
        this.dossiers = dossiers;
        this.ui = new Texts(translations);
        setId("services-lookup");
        addClassName("services-page");
        code.setId("services-lookup-code");
        code.setLabel(ui.t("services.lookup.code"));
        code.setMaxLength(32);
        TextField digits = new TextField(ui.t("services.lookup.digits"));
        digits.setId("services-lookup-digits");
        digits.setMaxLength(4);
        digits.setAllowedCharPattern("[0-9]");
        Paragraph result = new Paragraph();
        result.setId("services-lookup-result");
        Button look = new Button(ui.t("services.lookup.search"), e -> {
            try {
                result.setText(dossiers.lookup(code.getValue(), digits.getValue())
                        .map(r -> ui.t("services.lookup.found", r.code(), r.procedureName(),
                                ui.t("services.status." + r.status().code()),
                                r.dueDate().map(d -> Formats.date(d, ui.locale())).orElse("—")))
                        .orElse(ui.t("services.lookup.none")));
            } catch (DossierService.TooManyLookupsException ex) {
                result.setText(ui.t("services.lookup.too-many"));
            }
        });
        look.setId("services-lookup-search");
        look.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(ui.t("services.lookup.title")), new FormLayout(code, digits), look, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A code from the receipt's QR link; only the code, the phone digits are always typed.
        event.getLocation().getQueryParameters().getSingleParameter("code")
                .filter(c -> c.matches("[A-Za-z0-9-]{1,32}")).ifPresent(code::setValue);
    }
}
