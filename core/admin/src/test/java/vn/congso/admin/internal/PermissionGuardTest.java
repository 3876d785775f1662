package vn.congso.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.congso.api.CurrentUser;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.security.AccessDeniedException;

/** Every method refuses a user without platform:plugins:manage, and the refusal is audited. */
class PermissionGuardTest {

    /** An audit log that remembers what it was told. */
    static final class RecordingAudit implements AuditLog {
        final List<String> entries = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();

        @Override
        public void record(String action, String target, Outcome outcome, Message detail) {
            messages.add(detail);
            record(action, target, outcome, detail.plain());
        }

        @Override
        public void record(String actor, String address, String action, String target, Outcome outcome,
                Message detail) {
            messages.add(detail);
            record(actor, address, action, target, outcome, detail.plain());
        }

        @Override
        public void record(String action, String target, Outcome outcome, String detail) {
            entries.add("session " + action + " " + target + " " + outcome);
        }

        @Override
        public void record(String actor, String address, String action, String target, Outcome outcome, String detail) {
            entries.add(actor + " " + action + " " + target + " " + outcome);
        }

        @Override
        public List<Entry> find(Query query) {
            return List.of();
        }
    }

    private static CurrentUser user(boolean permitted) {
        return new CurrentUser() {
            @Override
            public String id() {
                return "clerk";
            }

            @Override
            public String displayName() {
                return "Clerk";
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }

            @Override
            public boolean isAuthenticated() {
                return true;
            }

            @Override
            public boolean isPermitted(String permission) {
                return permitted && PluginService.PERMISSION.equals(permission);
            }
        };
    }

    @Test
    void everyMethodRefusesAUserWithoutThePermissionAndAuditsIt() {
        RecordingAudit audit = new RecordingAudit();
        // Collaborators stay null: the permission check must come before any of them is touched.
        PluginEngine engine = new PluginEngine(null, null, null, null, null, null, null, null, null, audit,
                CorePolicy.standard(), null, ArchiveLimits.defaults());
        PluginService service = new ActorBoundPluginService(engine, () -> Actor.of(user(false)));
        List<Runnable> calls = List.of(service::plugins, service::availableFeatures, service::settings,
                () -> service.plugin("p"), () -> service.history("p"),
                () -> service.dryRunInstall("p.jar", new ByteArrayInputStream(new byte[0])),
                () -> service.dryRunUpgrade("p.jar", new ByteArrayInputStream(new byte[0])),
                () -> service.dryRunFeature("f", ""), () -> service.install("p.jar", new ByteArrayInputStream(new byte[0])),
                () -> service.installFeature("f", ""), () -> service.upgrade("p.jar", new ByteArrayInputStream(new byte[0])),
                () -> service.rollback("p"), () -> service.stop("p"), () -> service.start("p"),
                () -> service.uninstall("p"), () -> service.purge("p", true), service::trustedSigners,
                () -> service.trust("signer.pem", new ByteArrayInputStream(new byte[0])),
                () -> service.distrust("signer.pem"));
        for (Runnable call : calls) {
            AccessDeniedException denied = assertThrows(AccessDeniedException.class, call::run);
            assertEquals("platform:plugins:manage", denied.permission());
        }
        assertEquals(calls.size(), audit.entries.size());
        assertEquals("session plugin.install p.jar DENIED", audit.entries.get(8));
        assertEquals("session plugin.trust-add signer.pem DENIED", audit.entries.get(calls.size() - 2));
        // The detail is the platform's "missing the permission {0}", read in the reader's language.
        assertEquals(calls.size(), audit.messages.size());
        for (AuditLog.Message message : audit.messages) {
            assertEquals(AuditLog.Message.of("audit.detail.missing-permission", "platform:plugins:manage"), message);
        }
    }

    @Test
    void theConsoleActsAsItsKarafUserInTheAuditLog() {
        RecordingAudit audit = new RecordingAudit();
        Actor console = Actor.console("karaf");
        assertEquals("console:karaf", console.id());
        console.audit(audit, "plugin.stop", "p", AuditLog.Outcome.SUCCESS, AuditLog.Message.of("plugin.audit.done"));
        assertEquals(List.of("console:karaf plugin.stop p SUCCESS"), audit.entries);
        assertEquals(List.of(AuditLog.Message.of("plugin.audit.done")), audit.messages);
    }
}
