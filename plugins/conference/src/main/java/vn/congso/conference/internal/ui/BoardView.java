package vn.congso.conference.internal.ui;

import vn.congso.api.TranslationService;
import vn.congso.conference.internal.service.ConferenceService;

/** The hub's readiness board (route {@value ConferenceScreens#READINESS}). */
public final class BoardView extends ReadinessView {

    /**
     * Creates the board.
     *
     * @param service the conference service
     * @param translations texts
     */
    public BoardView(ConferenceService service, TranslationService translations) {
        super(service, translations, true);
    }
}
