package vn.congso.training.internal.service;

import vn.congso.api.security.UserDirectory;
import vn.congso.training.internal.store.Jdbc;

/**
 * The organisational unit a fact is recorded for: the unit the person belongs to when it
 * happens. Kept with enrolments, attempts and certificates so that a later transfer or
 * reorganisation does not move what already happened.
 */
final class UnitAtTime {

    private UnitAtTime() {
    }

    /**
     * @param directory people and their units
     * @param username the person
     * @return the person's unit id now, as a statement parameter ({@link Jdbc.Null#VARCHAR} when
     *         the person has none or is unknown)
     */
    static Object of(UserDirectory directory, String username) {
        return directory.person(username).map(UserDirectory.Person::unitId).filter(u -> !u.isEmpty())
                .<Object>map(u -> u).orElse(Jdbc.Null.VARCHAR);
    }
}
