package vn.congso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TranslationCatalogTest {

    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void textsOfEveryBundleAreMergedAndFollowTheRequestedLanguage() {
        TranslationCatalog catalog = new TranslationCatalog();
        catalog.put(10, Map.of("vi", Map.of("congso.nav.home", "Trang chủ"), "en", Map.of("congso.nav.home", "Home")));
        catalog.put(42, Map.of("vi", Map.of("training.title", "Đào tạo"), "en", Map.of("training.title", "Training")));

        assertEquals("Trang chủ", catalog.translate("congso.nav.home", VI));
        assertEquals("Home", catalog.translate("congso.nav.home", Locale.ENGLISH));
        assertEquals("Đào tạo", catalog.translate("training.title", VI));
        assertEquals("Training", catalog.translate("training.title", Locale.forLanguageTag("en-GB")));
    }

    @Test
    void aMissingEnglishTextFallsBackToVietnameseAndAMissingKeyIsVisible() {
        TranslationCatalog catalog = new TranslationCatalog();
        catalog.put(1, Map.of("vi", Map.of("only.vi", "Chỉ tiếng Việt")));

        assertEquals("Chỉ tiếng Việt", catalog.translate("only.vi", Locale.ENGLISH));
        assertEquals("!no.such.key!", catalog.translate("no.such.key", Locale.ENGLISH));
    }

    @Test
    void removingABundleRemovesItsTextsButKeepsOthers() {
        TranslationCatalog catalog = new TranslationCatalog();
        catalog.put(1, Map.of("vi", Map.of("core.key", "Lõi")));
        catalog.put(2, Map.of("vi", Map.of("plugin.key", "Tiện ích")));

        catalog.remove(2);

        assertFalse(catalog.has("plugin.key", "vi"));
        assertEquals("!plugin.key!", catalog.translate("plugin.key", VI));
        assertEquals("Lõi", catalog.translate("core.key", VI));
    }

    @Test
    void theEarliestBundleKeepsAContestedKeyWhateverTheOrderOfArrival() {
        TranslationCatalog catalog = new TranslationCatalog();
        catalog.put(50, Map.of("vi", Map.of("congso.nav.home", "Bị ghi đè")));
        catalog.put(5, Map.of("vi", Map.of("congso.nav.home", "Trang chủ")));

        assertEquals("Trang chủ", catalog.translate("congso.nav.home", VI));

        catalog.remove(5);
        assertEquals("Bị ghi đè", catalog.translate("congso.nav.home", VI),
                "once the owner leaves, the remaining definition is used");
    }

    @Test
    void placeholdersAreFilled() {
        TranslationCatalog catalog = new TranslationCatalog();
        catalog.put(1, Map.of("en", Map.of("notice", "The service \"{0}\" is being updated.")));

        assertEquals("The service \"Test\" is being updated.", catalog.translate("notice", Locale.ENGLISH, "Test"));
    }

    @Test
    void fileNamesTellTheLanguage() {
        assertEquals("vi", TranslationCatalog.languageOf("congso.properties"));
        assertEquals("en", TranslationCatalog.languageOf("congso_en.properties"));
        assertEquals("vi", TranslationCatalog.languageOf("congso_vi.properties"));
        assertEquals("en", TranslationCatalog.languageOf("congso_en_US.properties"));
        assertTrue(TranslationCatalog.languageOf("bundle_xx1.properties").equals("vi"),
                "an unknown suffix is treated as the default language");
    }
}
