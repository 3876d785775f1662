package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The shell says "starting" until the framework reaches its beginning start level: after a
 * restart Karaf's BootFinished is back before the plugins are, and a sign-in then would land on
 * "page not found" for a plugin's screen.
 */
class StartLevelTest {

    @Test
    void readsKarafsBeginningLevel() {
        assertEquals(100, Platform.beginningLevel("100"));
        assertEquals(100, Platform.beginningLevel(" 100 "));
    }

    @Test
    void absentOrUnreadableIsOneAsInOsgi() {
        assertEquals(1, Platform.beginningLevel(null));
        assertEquals(1, Platform.beginningLevel(""));
        assertEquals(1, Platform.beginningLevel("abc"));
    }
}
