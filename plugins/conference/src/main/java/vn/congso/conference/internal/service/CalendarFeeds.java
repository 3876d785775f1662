package vn.congso.conference.internal.service;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.web.PublicResource;
import vn.congso.api.web.PublicResourceSource;

/**
 * The subscribable calendar feeds at {@code /pub/conference/<token>.ics} (the platform's public
 * resources): no sign-in, the unguessable token is the authorisation; an unknown, malformed or
 * revoked token is a plain 404 that says nothing about why. Calendar clients ask again whenever
 * they like, so nothing is cached by anyone but the subscriber.
 */
@Component(service = PublicResourceSource.class)
public final class CalendarFeeds implements PublicResourceSource {

    /** The first path segment under {@code /pub/}. */
    public static final String NAME = "conference";
    /** The path of a token's feed, below the platform's public base address. */
    public static final String PATH = "/pub/" + NAME + "/";
    private static final String MEDIA_TYPE = "text/calendar;charset=utf-8";

    private final ConferenceService service;

    /**
     * Receives the service.
     *
     * @param service the conference service
     */
    @Activate
    public CalendarFeeds(@Reference ConferenceService service) {
        this.service = service;
    }

    /**
     * The address path of a token's feed.
     *
     * @param token the token
     * @return e.g. {@code /pub/conference/AbC….ics}
     */
    public static String path(String token) {
        return PATH + token + ".ics";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<PublicResource> get(String path, Locale locale) {
        if (!path.endsWith(".ics") || path.contains("/")) {
            return Optional.empty();
        }
        return service.feed(path.substring(0, path.length() - ".ics".length()))
                .map(feed -> new PublicResource(MEDIA_TYPE, feed.getBytes(StandardCharsets.UTF_8), "lich-hop.ics", 0));
    }
}
