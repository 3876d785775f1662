package vn.congso.publishing.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.congso.api.links.LinkSource;
import vn.congso.api.links.LinkTarget;

/**
 * The online procedures an article can link to, from whichever {@link LinkSource} of kind
 * "procedure" is installed (the services plugin); with none, the editor hides the field and
 * articles show no "Nộp hồ sơ trực tuyến" link. No hard dependency.
 */
final class Procedures {

    private final List<LinkSource> sources = new CopyOnWriteArrayList<>();

    void add(LinkSource source) {
        if (LinkSource.PROCEDURE.equals(source.kind())) {
            sources.add(source);
        }
    }

    void remove(LinkSource source) {
        sources.remove(source);
    }

    boolean available() {
        return !sources.isEmpty();
    }

    /** @return the procedure with this code, from the first source that knows it */
    Optional<LinkTarget> resolve(String code, Locale locale) {
        for (LinkSource s : sources) {
            Optional<LinkTarget> t = s.resolve(code, locale);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    List<LinkTarget> find(String query, Locale locale, int limit) {
        List<LinkTarget> out = new ArrayList<>();
        for (LinkSource s : sources) {
            out.addAll(s.find(query == null ? "" : query, locale, limit));
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    List<LinkTarget> entryPoints(Locale locale) {
        List<LinkTarget> out = new ArrayList<>();
        for (LinkSource s : sources) {
            out.addAll(s.entryPoints(locale));
        }
        return out;
    }
}
