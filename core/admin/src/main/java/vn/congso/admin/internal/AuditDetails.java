package vn.congso.admin.internal;

import java.util.ArrayList;
import java.util.List;
import vn.congso.api.audit.AuditLog;

/**
 * What the plugin administration writes in the audit log's detail: a translation key and its
 * arguments, never free text, so that the audit screen shows it in the reader's language.
 * A refusal or failure is its {@link Problem} (the same words the plugins screen and the console
 * show, from {@code admin*.properties}); a success says the version or the signer
 * ({@code plugin.audit.*} in {@code admin-audit*.properties}).
 */
final class AuditDetails {

    /** The longest argument kept: an exception's message can be long, the log's detail is bounded. */
    static final int MAX_ARGUMENT = 300;

    private AuditDetails() {
    }

    /**
     * @param result what a plugin change did
     * @return the detail
     */
    static AuditLog.Message of(ActionResult result) {
        if (result.problem().isPresent()) {
            return of(result.problem().get());
        }
        return result.plugin().filter(p -> !p.version().isEmpty())
                .map(p -> message("plugin.audit.version", p.version()))
                .orElseGet(() -> message("plugin.audit.done"));
    }

    /**
     * @param result what a change of the trusted signers did
     * @return the detail
     */
    static AuditLog.Message of(TrustResult result) {
        if (result.problem().isPresent()) {
            return of(result.problem().get());
        }
        return result.signer().map(s -> message("plugin.audit.signer", s.name(), s.subject(), s.fingerprint()))
                .orElseGet(() -> message("plugin.audit.done"));
    }

    /**
     * @param problem a refusal or failure
     * @return the detail: the problem's own key and arguments
     */
    static AuditLog.Message of(Problem problem) {
        return message(problem.key(), problem.args().toArray());
    }

    /**
     * @param permission the permission the actor lacks
     * @return the detail, in the platform's words for a missing permission
     */
    static AuditLog.Message missingPermission(String permission) {
        return message("audit.detail.missing-permission", permission);
    }

    private static AuditLog.Message message(String key, Object... args) {
        List<String> texts = new ArrayList<>();
        for (Object arg : args) {
            String text = String.valueOf(arg);
            texts.add(text.length() > MAX_ARGUMENT ? text.substring(0, MAX_ARGUMENT - 1) + "…" : text);
        }
        return new AuditLog.Message(key, texts);
    }
}
