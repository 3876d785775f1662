package vn.congso.services.internal.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.links.LinkSource;
import vn.congso.api.links.LinkTarget;

/**
 * The procedures as link targets of kind {@value LinkSource#PROCEDURE}: every procedure of the
 * catalogue is public, its page at {@code services/procedure/<code>}.
 */
@Component
public final class ProcedureLinks implements LinkSource {

    /** The route of a procedure's page, followed by its code. */
    public static final String ROUTE = "services/procedure";

    private final ProcedureCatalogue catalogue;

    /**
     * @param catalogue the catalogue
     */
    @Activate
    public ProcedureLinks(@Reference ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String kind() {
        return PROCEDURE;
    }

    @Override
    public Optional<LinkTarget> resolve(String key, Locale locale) {
        return catalogue.get(key).map(ProcedureLinks::target);
    }

    @Override
    public List<LinkTarget> find(String query, Locale locale, int limit) {
        return catalogue.find(ProcedureCatalogue.Filter.words(query == null ? "" : query), Math.max(1, Math.min(limit, 100)))
                .stream().map(ProcedureLinks::target).toList();
    }

    @Override
    public List<LinkTarget> entryPoints(Locale locale) {
        // The catalogue's first procedures are the most used ones (civil status, certification).
        return catalogue.find(ProcedureCatalogue.Filter.ALL, 5).stream().map(ProcedureLinks::target).toList();
    }

    static LinkTarget target(Procedure p) {
        return new LinkTarget(PROCEDURE, p.code(), p.name(), ROUTE + "/" + p.code());
    }
}
