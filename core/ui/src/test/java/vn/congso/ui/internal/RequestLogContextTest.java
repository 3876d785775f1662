package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import vn.congso.api.CurrentUser;

class RequestLogContextTest {

    /**
     * slf4j-simple's MDC does nothing; Karaf's pax-logging keeps it. Give the test a real one, as
     * slf4j's own tests do.
     */
    @BeforeAll
    static void realMdc() throws ReflectiveOperationException {
        if (!(MDC.getMDCAdapter() instanceof BasicMDCAdapter)) {
            Field adapter = MDC.class.getDeclaredField("mdcAdapter");
            adapter.setAccessible(true);
            adapter.set(null, new BasicMDCAdapter());
        }
    }

    @AfterEach
    void clean() {
        MDC.clear();
    }

    private static CurrentUser signedIn(String name) {
        return new CurrentUser() {
            @Override
            public String id() {
                return name;
            }

            @Override
            public String displayName() {
                return name;
            }

            @Override
            public boolean isAuthenticated() {
                return true;
            }

            @Override
            public boolean isPermitted(String permission) {
                return false;
            }

            @Override
            public Locale locale() {
                return Locale.ROOT;
            }
        };
    }

    @Test
    void namesTheSignedInUserOrAnonymous() {
        assertEquals("hoa.nguyen", RequestLogContext.userName(signedIn("hoa.nguyen")));
        assertEquals("anonymous", RequestLogContext.userName(CurrentUser.anonymous(Locale.ROOT)));
        assertEquals("anonymous", RequestLogContext.userName(null));
    }

    @Test
    void routesGetALeadingSlashAndCannotForgeLogLines() {
        assertEquals("/training/exam/42", RequestLogContext.route("training/exam/42"));
        assertEquals("/login", RequestLogContext.route("/login"));
        assertEquals("/", RequestLogContext.route(""));
        assertEquals("/", RequestLogContext.route(null));
        assertEquals("/x?INFO???forged", RequestLogContext.route("x\nINFO | forged"));
        assertEquals("/h?c", RequestLogContext.route("hộc"));
        assertEquals(81, RequestLogContext.route("a".repeat(500)).length());
        assertEquals("mallory?admin", RequestLogContext.userName(signedIn("mallory\radmin")));
    }

    @Test
    void anAccessTaskLogsUnderItsUserAndLeavesTheThreadAsItFoundIt() {
        Map<String, String> before = RequestLogContext.bindForAccess(signedIn("lan"));
        assertEquals("lan", MDC.get(RequestLogContext.USER));
        assertEquals("-", MDC.get(RequestLogContext.ROUTE));
        RequestLogContext.restore(before);
        assertNull(MDC.get(RequestLogContext.USER));

        RequestLogContext.navigated("training");
        MDC.put(RequestLogContext.USER, "anonymous");
        Map<String, String> inRequest = RequestLogContext.bindForAccess(signedIn("lan"));
        assertEquals("/training", MDC.get(RequestLogContext.ROUTE), "a task run in a request keeps its route");
        RequestLogContext.restore(inRequest);
        assertEquals("anonymous", MDC.get(RequestLogContext.USER));
    }

    @Test
    void clearRemovesBoth() {
        MDC.put(RequestLogContext.USER, "lan");
        RequestLogContext.navigated("/home");
        RequestLogContext.clear();
        assertNull(MDC.get(RequestLogContext.USER));
        assertNull(MDC.get(RequestLogContext.ROUTE));
    }
}
