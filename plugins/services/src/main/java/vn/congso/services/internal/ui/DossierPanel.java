package vn.congso.services.internal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import vn.congso.api.text.Formats;
import vn.congso.services.internal.dossier.Dossier;
import vn.congso.services.internal.dossier.DossierService;

/** A dossier's facts, files (downloads) and history, for its owner and its officers. */
final class DossierPanel extends Div {

    /** A stored value as the page's language writes it. */
    static String shown(vn.congso.services.internal.catalogue.FormField f, String value, Texts ui) {
        if (f == null) {
            return value;
        }
        try {
            return switch (f.type()) {
                case DATE -> Formats.date(java.time.LocalDate.parse(value), ui.locale());
                case NUMBER -> {
                    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(
                            "en".equals(ui.locale().getLanguage()) ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("vi"));
                    format.setMaximumFractionDigits(4);
                    yield format.format(new java.math.BigDecimal(value));
                }
                default -> value;
            };
        } catch (RuntimeException e) {
            // A value stored before its field's type changed: shown as stored.
            return value;
        }
    }

    DossierPanel(Dossier d, String procedureName, java.util.List<vn.congso.services.internal.catalogue.FormField> fields,
            DossierService dossiers, Texts ui) {
        setId("services-dossier-" + d.id());
        addClassName("services-dossier");
        H3 title = new H3(d.code() + " — " + procedureName);
        title.setId("services-dossier-title");
        Paragraph status = new Paragraph(ui.t("services.dossier.status-line", ui.t("services.status." + d.status().code()),
                ui.t("services.timeliness." + dossiers.timeliness(d).code()),
                d.dueDate().map(due -> Formats.date(due, ui.locale())).orElse("—")));
        status.setId("services-dossier-status");
        status.getElement().setAttribute("data-status", d.status().code());
        Paragraph who = new Paragraph(ui.t("services.dossier.applicant-line", d.applicantName(), d.phone(),
                Formats.dateTime(d.submittedAt(), ui.locale())));
        add(title, status, who);
        if (dossiers.needsApology(d)) {
            Paragraph late = new Paragraph(ui.t("services.dossier.apology-needed"));
            late.setId("services-dossier-apology-needed");
            late.addClassName("services-warning");
            add(late);
        }
        if (!d.note().isEmpty()) {
            Paragraph note = new Paragraph(ui.t("services.dossier.note", d.note()));
            note.setId("services-dossier-note");
            add(note);
        }
        if (!d.form().isEmpty()) {
            UnorderedList form = new UnorderedList();
            // Each value under its field's label; dates and numbers were stored language-free.
            java.util.Map<String, vn.congso.services.internal.catalogue.FormField> byKey = new java.util.HashMap<>();
            fields.forEach(f -> byKey.put(f.key(), f));
            d.form().forEach((k, v) -> {
                var f = byKey.get(k);
                form.add(new ListItem((f == null ? k : f.label(ui.locale())) + ": " + shown(f, v, ui)));
            });
            add(form);
        }
        UnorderedList files = new UnorderedList();
        files.setId("services-dossier-files");
        for (DossierService.FileInfo f : dossiers.files(d.id())) {
            files.add(new ListItem(Downloads.link("services-file-" + f.id(), f.fileName(), f.fileName(), f.mediaType(),
                    () -> dossiers.fileContent(f.id()))));
        }
        add(files);
        add(Downloads.link("services-dossier-receipt", ui.t("services.receipt.download"), d.code() + ".pdf",
                "application/pdf", () -> dossiers.receipt(d.id())));
        // Templates 02-04 of Circular 01/2018, once the dossier has them.
        for (DossierService.Letter letter : dossiers.letters(d.id())) {
            add(new Div(Downloads.link("services-dossier-letter-" + letter.number(), ui.t("services.letter." + letter.code()),
                    d.code() + "-" + letter.number() + ".pdf", "application/pdf", () -> dossiers.letter(d.id(), letter))));
        }
        java.util.List<vn.congso.services.internal.dossier.StepPlan.StepDue> steps = dossiers.schedule(d);
        if (!steps.isEmpty()) {
            // Each step's share of the working days and its own deadline; the current one marked.
            UnorderedList plan = new UnorderedList();
            plan.setId("services-dossier-steps");
            for (var step : steps) {
                ListItem item = new ListItem(ui.t("services.desk.step-line", ui.t("services.step." + step.step().code()),
                        vn.congso.api.text.LocaleNumbers.format(new java.math.BigDecimal(step.halfDays()).divide(
                                java.math.BigDecimal.valueOf(2)), ui.locale()),
                        Formats.dateTime(step.due().atZone(Formats.ZONE).toInstant(), ui.locale())));
                item.getElement().setAttribute("data-step", step.step().code());
                if (d.status() == vn.congso.services.internal.dossier.Status.PROCESSING && step.step().code().equals(d.step())) {
                    item.addClassName("services-current-step");
                }
                plan.add(item);
            }
            add(new H3(ui.t("services.procedure.steps")), plan);
        }
        UnorderedList history = new UnorderedList();
        history.setId("services-dossier-history");
        for (DossierService.Event e : dossiers.history(d.id())) {
            history.add(new ListItem(Formats.dateTime(e.at(), ui.locale()) + " — " + ui.t("services.action." + e.action())
                    + " — " + e.actor() + (e.note().isEmpty() ? "" : " — " + e.note())));
        }
        add(new H3(ui.t("services.dossier.history")), history);
    }
}
