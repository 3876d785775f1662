package vn.congso.api.units;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An organisational unit during its validity: a province or city, a district, a commune or town,
 * or a department. A unit's code never changes meaning: a rename, a merge or a split ends the
 * unit and starts new ones, linked as its successors, so a fact recorded with a code keeps
 * naming the unit it was recorded for.
 *
 * @param code the stable code, such as {@code xa-tai-van}
 * @param name the official Vietnamese name, such as {@code Xã Tài Văn}
 * @param level its level
 * @param parent the code of the unit above it, if any
 * @param validFrom the first day it exists
 * @param validTo the first day it no longer exists (exclusive), empty while it exists
 */
public record OrgUnit(String code, String name, Level level, Optional<String> parent, LocalDate validFrom,
        Optional<LocalDate> validTo) {

    /** Levels of organisational units. */
    public enum Level {
        /** A province or a centrally run city (tỉnh, thành phố trực thuộc trung ương). */
        PROVINCE,
        /** A district (huyện, quận, thị xã); abolished as a level on 2025-07-01. */
        DISTRICT,
        /** A commune, town or ward (xã, thị trấn, phường). */
        COMMUNE,
        /** A department or office inside a unit. */
        DEPARTMENT
    }

    /** Checks the fields. */
    public OrgUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    /**
     * Whether the unit exists on a day.
     *
     * @param day the day
     * @return {@code validFrom <= day < validTo}
     */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && validTo.map(day::isBefore).orElse(true);
    }
}
