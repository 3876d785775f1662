package vn.congso.services.internal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** Download links: always as an attachment (never shown inline), the bytes read when clicked, through the service's checks. */
final class Downloads {

    private Downloads() {
    }

    static Anchor link(String id, String text, String fileName, String mediaType, Supplier<byte[]> content) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mediaType, bytes.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        return anchor;
    }
}
