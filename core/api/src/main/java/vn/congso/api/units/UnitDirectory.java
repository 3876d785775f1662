package vn.congso.api.units;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Organisational units as they were and as they are. Reports group recorded facts either by the
 * unit they were recorded for ({@link #unit(String)}, "as it was") or by that unit's successors
 * today ({@link #successors(String, LocalDate)}, "as it is now"): after a merge, facts of the
 * merged communes count for the new commune; after a split, for every part.
 *
 * <p>Reading needs no permission: unit names are public facts. Dates are days in Vietnam
 * ({@code Asia/Ho_Chi_Minh}).
 */
@ProviderType
public interface UnitDirectory {

    /**
     * The units that exist on a day, in display order (higher levels first).
     *
     * @param day the day
     * @return the units valid on that day
     */
    List<OrgUnit> validOn(LocalDate day);

    /**
     * A unit by its code, whether it still exists or not.
     *
     * @param code the code
     * @return the unit, empty when no unit ever had the code
     */
    Optional<OrgUnit> unit(String code);

    /**
     * What a unit became: itself while it is valid on the day, otherwise the units that
     * succeeded it (through every reorganisation up to that day) and are valid on it.
     *
     * @param code the code of the unit as recorded
     * @param day the day to resolve to, usually today
     * @return the unit or its successors valid on the day; empty when it was abolished without
     *         a successor or never existed
     */
    List<OrgUnit> successors(String code, LocalDate day);

    /**
     * The unit a person's account belonged to on a day, from the account's unit history.
     *
     * @param username the account name
     * @param day the day
     * @return the unit the account had that day, empty before the account existed
     */
    Optional<OrgUnit> unitOf(String username, LocalDate day);
}
