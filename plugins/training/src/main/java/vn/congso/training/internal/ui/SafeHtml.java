package vn.congso.training.internal.ui;

import com.vaadin.flow.component.html.Div;
import vn.congso.training.internal.content.SafeMarkdown;
import vn.congso.training.internal.question.TextFormat;

/**
 * Lesson or question content. The only place where the training screens put HTML on the page,
 * and only HTML that went through {@link SafeMarkdown}: scripts, event handlers, styles and
 * {@code javascript:} links never get here.
 */
final class SafeHtml extends Div {

    private static final long serialVersionUID = 1L;
    /** Thread-safe and costly to build: one for every screen. */
    static final SafeMarkdown MARKDOWN = new SafeMarkdown();

    /** How content reads comes from the plugin's styles.css ({@code .training-content}), never from the content. */
    SafeHtml() {
        addClassName("training-content");
    }

    /** Shows Markdown. */
    SafeHtml markdown(String markdown) {
        return show(MARKDOWN.toHtml(markdown));
    }

    /** Shows a text in the format it was written in. */
    SafeHtml text(String text, TextFormat format) {
        return show(MARKDOWN.render(text, format));
    }

    private SafeHtml show(String sanitised) {
        getElement().setProperty("innerHTML", sanitised);
        return this;
    }

    /** A question's option or answer text, inline: Markdown's paragraph is dropped. */
    static String inline(String text, TextFormat format) {
        String html = MARKDOWN.render(text, format).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }
}
