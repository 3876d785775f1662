package vn.congso.conference.internal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import vn.congso.api.TranslationService;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.text.Formats;
import vn.congso.api.text.LocaleNumbers;
import vn.congso.conference.internal.service.ConferenceException;
import vn.congso.conference.internal.service.MeetingDocuments;

/**
 * One document's page, the link the invitation e-mails carry ({@code conference/document/<id>}):
 * a visitor who is not signed in is sent to the sign-in page and back; someone who may see the
 * meeting (a coordinator, a technical contact of one of its points) gets the download (as an
 * attachment), anyone else a refusal that says nothing about the document.
 */
public final class DocumentView extends VerticalLayout implements HasUrlParameter<Long> {

    private final MeetingDocuments documents;
    private final Texts texts;

    /**
     * Creates the view.
     *
     * @param documents the meeting documents
     * @param translations texts
     */
    public DocumentView(MeetingDocuments documents, TranslationService translations) {
        this.documents = documents;
        this.texts = new Texts(translations);
        setId("conference-document-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long documentId) {
        removeAll();
        if (!documents.signedIn()) {
            event.forwardTo("login", new QueryParameters(Map.of("redirect",
                    List.of(event.getLocation().getPathWithQueryParameters()))));
            return;
        }
        add(new H2(texts.t("conference.document.title")));
        try {
            MeetingDocuments.Document d = documents.document(documentId == null ? 0 : documentId);
            Paragraph meeting = new Paragraph(texts.t("conference.document.meeting", d.meetingTitle()));
            meeting.setId("conference-document-meeting");
            Paragraph about = new Paragraph(texts.t("conference.document.about", d.fileName(),
                    texts.t("conference.documents.size", LocaleNumbers.format(MeetingDocuments.kilobytes(d.size()),
                            texts.locale())), Formats.dateTime(d.uploadedAt(), texts.locale())));
            about.setId("conference-document-about");
            add(meeting, about, DocumentsPanel.link(documents, d, "conference-document-download",
                    texts.t("conference.document.download", d.fileName())));
        } catch (AccessDeniedException | ConferenceException e) {
            Paragraph refused = new Paragraph(texts.t("conference.document.unavailable"));
            refused.setId("conference-document-unavailable");
            add(refused);
        }
    }
}
