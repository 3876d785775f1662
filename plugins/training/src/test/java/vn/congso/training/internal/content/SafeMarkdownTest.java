package vn.congso.training.internal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congso.training.internal.question.TextFormat;

class SafeMarkdownTest {

    private final SafeMarkdown markdown = new SafeMarkdown();

    @Test
    void rendersHeadingsEmphasisListsAndTables() {
        String html = markdown.toHtml("""
                # Bài 1: Máy tính

                Máy tính gồm **phần cứng** và *phần mềm*.

                - Bàn phím
                - Chuột

                | Phím | Tác dụng |
                |------|----------|
                | Ctrl+C | Sao chép |
                """);
        assertTrue(html.contains("<h1>Bài 1: Máy tính</h1>"), html);
        assertTrue(html.contains("<strong>phần cứng</strong>"), html);
        assertTrue(html.contains("<li>Bàn phím</li>"), html);
        assertTrue(html.contains("<td>Ctrl+C</td>"), html);
        assertTrue(html.contains("<th>Phím</th>"), html);
    }

    @Test
    void linksGetNofollowNoopenerAndRelativeLinksSurvive() {
        assertEquals("<p><a href=\"https://dichvucong.gov.vn\" rel=\"nofollow noopener\">Cổng DVC</a></p>",
                markdown.toHtml("[Cổng DVC](https://dichvucong.gov.vn)").strip());
        assertTrue(markdown.toHtml("![Hình](files/hinh-1.png)").contains("src=\"files/hinh-1.png\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[bấm](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">bấm</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<p style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</p>",
        "![x](javascript:alert(1))",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>"
    })
    void noScriptSurvives(String hostile) {
        String html = markdown.toHtml("Bài học\n\n" + hostile).toLowerCase(Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("onload"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<object"), html);
        assertFalse(html.contains("style="), html);
        assertTrue(html.contains("bài học"), html);
    }

    @Test
    void htmlQuestionTextIsSanitisedToo() {
        assertEquals("<b>Đậm</b>", markdown.sanitise("<b onmouseover=\"x()\">Đậm</b><script>x()</script>"));
        assertEquals("", markdown.toHtml(null));
    }

    @Test
    void eachTextFormatRendersSafely() {
        assertEquals("<p><strong>Đậm</strong></p>", markdown.render("**Đậm**", TextFormat.MARKDOWN).strip());
        assertEquals("<b>Đậm</b>", markdown.render("<b>Đậm</b><script>x()</script>", TextFormat.HTML));
        assertEquals("Dòng 1<br>\n<i>Dòng 2</i>", markdown.render("Dòng 1\n<i>Dòng 2</i>", TextFormat.MOODLE));
        assertEquals("a &lt; b &amp;&amp; <br>\n&lt;script&gt;",
                markdown.render("a < b && \n<script>", TextFormat.PLAIN));
    }
}
