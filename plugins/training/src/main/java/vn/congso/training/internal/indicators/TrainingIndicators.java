package vn.congso.training.internal.indicators;

import java.time.Clock;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congso.api.data.Database;
import vn.congso.api.indicators.Indicator;
import vn.congso.api.indicators.IndicatorValue;
import vn.congso.api.indicators.Period;
import vn.congso.api.indicators.UnitOfMeasure;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.units.UnitDirectory;
import vn.congso.training.internal.store.Jdbc;

/**
 * What training contributes to the platform's dashboard: civil servants trained and the pass
 * rate (both public), certificates valid and expiring within 30 days (for staff).
 */
public final class TrainingIndicators {

    /** Every id starts with the plugin's name. */
    static final String ID_PREFIX = "training.";
    /** Titles are {@code training.indicator.<name>.title}, descriptions {@code ….description}. */
    static final String KEY_PREFIX = "training.indicator.";

    private TrainingIndicators() {
    }

    /** The common part: the figures and what an indicator says about itself. */
    abstract static class Base implements Indicator {
        private final String id;
        private final UnitOfMeasure unit;
        private final boolean isPublic;
        private final int order;
        final TrainingFigures figures;

        Base(String name, int order, UnitOfMeasure unit, boolean isPublic, Database database,
                UserDirectory directory, UnitDirectory units) {
            this(name, order, unit, isPublic, new TrainingFigures(new Jdbc(database.dataSource()), directory, units,
                    Clock.systemUTC()));
        }

        /** @param name the indicator's name within the plugin; its id and keys are made from it */
        Base(String name, int order, UnitOfMeasure unit, boolean isPublic, TrainingFigures figures) {
            this.id = ID_PREFIX + name;
            this.order = order;
            this.unit = unit;
            this.isPublic = isPublic;
            this.figures = figures;
        }

        @Override
        public final String id() {
            return id;
        }

        @Override
        public final String titleKey() {
            return KEY_PREFIX + id.substring(ID_PREFIX.length()) + ".title";
        }

        @Override
        public final Optional<String> descriptionKey() {
            return Optional.of(KEY_PREFIX + id.substring(ID_PREFIX.length()) + ".description");
        }

        @Override
        public final UnitOfMeasure unitOfMeasure() {
            return unit;
        }

        @Override
        public final int order() {
            return order;
        }

        @Override
        public final boolean isPublic() {
            return isPublic;
        }
    }

    /** Civil servants who completed a course in the period, per unit. Public. */
    @Component(service = Indicator.class)
    public static final class Trained extends Base {
        /**
         * Creates the indicator.
         *
         * @param database the platform database
         * @param directory people and their units
         * @param units the organisational units over time
         */
        @Activate
        public Trained(@Reference Database database, @Reference UserDirectory directory,
                @Reference UnitDirectory units) {
            super("trained", 10, UnitOfMeasure.COUNT, true, database, directory, units);
        }

        /**
         * Creates the indicator over given figures (tests).
         *
         * @param figures the figures
         */
        public Trained(TrainingFigures figures) {
            super("trained", 10, UnitOfMeasure.COUNT, true, figures);
        }

        @Override
        public IndicatorValue compute(Period period, String unitId) {
            return figures.trained(period, unitId);
        }
    }

    /** Passed / sat, per person and exam, in the period. Public. */
    @Component(service = Indicator.class)
    public static final class PassRate extends Base {
        /**
         * Creates the indicator.
         *
         * @param database the platform database
         * @param directory people and their units
         * @param units the organisational units over time
         */
        @Activate
        public PassRate(@Reference Database database, @Reference UserDirectory directory,
                @Reference UnitDirectory units) {
            super("pass-rate", 20, UnitOfMeasure.PERCENT, true, database, directory, units);
        }

        /**
         * Creates the indicator over given figures (tests).
         *
         * @param figures the figures
         */
        public PassRate(TrainingFigures figures) {
            super("pass-rate", 20, UnitOfMeasure.PERCENT, true, figures);
        }

        @Override
        public IndicatorValue compute(Period period, String unitId) {
            return figures.passRate(period, unitId);
        }
    }

    /** Certificates valid at the end of the period. */
    @Component(service = Indicator.class)
    public static final class ValidCertificates extends Base {
        /**
         * Creates the indicator.
         *
         * @param database the platform database
         * @param directory people and their units
         * @param units the organisational units over time
         */
        @Activate
        public ValidCertificates(@Reference Database database, @Reference UserDirectory directory,
                @Reference UnitDirectory units) {
            super("certificates-valid", 30, UnitOfMeasure.COUNT, false, database, directory, units);
        }

        /**
         * Creates the indicator over given figures (tests).
         *
         * @param figures the figures
         */
        public ValidCertificates(TrainingFigures figures) {
            super("certificates-valid", 30, UnitOfMeasure.COUNT, false, figures);
        }

        @Override
        public IndicatorValue compute(Period period, String unitId) {
            return figures.validCertificates(period, unitId);
        }
    }

    /** Valid certificates that expire within 30 days after the end of the period. */
    @Component(service = Indicator.class)
    public static final class ExpiringCertificates extends Base {
        /**
         * Creates the indicator.
         *
         * @param database the platform database
         * @param directory people and their units
         * @param units the organisational units over time
         */
        @Activate
        public ExpiringCertificates(@Reference Database database, @Reference UserDirectory directory,
                @Reference UnitDirectory units) {
            super("certificates-expiring", 40, UnitOfMeasure.COUNT, false, database, directory, units);
        }

        /**
         * Creates the indicator over given figures (tests).
         *
         * @param figures the figures
         */
        public ExpiringCertificates(TrainingFigures figures) {
            super("certificates-expiring", 40, UnitOfMeasure.COUNT, false, figures);
        }

        @Override
        public IndicatorValue compute(Period period, String unitId) {
            return figures.expiringCertificates(period, unitId);
        }
    }
}
