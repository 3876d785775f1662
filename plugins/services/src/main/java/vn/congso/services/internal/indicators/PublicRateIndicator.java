package vn.congso.services.internal.indicators;

import java.util.Optional;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.UnitOfMeasure;

/**
 * The services plugin's public percentage indicators: id {@code services.<name>}, title and
 * description {@code services.indicator.<name>[.description]}, shown on the public indicators page
 * in the given order; each computes its own numerator / denominator.
 */
abstract class PublicRateIndicator implements Indicator {

    private final String name;
    private final int order;

    PublicRateIndicator(String name, int order) {
        this.name = name;
        this.order = order;
    }

    @Override
    public final String id() {
        return "services." + name;
    }

    @Override
    public final String titleKey() {
        return "services.indicator." + name;
    }

    @Override
    public final Optional<String> descriptionKey() {
        return Optional.of("services.indicator." + name + ".description");
    }

    @Override
    public final UnitOfMeasure unitOfMeasure() {
        return UnitOfMeasure.PERCENT;
    }

    @Override
    public final boolean isPublic() {
        return true;
    }

    @Override
    public final int order() {
        return order;
    }
}
