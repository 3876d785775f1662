package vn.congso.services.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.WorkflowException;
import vn.congso.services.internal.rating.ServiceRatings;

/** The owner rates the service of a returned dossier once: 1 to 5 and an optional comment. */
final class RatingPanel extends VerticalLayout {

    private final transient ServiceRatings ratings;
    private final Texts ui;

    RatingPanel(Dossier dossier, ServiceRatings ratings, Texts ui) {
        this.ratings = ratings;
        this.ui = ui;
        setId("services-rating");
        setPadding(false);
        add(new H3(ui.t("services.rating.title")));
        ratings.ratingOf(dossier.id()).ifPresentOrElse(this::showDone, () -> showForm(dossier));
    }

    private void showForm(Dossier dossier) {
        RadioButtonGroup<Integer> score = new RadioButtonGroup<>(ui.t("services.rating.score"));
        score.setId("services-rating-score");
        score.setItems(List.of(5, 4, 3, 2, 1));
        score.setItemLabelGenerator(n -> ui.t("services.rating.score." + n));
        TextArea comment = new TextArea(ui.t("services.rating.comment"));
        comment.setId("services-rating-comment");
        comment.setMaxLength(ServiceRatings.MAX_COMMENT);
        comment.setWidthFull();
        comment.setHelperText(ui.t("services.rating.comment.help", ServiceRatings.MAX_COMMENT));
        Button send = new Button(ui.t("services.rating.send"));
        send.setId("services-rating-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            score.setInvalid(false);
            comment.setInvalid(false);
            if (score.getValue() == null) {
                score.setErrorMessage(ui.t("services.rating.score-invalid"));
                score.setInvalid(true);
                send.setEnabled(true);
                return;
            }
            try {
                ServiceRatings.Rating rating = ratings.rate(dossier.id(), score.getValue(), comment.getValue());
                removeAll();
                add(new H3(ui.t("services.rating.title")));
                showDone(rating);
                ui.success(ui.t("services.rating.thanks"));
            } catch (WorkflowException ex) {
                if (ex.key().equals("services.rating.comment-too-long")) {
                    comment.setErrorMessage(ui.t(ex.key(), ex.args().toArray()));
                    comment.setInvalid(true);
                } else {
                    ui.refused(ex);
                }
                send.setEnabled(true);
            } catch (RuntimeException ex) {
                ui.refused(ex);
                send.setEnabled(true);
            }
        });
        add(new Paragraph(ui.t("services.rating.intro")), score, comment, send);
    }

    private void showDone(ServiceRatings.Rating rating) {
        Paragraph done = new Paragraph(ui.t("services.rating.done", ui.t("services.rating.score." + rating.score()),
                Formats.date(rating.ratedAt(), ui.locale())));
        done.setId("services-rating-done");
        done.getElement().setAttribute("data-score", String.valueOf(rating.score()));
        add(done);
        if (!rating.comment().isEmpty()) {
            Paragraph comment = new Paragraph(rating.comment());
            comment.setId("services-rating-done-comment");
            add(comment);
        }
    }
}
