package vn.congso.publishing.internal.article;

import java.util.Locale;

/**
 * A category of the portal.
 *
 * @param id its id, which is also its URL segment
 * @param nameVi the Vietnamese name
 * @param nameEn the English name
 * @param order position in menus
 */
public record Category(String id, String nameVi, String nameEn, int order) {

    /**
     * @param locale the page's language
     * @return the name in that language
     */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }
}
