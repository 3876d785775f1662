package vn.congso.data.internal.shell;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;

/** Names the Karaf console user for the audit log, as {@code console:<user>}. */
final class ConsoleActor {

    private ConsoleActor() {
    }

    /**
     * The user Karaf's JAAS login put on the command's thread (its {@code UserPrincipal}), or
     * {@code console:local} for the local console started without a login.
     *
     * @return the actor's name
     */
    @SuppressWarnings("removal") // Subject.getSubject: Karaf 4.4 still binds the shell user this way
    static String current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals("UserPrincipal")) {
                    return "console:" + principal.getName();
                }
            }
        }
        return "console:local";
    }
}
