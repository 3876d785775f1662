package vn.congso.conference.internal.ui;

import vn.congso.api.TranslationService;
import vn.congso.conference.internal.service.ConferenceService;

/** A point's readiness checklist (route {@value ConferenceScreens#CHECKLIST}). */
public final class ChecklistView extends ReadinessView {

    /**
     * Creates the checklist.
     *
     * @param service the conference service
     * @param translations texts
     */
    public ChecklistView(ConferenceService service, TranslationService translations) {
        super(service, translations, false);
    }
}
