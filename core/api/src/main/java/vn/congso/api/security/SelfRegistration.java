package vn.congso.api.security;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts that people create for themselves (a citizen signing up for online public services),
 * holding only a role that the calling plugin declared and opened to self-registration.
 *
 * <p>The platform registers this service per bundle: each plugin's instance knows which bundle it
 * serves. A plugin opens a role it declared through {@link AccountProvisioning#declareRoles}; the
 * first bundle to open a role owns it, so a plugin cannot hand out another plugin's role, and a role
 * that carries a core or wildcard permission (an administrator's) is never opened nor granted this
 * way, not even after an administrator's later edit of it. The account gets a hashed password like
 * every other, no one-time password, and the creation is audited. Verifying that the person owns
 * the e-mail address or phone (a one-time code) is the plugin's part, before {@link #register}.
 *
 * <pre>{@code
 * registration.openRole("citizen", "services/register", "services.register.link");
 * List<Problem> problems = registration.check("citizen", applicant, password);
 * // ... the plugin verifies a one-time code sent to applicant.email() ...
 * String username = registration.register("citizen", applicant, password);
 * }</pre>
 */
@ProviderType
public interface SelfRegistration {

    /**
     * The person who registers.
     *
     * @param username the account name wanted ({@code [a-z0-9][a-z0-9._-]{2,63}}, lower case)
     * @param fullName the person's name (1 to 200 characters)
     * @param email the e-mail address (required, unique among accounts)
     * @param phone the phone number (required, unique among accounts)
     * @param unitId the organisational unit the account belongs to, see {@link UserDirectory#units()}
     */
    record Applicant(String username, String fullName, String email, String phone, String unitId) {

        /** Checks the fields are present. */
        public Applicant {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(unitId, "unitId");
        }
    }

    /**
     * One thing wrong with an application.
     *
     * @param field {@code username}, {@code fullName}, {@code email}, {@code phone}, {@code unit} or
     *        {@code password}
     * @param key translation key of the message (core's, translated by the platform's
     *        translation service in the page's language); a taken e-mail or phone is named as
     *        taken, never whose it is
     */
    record Problem(String field, String key) {

        /** Checks the fields are present. */
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(key, "key");
        }
    }

    /** An application that cannot become an account; nothing was saved. */
    final class RefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        /**
         * @param problems what is wrong, at least one
         */
        public RefusedException(List<Problem> problems) {
            super("Self-registration refused: " + problems);
            this.problems = List.copyOf(problems);
        }

        /** @return what is wrong, field by field */
        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * Opens a role to self-registration, and asks the sign-in page to show a link to the plugin's
     * registration screen while that screen is registered. Idempotent; call it at every start,
     * after declaring the role.
     *
     * @param roleId a role the calling plugin declared
     * @param route the route of the plugin's registration screen, such as {@code services/register}
     * @param linkKey translation key of the link's text on the sign-in page
     * @throws IllegalArgumentException when the role does not exist, is core's, was not declared by
     *         a plugin, carries a core or wildcard permission, or another bundle opened it; or the
     *         route or key is malformed
     * @throws IllegalStateException when the database cannot be written
     */
    void openRole(String roleId, String route, String linkKey);

    /**
     * Checks an application without creating anything, so that a plugin can refuse it before
     * sending a one-time code.
     *
     * @param roleId a role the calling plugin opened
     * @param applicant the person
     * @param password the password chosen (the platform's password policy applies)
     * @return what is wrong, empty when the application would be accepted now
     * @throws IllegalArgumentException when the calling plugin has not opened the role
     */
    List<Problem> check(String roleId, Applicant applicant, char[] password);

    /**
     * Creates the account, enabled, holding only the role; checks everything again in the same
     * transaction as the creation.
     *
     * @param roleId a role the calling plugin opened
     * @param applicant the person, whose address or phone the plugin has verified
     * @param password the password chosen
     * @return the account's username (lower case)
     * @throws RefusedException when the application is wrong or a value is taken by now
     * @throws IllegalArgumentException when the calling plugin has not opened the role
     * @throws IllegalStateException when the role now carries a core or wildcard permission, or
     *         the database cannot be written
     */
    String register(String roleId, Applicant applicant, char[] password);
}
