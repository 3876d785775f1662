package vn.congso.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view whose page name depends on what it shows (an article's title, a dossier's code). The
 * shell names the browser tab "{@code <page name> – <district>}" like every other page; a view
 * that implemented Vaadin's {@code HasDynamicTitle} itself would lose the district's name.
 */
@ConsumerType
public interface NamedPage {

    /**
     * @return the page's name as it reads now, already translated; blank for the screen's title
     */
    String pageName();
}
