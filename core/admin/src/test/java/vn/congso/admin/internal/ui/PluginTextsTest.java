package vn.congso.admin.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginTextsTest {

    private static final Map<String, String> VI = Map.of("plugins.version.snapshot", "{0} (bản thử nghiệm)");

    private static String t(String key, Object[] args) {
        return MessageFormat.format(VI.get(key), args);
    }

    @Test
    void aSnapshotVersionReadsAsATrialVersion() {
        assertEquals("0.1.0 (bản thử nghiệm)", PluginTexts.version("0.1.0.SNAPSHOT", PluginTextsTest::t));
        assertEquals("2.3.1", PluginTexts.version("2.3.1", PluginTextsTest::t));
        assertEquals("1.0.0 (rc1)", PluginTexts.version("1.0.0.rc1", PluginTextsTest::t));
        assertEquals("not a version", PluginTexts.version("not a version", PluginTextsTest::t));
    }

    @Test
    void aMavenStyleNameIsCutToItsLastPart() {
        assertEquals("Training", PluginTexts.readable("CongSo :: Plugins :: Training"));
        assertEquals("Đào tạo", PluginTexts.readable("Đào tạo"));
    }
}
