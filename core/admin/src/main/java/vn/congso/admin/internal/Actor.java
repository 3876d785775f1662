package vn.congso.admin.internal;

import vn.congso.api.CurrentUser;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;

/**
 * Who asks the plugin service to act: a CongSo user of the current session, or a Karaf console
 * user. Decides the permission check and how the actor is named in the audit log.
 */
interface Actor {

    /**
     * The name kept in install records and audit entries.
     *
     * @return a CongSo username, or {@code console:<karaf user>}
     */
    String id();

    /**
     * Whether this actor holds a permission.
     *
     * @param permission the permission
     * @return {@code true} if permitted
     */
    boolean isPermitted(String permission);

    /**
     * Writes an audit entry for this actor.
     *
     * @param audit the log
     * @param action the action
     * @param target the target
     * @param outcome the outcome
     * @param detail the detail, a key and arguments read in the reader's language
     */
    void audit(AuditLog audit, String action, String target, Outcome outcome, AuditLog.Message detail);

    /**
     * The signed-in CongSo user: the audit log takes the name and address from the session.
     *
     * @param user the current user
     * @return the actor
     */
    static Actor of(CurrentUser user) {
        return new Actor() {
            @Override
            public String id() {
                return user.id();
            }

            @Override
            public boolean isPermitted(String permission) {
                return user.isAuthenticated() && user.isPermitted(permission);
            }

            @Override
            public void audit(AuditLog audit, String action, String target, Outcome outcome,
                    AuditLog.Message detail) {
                audit.record(action, target, outcome, detail);
            }
        };
    }

    /**
     * A Karaf console user. Karaf's JAAS realm has authenticated them and the command ACL
     * ({@code etc/org.apache.karaf.command.acl.congso.cfg}) admits only the {@code admin} role to
     * the {@code congso} scope, so the permission holds; the address is the console's.
     *
     * @param karafUser the Karaf user name
     * @return the actor
     */
    static Actor console(String karafUser) {
        String id = "console:" + (karafUser == null || karafUser.isBlank() ? "karaf" : karafUser);
        return new Actor() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean isPermitted(String permission) {
                return true;
            }

            @Override
            public void audit(AuditLog audit, String action, String target, Outcome outcome,
                    AuditLog.Message detail) {
                audit.record(id, "console", action, target, outcome, detail);
            }
        };
    }
}
