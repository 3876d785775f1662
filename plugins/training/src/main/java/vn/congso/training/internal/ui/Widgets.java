package vn.congso.training.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** Small building blocks the training screens share: badges, cards, facts and downloads. */
final class Widgets {

    private Widgets() {
    }

    /** A Lumo badge: {@code success}, {@code error}, {@code contrast} or empty for the primary colour. */
    static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (variant != null && !variant.isEmpty()) {
            badge.getElement().getThemeList().add(variant);
        }
        return badge;
    }

    /** A bordered card. */
    static Div card(Component... content) {
        Div card = new Div(content);
        card.addClassName("training-card");
        return card;
    }

    /** A responsive grid of cards. */
    static Div cardGrid() {
        Div grid = new Div();
        grid.addClassName("training-card-grid");
        return grid;
    }

    /** A fact with an icon: "⏱ 45 phút". */
    static Span fact(VaadinIcon icon, String text) {
        Icon glyph = icon.create();
        glyph.setSize("var(--lumo-icon-size-s)");
        glyph.getElement().setAttribute("aria-hidden", "true");
        Span fact = new Span(glyph, new Span(text));
        fact.addClassName("training-fact");
        return fact;
    }

    /** Muted explanatory text. */
    static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("training-muted");
        return span;
    }

    /** The message of an empty {@link #cardGrid()}: muted, across the whole row instead of one card's width. */
    static Span emptyCards(String text) {
        Span span = muted(text);
        span.addClassName("training-span-all");
        return span;
    }

    /**
     * A link that downloads bytes made when it is clicked, so a PDF is rendered only when wanted
     * and with the permissions of whoever clicks.
     */
    static Anchor download(String id, String text, String fileName, String mediaType, Supplier<byte[]> content) {
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, mediaType, bytes.length);
        });
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(id);
        Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.setSize("var(--lumo-icon-size-s)");
        icon.addClassName("training-icon-before");
        anchor.addComponentAsFirst(icon);
        return anchor;
    }

    /** A file name without characters file systems refuse. */
    static String fileName(String base, String extension) {
        String clean = base.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (clean.isEmpty()) {
            clean = "file";
        }
        return (clean.length() > 80 ? clean.substring(0, 80) : clean) + "." + extension;
    }
}
