package vn.congso.api.security;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;
import vn.congso.api.CurrentUser;

/**
 * Who is asking when no UI session is: Karaf shell commands, scheduled tasks (an exam's
 * automatic submission), imports run in the background. While {@link #call} runs, the
 * platform's {@link vn.congso.api.CurrentUserService} answers with the given user on that
 * thread, so every permission check and audit entry names the right actor.
 *
 * <p>Code running inside the platform is trusted (OSGi gives every bundle the same power), so
 * {@link #system} is not a privilege boundary; it exists so that in-process actors are named
 * truthfully in the audit log instead of borrowing a person's account.
 */
@ProviderType
public interface RunAs {

    /**
     * Checks a user's password exactly as the sign-in page does: the same lockout, the same
     * audit entries. A locked, disabled or unknown account and a wrong password all give empty.
     *
     * @param username the account name
     * @param password the password; not kept
     * @param address where the attempt comes from, for the audit log (may be empty)
     * @return the user, holding their roles' permissions, or empty when refused
     */
    Optional<CurrentUser> authenticate(String username, char[] password, String address);

    /**
     * A trusted in-process actor that holds every permission, such as {@code console:karaf} for a
     * Karaf shell user or {@code system:notices-sweeper} for a scheduled task.
     *
     * @param name how the actor appears in the audit log; must contain a colon so it can never be
     *        mistaken for an account name
     * @return the actor
     * @throws IllegalArgumentException when the name has no colon
     */
    CurrentUser system(String name);

    /**
     * Runs work as a user on the calling thread, then restores whoever was current before.
     *
     * @param user the user, from {@link #authenticate} or {@link #system}
     * @param work what to run
     * @param <T> the work's result type
     * @return the work's result
     * @throws Exception whatever the work throws
     */
    <T> T call(CurrentUser user, Callable<T> work) throws Exception;
}
