package vn.congso.training.internal.service;

import java.util.Arrays;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.security.AccessDeniedException;

/**
 * Permission checks and audit entries, the same way in every training service: reads are checked,
 * changes are checked and audited (refusals as {@code DENIED}).
 */
final class Guard {

    private final CurrentUserService users;
    private final AuditLog audit;

    Guard(CurrentUserService users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    /** @return the caller */
    CurrentUser user() {
        return users.current();
    }

    /** @return whether the caller holds any of the permissions */
    boolean has(String... anyOf) {
        CurrentUser user = users.current();
        return Arrays.stream(anyOf).anyMatch(user::isPermitted);
    }

    /**
     * Checks a read.
     *
     * @param anyOf permissions any of which suffices
     * @return the caller
     * @throws AccessDeniedException naming the first permission
     */
    CurrentUser read(String... anyOf) {
        CurrentUser user = users.current();
        if (Arrays.stream(anyOf).noneMatch(user::isPermitted)) {
            throw new AccessDeniedException(anyOf[0]);
        }
        return user;
    }

    /**
     * Checks a change, auditing a refusal.
     *
     * @param action the audit action, such as {@code training.course.create}
     * @param target what it is about
     * @param anyOf permissions any of which suffices
     * @return the caller
     * @throws AccessDeniedException naming the first permission
     */
    CurrentUser change(String action, Object target, String... anyOf) {
        CurrentUser user = users.current();
        if (Arrays.stream(anyOf).noneMatch(user::isPermitted)) {
            audit.record(action, String.valueOf(target), AuditLog.Outcome.DENIED,
                    AuditLog.Message.of("audit.detail.missing-permission", anyOf[0]));
            throw new AccessDeniedException(anyOf[0]);
        }
        return user;
    }

    /** Records a change that took effect. */
    void done(String action, Object target, String detail) {
        audit.record(action, String.valueOf(target), AuditLog.Outcome.SUCCESS, detail == null ? "" : detail);
    }

    /** Records a change that took effect, its detail read in each reader's language. */
    void done(String action, Object target, AuditLog.Message detail) {
        audit.record(action, String.valueOf(target), AuditLog.Outcome.SUCCESS, detail);
    }

    /** Records a change refused by the rules. */
    void refused(String action, Object target, String detail) {
        audit.record(action, String.valueOf(target), AuditLog.Outcome.DENIED, detail == null ? "" : detail);
    }
}
