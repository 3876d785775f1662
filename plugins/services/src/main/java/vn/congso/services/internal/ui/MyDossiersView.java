package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.List;
import vn.congso.api.TranslationService;
import vn.congso.api.text.Formats;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.UploadTexts;
import vn.congso.services.internal.ServicesConfig;
import vn.congso.services.internal.catalogue.Procedure;
import vn.congso.services.internal.catalogue.ProcedureCatalogue;
import vn.congso.services.internal.dossier.Action;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;
import vn.congso.services.internal.dossier.Status;

/** A citizen's own dossiers: follow them, download the receipt, answer a request to supplement, withdraw. */
public class MyDossiersView extends VerticalLayout {

    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final ServicesConfig config;
    private final Texts ui;
    private final Grid<Dossier> grid = new Grid<>();
    private final Div detail = new Div();
    private final transient vn.congso.services.internal.rating.ServiceRatings ratings;
    private final transient vn.congso.services.internal.payment.Payments payments;

    /**
     * @param dossiers the dossiers
     * @param catalogue procedure names
     * @param config limits
     * @param translations texts
     * @param ratings the owner's rating after the result
     * @param payments the fee's payment
     */
    public MyDossiersView(DossierService dossiers, ProcedureCatalogue catalogue, ServicesConfig config,
            TranslationService translations, vn.congso.services.internal.rating.ServiceRatings ratings,
            vn.congso.services.internal.payment.Payments payments) {
        this.ratings = ratings;
        this.payments = payments;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.config = config;
        this.ui = new Texts(translations);
        setId("services-my");
        addClassName("services-page");
        grid.setId("services-my-grid");
        grid.addColumn(Dossier::code).setHeader(ui.t("services.dossier.code"));
        grid.addColumn(d -> name(d.procedureCode())).setHeader(ui.t("services.procedure.name")).setFlexGrow(3);
        grid.addColumn(d -> ui.t("services.status." + d.status().code())).setHeader(ui.t("services.dossier.status"));
        grid.addColumn(d -> d.dueDate().map(due -> Formats.date(due, ui.locale())).orElse("—"))
                .setHeader(ui.t("services.dossier.due"));
        grid.setEmptyStateText(ui.t("services.my.empty"));
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::show));
        detail.setId("services-my-detail");
        add(new H2(ui.t("services.my.title")), grid, detail);
        grid.setItems(dossiers.mine());
    }

    private String name(String code) {
        return catalogue.get(code).map(Procedure::name).orElse(code);
    }

    private void show(Dossier d) {
        detail.removeAll();
        detail.add(new DossierPanel(d, name(d.procedureCode()), catalogue.formAt(d.procedureCode(), d.submittedAt()), dossiers, ui));
        if (d.status() == Status.SUPPLEMENT) {
            List<DossierService.NewFile> files = new ArrayList<>();
            TextArea answer = new TextArea(ui.t("services.my.supplement-note"));
            answer.setId("services-my-supplement-note");
            answer.setMaxLength(2000);
            Upload upload = new Upload(new BoundedUploadHandler(config.maxFileMegabytes() * 1024L * 1024L,
                    ContentCheck.oneOf(DossierService.FILE_TYPES.toArray(FileType[]::new)),
                    received -> {
                        try (received) {
                            files.add(new DossierService.NewFile(received.fileName(), received.readAllBytes()));
                        }
                    },
                    refused -> ui.error(ui.t(refused.key(), refused.args().toArray()))));
            upload.setId("services-my-supplement-upload");
            upload.setI18n(UploadTexts.of(ui.translator()));
            upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
            Button send = new Button(ui.t("services.my.supplement-send"), e -> act(d, Action.SUPPLEMENT,
                    answer.getValue(), files));
            send.setId("services-my-supplement-send");
            detail.add(answer, upload, send);
        }
        if (d.status() == Status.SUBMITTED || d.status() == Status.SUPPLEMENT) {
            Button withdraw = new Button(ui.t("services.my.withdraw"), e -> act(d, Action.WITHDRAW, "", List.of()));
            withdraw.setId("services-my-withdraw");
            detail.add(withdraw);
        }
        if (d.status() == Status.RETURNED) {
            detail.add(new RatingPanel(d, ratings, ui));
        }
        detail.add(new PaymentPanel(d, payments, ui, PaymentPanel.Role.OWNER));
    }

    private void act(Dossier d, Action action, String note, List<DossierService.NewFile> files) {
        try {
            Dossier after = dossiers.act(d.id(), action, note, files);
            ui.success(ui.t("services.action.done", ui.t("services.action." + action.code()), after.code()));
            grid.setItems(dossiers.mine());
            show(after);
        } catch (RuntimeException e) {
            ui.refused(e);
        }
    }
}
