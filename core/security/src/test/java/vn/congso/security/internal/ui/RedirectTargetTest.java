package vn.congso.security.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetTest {

    /** The routes of a running platform, as the registry would answer for them. */
    private static final Set<String> ROUTES = Set.of("training", "training/attempt/42", "admin/users",
            "account/password", "login", "logout");
    private static final Predicate<String> IS_ROUTE = ROUTES::contains;

    @ParameterizedTest
    @ValueSource(strings = {
        "javascript:alert(document.domain)",
        "JaVaScRiPt:alert(1)",
        "%6Aavascript:alert(1)",
        "java%0Ascript:alert(1)",
        "javascript%3Aalert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "https:evil.example",
        "https://evil.example/training",
        "http:/evil.example",
        "\t//evil.example",
        "\n//evil.example",
        "/%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "training/../../evil",
        "./training",
        "training/./attempt/42",
        "training#javascript:alert(1)",
        "training?next=//evil.example",
        "training?x=javascript:alert(1)",
        "training?x=a b",
        "training/",
        "training//attempt",
        "evil.example",
        "not-a-route",
        "login",
        "logout",
        "/login?redirect=javascript:alert(1)",
        "trainin\u0261",
        "training\u0000",
        "training\r\nSet-Cookie:x=1",
    })
    void hostileValuesGoHome(String value) {
        assertEquals("", RedirectTarget.sanitize(value, IS_ROUTE), value);
    }

    @Test
    void nothingOrAHugeValueGoesHome() {
        assertEquals("", RedirectTarget.sanitize(null, IS_ROUTE));
        assertEquals("", RedirectTarget.sanitize("", IS_ROUTE));
        assertEquals("", RedirectTarget.sanitize("/", IS_ROUTE));
        assertEquals("", RedirectTarget.sanitize("training?q=" + "a".repeat(10 * 1024), IS_ROUTE));
        assertEquals("", RedirectTarget.sanitize("a/".repeat(5 * 1024), s -> true));
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("training", "training"),
                Arguments.of("/training", "training"),
                Arguments.of("training/attempt/42", "training/attempt/42"),
                Arguments.of("admin/users?page=2&q=nguy%E1%BB%85n",
                        "admin/users?page=2&q=nguy%E1%BB%85n"),
                Arguments.of("/account/password", "account/password"));
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void aRegisteredRouteComesBackRelative(String value, String expected) {
        assertEquals(expected, RedirectTarget.sanitize(value, IS_ROUTE));
    }
}
