package vn.congso.services.internal.catalogue;

import java.util.Objects;

/**
 * One administrative procedure of the catalogue.
 *
 * @param code the national procedure code, such as {@code 1.001193}
 * @param name its official name
 * @param field its field, a key such as {@code ho-tich}
 * @param level the level that settles it
 * @param interLevel whether it is received at the commune and settled by the district (liên thông)
 * @param legalBasis the legal documents it rests on
 * @param components the dossier's components, one per line
 * @param fees fees and charges, as published
 * @param feeVnd the fee a payment collects, in whole đồng (0: nothing to pay through the system)
 * @param processingDays processing time, in working days
 * @param result what the citizen receives
 * @param onlineLevel the legacy online level, 2, 3 or 4
 * @param onlineClass Decree 42's class
 * @param howTo how to carry it out, one step per line
 * @param order position in the catalogue
 */
public record Procedure(String code, String name, String field, Level level, boolean interLevel, String legalBasis,
        String components, String fees, long feeVnd, int processingDays, String result, int onlineLevel, OnlineClass onlineClass,
        String howTo, int order) {

    /** Checks the fields. */
    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(onlineClass, "onlineClass");
        if (onlineLevel < 2 || onlineLevel > 4) {
            throw new IllegalArgumentException("online level must be 2, 3 or 4: " + onlineLevel);
        }
        if (feeVnd < 0 || feeVnd > Fees.MAX) {
            throw new IllegalArgumentException("fee out of range: " + feeVnd);
        }
        if (processingDays < 0) {
            throw new IllegalArgumentException("negative processing time: " + processingDays);
        }
    }

    /** The level that settles a procedure. */
    public enum Level {
        /** The commune or town People's Committee. */
        COMMUNE,
        /** The district People's Committee. */
        DISTRICT;

        /** @return the stored value */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** @param code a stored value @return the level */
        public static Level of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Decree 42/2022's classes of online public services. */
    public enum OnlineClass {
        /** Toàn trình: every step online. */
        FULL,
        /** Một phần: some step needs a visit. */
        PARTIAL;

        /** @return the stored value */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** @param code a stored value @return the class */
        public static OnlineClass of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** @return whether a citizen may submit it online (level 3 or 4) */
    public boolean online() {
        return onlineLevel >= 3;
    }
}
