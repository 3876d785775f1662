package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.api.upload.BoundedUploadHandler;
import vn.congso.api.upload.UploadTexts;
import vn.congso.conference.internal.domain.DocumentTypes;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.MeetingDocuments;

/**
 * A meeting's documents on its details: each a download (always as an attachment, never shown
 * inline, {@code nosniff}), and for the scheduler an upload (limits enforced on the server while
 * the file streams, type checked on the content) and a remove button per document.
 */
final class DocumentsPanel extends VerticalLayout {

    private final MeetingDocuments documents;
    private final Texts texts;
    private final long meetingId;
    private final Div list = new Div();

    DocumentsPanel(MeetingDocuments documents, Texts texts, long meetingId) {
        this.documents = documents;
        this.texts = texts;
        this.meetingId = meetingId;
        setId("conference-documents");
        setPadding(false);
        list.setId("conference-documents-list");
        add(new H4(texts.t("conference.documents.title")), list);
        if (documents.mayManage()) {
            MeetingDocuments.Limits limits = documents.limits();
            Upload upload = new Upload(new BoundedUploadHandler(limits.maxBytes(), documents.check(), received -> {
                try (received) {
                    documents.attach(meetingId, received);
                    texts.show(texts.t("conference.documents.attached", received.fileName()), NotificationVariant.LUMO_SUCCESS);
                } catch (vn.congso.api.upload.UploadRefusedException refused) {
                    texts.show(texts.t(refused.key(), refused.args().toArray()), NotificationVariant.LUMO_ERROR);
                } catch (ConferenceException refused) {
                    texts.show(texts.t(refused.key(), refused.args()), NotificationVariant.LUMO_ERROR);
                }
                refresh();
            }, refused -> texts.show(texts.t(refused.key(), refused.args().toArray()), NotificationVariant.LUMO_ERROR)));
            upload.setId("conference-documents-upload");
            upload.setI18n(UploadTexts.of(texts::t));
            upload.setAcceptedFileTypes(DocumentTypes.EXTENSIONS.stream().map(e -> "." + e).toArray(String[]::new));
            upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
            upload.setMaxFiles(limits.maxCount());
            Paragraph help = new Paragraph(texts.t("conference.documents.help", limits.maxBytes() / (1024 * 1024),
                    limits.maxCount()));
            help.setId("conference-documents-help");
            add(upload, help);
        }
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var all = documents.documents(meetingId);
        if (all.isEmpty()) {
            Span none = new Span(texts.t("conference.documents.none"));
            none.setId("conference-documents-none");
            list.add(none);
        }
        for (MeetingDocuments.Document d : all) {
            HorizontalLayout row = new HorizontalLayout(link(documents, d, "conference-document-" + d.id(), d.fileName()),
                    new Span(texts.t("conference.documents.size", LocaleNumbers.format(MeetingDocuments.kilobytes(d.size()), texts.locale()))));
            row.setId("conference-document-row-" + d.id());
            row.setAlignItems(Alignment.BASELINE);
            if (documents.mayManage()) {
                Button remove = new Button(texts.t("conference.documents.remove"), e -> {
                    documents.remove(d.id());
                    texts.show(texts.t("conference.documents.removed", d.fileName()), NotificationVariant.LUMO_SUCCESS);
                    refresh();
                });
                remove.setId("conference-document-remove-" + d.id());
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                row.add(remove);
            }
            list.add(row);
        }
    }

    /** A download link: the bytes read through the service's access check when clicked, as an attachment. */
    static Anchor link(MeetingDocuments documents, MeetingDocuments.Document d, String id, String text) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            MeetingDocuments.Download download = documents.download(d.id());
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            return new DownloadResponse(new ByteArrayInputStream(download.content()), download.document().fileName(),
                    download.document().mediaType(), download.content().length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        return anchor;
    }
}
