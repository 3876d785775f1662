package vn.congso.publishing.internal.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeMarkdownTest {

    private final SafeMarkdown markdown = new SafeMarkdown();

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x]( javascript:alert(1) )",
        "![x](javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p onclick=\"alert(1)\">x</p>",
        "<body onload=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<style>*{background:url(javascript:alert(1))}</style>",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<marquee onstart=alert(1)>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<a href=\"#\" onmouseover=\"alert(1)\">x</a>",
        "<img src=\"x\" onerror=\"&#97;lert(1)\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)</script>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<img srcset=\"javascript:alert(1)\">",
        "<isindex action=javascript:alert(1) type=image>",
        "<frameset onload=alert(1)>",
        "<applet code=\"javascript:alert(1)\"></applet>",
        "<xss onafterscriptexecute=alert(1)><script>1</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<img src=\"http://evil.example/track.gif\" onload=alert(1)>",
        "<template><script>alert(1)</script></template>",
        "<textarea autofocus onfocus=alert(1)>",
        "<select onfocus=alert(1) autofocus>",
    })
    void scriptsHandlersAndDangerousUrlsNeverReachThePage(String payload) {
        String html = markdown.toHtml("Đoạn văn.\n\n" + payload + "\n\nCuối bài.").toLowerCase(Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<object"), html);
        assertFalse(html.contains("<embed"), html);
        assertFalse(html.contains("<svg"), html);
        assertFalse(html.contains("<style"), html);
        assertFalse(html.contains("<form"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("vbscript:"), html);
        assertFalse(html.contains("data:"), html);
        assertFalse(html.matches("(?s).*\\son[a-z]+\\s*=.*"), html);
        assertFalse(html.contains("style="), html);
        assertTrue(html.contains("cuối bài"), html);
    }

    @Test
    void ordinaryMarkdownSurvives() {
        String html = markdown.toHtml("# Hướng dẫn\n\n**Bước 1**: truy cập [Cổng dịch vụ công](https://dichvucong.gov.vn).\n\n"
                + "| Cột | Giá trị |\n|---|---|\n| a | 1 |\n");
        assertTrue(html.contains("<h1>Hướng dẫn</h1>"), html);
        assertTrue(html.contains("<strong>Bước 1</strong>"), html);
        assertTrue(html.contains("href=\"https://dichvucong.gov.vn\""), html);
        assertTrue(html.contains("rel=\"nofollow noopener\""), html);
        assertTrue(html.contains("<table>"), html);
    }

    @Test
    void plainTextDropsTheMarkup() {
        assertTrue(markdown.toText("**Đậm** và <b>thẻ</b>").equals("Đậm và thẻ"));
    }
}
