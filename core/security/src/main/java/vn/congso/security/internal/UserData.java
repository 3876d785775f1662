package vn.congso.security.internal;

import java.util.Set;

/**
 * The editable facts of a user account.
 *
 * @param username unique, lowercase
 * @param fullName the person's name
 * @param email e-mail address, may be empty
 * @param phone phone number, may be empty
 * @param unit the organisational unit id (the district office or a commune/town)
 * @param enabled whether the account may sign in
 * @param roles role ids
 */
public record UserData(String username, String fullName, String email, String phone, String unit, boolean enabled,
        Set<String> roles) {

    /** Copies the sets so the record is immutable. */
    public UserData {
        roles = Set.copyOf(roles);
    }
}
