package vn.congso.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only facts about the platform's people and units, for plugins: the learner's name and
 * unit on a certificate, everyone of a commune for an enrolment, a report broken down by unit.
 * Changing accounts stays with the platform's user administration.
 *
 * <p>Only signed-in users and system actors ({@link RunAs#system}) may read it; an anonymous
 * caller gets {@link AccessDeniedException} for {@code account:self}.
 */
@ProviderType
public interface UserDirectory {

    /**
     * An organisational unit: the district office or one of its communes and towns.
     *
     * @param id a stable id such as {@code xa-tai-van}
     * @param name the official Vietnamese name, such as {@code Xã Tài Văn}
     * @param kind {@code district}, {@code commune} or {@code town}
     */
    record Unit(String id, String name, String kind) {
    }

    /**
     * A person with an account.
     *
     * @param username the account name
     * @param fullName the person's name
     * @param email the e-mail address, or empty
     * @param unitId the unit the person works in
     * @param enabled whether the account may sign in
     * @param roles the ids of the person's roles
     */
    record Person(String username, String fullName, String email, String unitId, boolean enabled,
            Set<String> roles) {

        /** Copies the roles so the record is immutable. */
        public Person {
            roles = Set.copyOf(roles);
        }
    }

    /**
     * Every unit, the district first, then the communes and towns in their official order.
     *
     * @return the units
     */
    List<Unit> units();

    /**
     * One person.
     *
     * @param username the account name (any case)
     * @return the person, or empty when there is no such account
     */
    Optional<Person> person(String username);

    /**
     * Everyone, enabled or not, sorted by username.
     *
     * @return the people
     */
    List<Person> people();

    /**
     * The enabled accounts of one unit, sorted by username.
     *
     * @param unitId the unit
     * @return its people
     */
    List<Person> peopleOf(String unitId);
}
