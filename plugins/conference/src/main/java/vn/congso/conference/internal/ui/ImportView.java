package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.SpooledUpload;
import vn.congso.api.upload.UploadTexts;
import vn.congso.conference.internal.domain.Conflict;
import vn.congso.conference.internal.domain.ConnectionPoint;
import vn.congso.conference.internal.domain.IcsImportReader;
import vn.congso.conference.internal.domain.Slot;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.ConferenceService;
import vn.congso.conference.internal.service.IcsImport;

/**
 * Imports meetings from an {@code .ics} file: the scheduler chooses the host and the points (all,
 * a saved group, or ticked), uploads the file (size limit and text/calendar check on the server
 * while it arrives) and sees the preview: each meeting with its times in Asia/Ho_Chi_Minh and its
 * occurrences, every problem by line, every clash as a booking shows it; "import all" saves every
 * meeting of the file or none.
 */
public final class ImportView extends VerticalLayout {

    /** Occurrences listed per meeting before "… and N more". */
    private static final int SHOWN_OCCURRENCES = 6;
    /** Problems listed before "… and N more" (a broken file of 1 MB has thousands). */
    private static final int SHOWN_PROBLEMS = 100;

    private final ConferenceService service;
    private final IcsImport importer;
    private final Texts texts;
    private final List<ConnectionPoint> all;
    private final Select<ConnectionPoint> host = new Select<>();
    private final CheckboxGroup<ConnectionPoint> points = new CheckboxGroup<>();
    private final Select<ConferenceService.PointGroup> group = new Select<>();
    private final Div result = new Div();
    private final Button preview = new Button();
    private final Button commit = new Button();
    private Upload upload;
    private String fileName;
    private byte[] content;

    /**
     * Creates the view.
     *
     * @param service the conference service
     * @param translations texts
     */
    public ImportView(ConferenceService service, TranslationService translations) {
        this.service = service;
        this.importer = new IcsImport(service);
        this.texts = new Texts(translations);
        setId("conference-import-view");
        all = service.points();

        host.setLabel(t("conference.field.host"));
        host.setId("conference-import-host");
        host.setWidth("min(24rem, 90vw)");
        host.setItems(all);
        host.setItemLabelGenerator(ConnectionPoint::name);
        all.stream().filter(ConnectionPoint::hub).findFirst().ifPresent(host::setValue);
        points.setLabel(t("conference.field.points"));
        points.setId("conference-import-points");
        points.setItems(all);
        points.setItemLabelGenerator(ConnectionPoint::name);
        points.setValue(Set.copyOf(all));
        Button allPoints = new Button(t("conference.action.all-points"), e -> points.setValue(Set.copyOf(all)));
        allPoints.setId("conference-import-all-points");
        group.setLabel(t("conference.field.group"));
        group.setId("conference-import-group");
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption("");
        group.setItems(service.pointGroups());
        group.setItemLabelGenerator(g -> g == null ? "" : g.name());
        group.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                points.setValue(all.stream().filter(p -> e.getValue().pointIds().contains(p.id()))
                        .collect(Collectors.toSet()));
            }
        });
        HorizontalLayout pointBar = new HorizontalLayout(host, allPoints, group);
        pointBar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        pointBar.setWrap(true);

        long maxBytes = service.settings().importMaxBytes();
        // Limits on the server: at most maxBytes are read while the file arrives, and its content
        // must be a calendar (UTF-8, BEGIN:VCALENDAR) whatever its name; the browser's limits are a courtesy.
        upload = new Upload(new BoundedUploadHandler(maxBytes, IcsImportReader.calendar(), this::received,
                refused -> {
                    upload.clearFileList();
                    fileName = null;
                    content = null;
                    showNothing();
                    texts.show(t(refused.key(), refused.args().toArray()), NotificationVariant.LUMO_ERROR);
                }));
        upload.setId("conference-import-upload");
        upload.setI18n(UploadTexts.of(texts::t));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(".ics", "text/calendar");
        upload.addFileRejectedListener(e -> texts.show(e.getErrorMessage(), NotificationVariant.LUMO_ERROR));

        preview.setText(t("conference.action.import-preview"));
        preview.setId("conference-import-preview");
        preview.addClickListener(e -> run(false));
        preview.setEnabled(false);
        commit.setText(t("conference.action.import"));
        commit.setId("conference-import-commit");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClickListener(e -> run(true));
        commit.setEnabled(false);
        result.setId("conference-import-result");

        Paragraph help = new Paragraph(t("conference.import.help", maxBytes / 1024));
        help.setId("conference-import-help");
        add(new H2(t("conference.import.title")), help, pointBar, points, new H3(t("conference.import.upload")), upload,
                new HorizontalLayout(preview, commit), result);
    }

    private void received(SpooledUpload file) throws java.io.IOException {
        try (file) {
            content = file.readAllBytes();
            fileName = file.fileName();
        }
        // One file at a time: the list is emptied so that the next file can be chosen.
        upload.clearFileList();
        run(false);
    }

    /** Previews the file for the chosen points, or imports it. */
    private void run(boolean save) {
        if (content == null) {
            return;
        }
        ConnectionPoint hostPoint = host.getValue();
        Set<Long> ids = points.getValue().stream().map(ConnectionPoint::id).collect(Collectors.toSet());
        IcsImport.Preview outcome;
        try {
            outcome = importer.run(fileName, content, hostPoint == null ? 0 : hostPoint.id(), ids, save);
        } catch (ConferenceException e) {
            showNothing();
            texts.show(t(e.key(), e.args()), NotificationVariant.LUMO_ERROR);
            return;
        } catch (AccessDeniedException e) {
            showNothing();
            texts.show(t("conference.error.denied"), NotificationVariant.LUMO_ERROR);
            return;
        }
        if (outcome.committed()) {
            texts.show(t("conference.imported", outcome.toImport().size(), fileName), NotificationVariant.LUMO_SUCCESS);
            content = null;
            fileName = null;
            showNothing();
            getUI().ifPresent(ui -> ui.navigate(ConferenceScreens.CALENDAR));
            return;
        }
        show(outcome);
    }

    private void showNothing() {
        result.removeAll();
        preview.setEnabled(content != null);
        commit.setEnabled(false);
    }

    private void show(IcsImport.Preview outcome) {
        result.removeAll();
        preview.setEnabled(true);
        commit.setEnabled(outcome.importable());
        Paragraph file = new Paragraph(t("conference.import.file", outcome.fileName()));
        file.setId("conference-import-file");
        result.add(file);
        if (!outcome.problems().isEmpty()) {
            Paragraph intro = new Paragraph(t("conference.import.problems", outcome.problems().size()));
            intro.setId("conference-import-problems-intro");
            UnorderedList list = new UnorderedList();
            list.setId("conference-import-problems");
            for (IcsImportReader.Problem p : outcome.problems().subList(0, Math.min(SHOWN_PROBLEMS,
                    outcome.problems().size()))) {
                ListItem item = new ListItem(t(p.key(), IcsImportReader.args(p, texts.locale())));
                item.addClassName("conference-import-problem");
                list.add(item);
            }
            if (outcome.problems().size() > SHOWN_PROBLEMS) {
                list.add(new ListItem(t("conference.import.more-problems", outcome.problems().size() - SHOWN_PROBLEMS)));
            }
            result.add(intro, list);
        } else {
            int skipped = outcome.cancelled().size() + (outcome.meetings().size() - outcome.toImport().size());
            Paragraph summary = new Paragraph(t("conference.import.summary", outcome.toImport().size(), skipped));
            summary.setId("conference-import-summary");
            result.add(summary);
        }
        UnorderedList events = new UnorderedList();
        events.setId("conference-import-events");
        for (IcsImport.Meeting m : outcome.meetings()) {
            events.add(event(m));
        }
        for (IcsImportReader.Skipped s : outcome.cancelled()) {
            ListItem item = new ListItem(t("conference.import.cancelled", s.line(), s.title()));
            item.addClassName("conference-import-cancelled");
            events.add(item);
        }
        result.add(events);
        List<Conflict> conflicts = outcome.conflicts();
        if (!conflicts.isEmpty()) {
            Paragraph intro = new Paragraph(t("conference.import.conflicts", conflicts.size()));
            intro.setId("conference-import-conflicts-intro");
            UnorderedList list = new UnorderedList();
            list.setId("conference-import-conflicts");
            list.addClassName("conference-conflicts");
            for (Conflict c : conflicts) {
                ListItem item = new ListItem(texts.conflict(c));
                item.addClassName("conference-conflict");
                list.add(item);
            }
            result.add(intro, list);
        } else if (outcome.importable()) {
            Paragraph ready = new Paragraph(t("conference.import.ready"));
            ready.setId("conference-import-ready");
            result.add(ready);
        } else if (outcome.problems().isEmpty()) {
            Paragraph nothing = new Paragraph(t("conference.import.nothing"));
            nothing.setId("conference-import-nothing");
            result.add(nothing);
        }
    }

    private ListItem event(IcsImport.Meeting m) {
        IcsImportReader.Event e = m.event();
        ListItem item = new ListItem();
        item.addClassName("conference-import-event");
        if (m.alreadyImported()) {
            item.setText(t("conference.import.already", e.title(), e.uid()));
            item.addClassName("conference-import-already");
            return item;
        }
        List<Slot> kept = e.kept();
        Slot first = kept.get(0);
        StringBuilder text = new StringBuilder(t("conference.import.event", e.title(),
                Formats.dateTime(first.start(), texts.locale()), Formats.dateTime(first.end(), texts.locale())));
        text.append(" · ").append(t("conference.import.occurrences", kept.size()));
        if (!e.dropped().isEmpty()) {
            text.append(" · ").append(t("conference.import.dropped", e.dropped().size()));
        }
        if (!Formats.ZONE.getId().equals(e.zone())) {
            text.append(" · ").append(t("conference.import.zone", e.zone()));
        }
        item.add(new Paragraph(text.toString()));
        if (kept.size() > 1) {
            UnorderedList dates = new UnorderedList();
            dates.addClassName("conference-import-occurrences");
            for (Slot s : kept.subList(0, Math.min(SHOWN_OCCURRENCES, kept.size()))) {
                dates.add(new ListItem(Formats.dateTime(s.start(), texts.locale()) + " – "
                        + Formats.dateTime(s.end(), texts.locale())));
            }
            if (kept.size() > SHOWN_OCCURRENCES) {
                dates.add(new ListItem(t("conference.import.more", kept.size() - SHOWN_OCCURRENCES)));
            }
            item.add(dates);
        }
        return item;
    }

    private String t(String key, Object... args) {
        return texts.t(key, args);
    }
}
