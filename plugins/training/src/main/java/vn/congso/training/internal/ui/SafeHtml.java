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

    /** How content reads: our own rules, never the content's (sanitising removes every style). */
    private static final String CSS = ".training-content table{border-collapse:collapse;margin:var(--lumo-space-m) 0;"
            + "display:block;overflow-x:auto;max-width:100%}"
            + ".training-content th,.training-content td{border:1px solid var(--lumo-contrast-20pct);"
            + "padding:var(--lumo-space-xs) var(--lumo-space-s);text-align:left;vertical-align:top}"
            + ".training-content th{background:var(--lumo-contrast-5pct)}"
            + ".training-content img{max-width:100%;height:auto}"
            + ".training-content blockquote{border-left:4px solid var(--lumo-primary-color-50pct);margin:0;"
            + "padding:var(--lumo-space-xs) var(--lumo-space-m);background:var(--lumo-primary-color-10pct)}"
            + ".training-content code{background:var(--lumo-contrast-5pct);padding:0 .2em;border-radius:3px}"
            + ".training-content pre{background:var(--lumo-contrast-5pct);padding:var(--lumo-space-s);overflow-x:auto}"
            + ".training-content p:first-child{margin-top:0}";

    SafeHtml() {
        addClassName("training-content");
        getStyle().set("overflow-wrap", "anywhere").set("max-width", "100%");
        addAttachListener(e -> e.getUI().getPage().executeJs(
                "if (!document.getElementById('training-content-style')) {"
                        + "const s = document.createElement('style'); s.id = 'training-content-style';"
                        + "s.textContent = $0; document.head.appendChild(s); }", CSS));
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
