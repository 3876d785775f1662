package vn.congso.admin.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.admin.internal.ActionResult;
import vn.congso.admin.internal.PluginService;
import vn.congso.admin.internal.Problem;
import vn.congso.admin.internal.TrustResult;
import vn.congso.admin.internal.TrustedSigner;

/** The trust commands refuse by throwing, so Karaf prints "Error executing command" and a script fails. */
class TrustCommandsTest {

    @TempDir
    Path work;

    /** A service that answers every trust change with the given result. */
    private static PluginService answering(TrustResult result) {
        return (PluginService) Proxy.newProxyInstance(PluginService.class.getClassLoader(),
                new Class<?>[] {PluginService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "forConsole" -> proxy;
                    case "trust", "distrust" -> result;
                    case "trustedSigners" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final TrustResult UNKNOWN = new TrustResult(ActionResult.Status.REFUSED, Optional.empty(),
            Optional.of(Problem.of("plugin.refused.trust-unknown", "abc")));

    @Test
    void trustRemoveThrowsTheTranslatedReason() {
        TrustRemoveCommand command = new TrustRemoveCommand();
        command.plugins = answering(UNKNOWN);
        command.fingerprintOrName = "abc";
        ConsoleRefusal refusal = assertThrows(ConsoleRefusal.class, command::execute);
        assertEquals("REFUSED [plugin.refused.trust-unknown]: No trusted certificate has the name or fingerprint abc.",
                refusal.getMessage());
    }

    @Test
    void trustAddRefusesAPathThatIsNotACertificateFileBeforeReadingIt() throws Exception {
        Path directory = Files.createDirectories(work.resolve("dir.pem"));
        Path wrongType = Files.writeString(work.resolve("key.p12"), "x");
        Path empty = Files.createFile(work.resolve("empty.pem"));
        Path huge = Files.write(work.resolve("huge.pem"), new byte[64 * 1024 + 1]);
        Path real = Files.writeString(work.resolve("real.pem"), "x");
        Path link = Files.createSymbolicLink(work.resolve("link.pem"), real);
        for (String path : List.of("", work.resolve("missing.pem").toString(), directory.toString(), wrongType.toString(),
                empty.toString(), huge.toString(), link.toString(), "bad\0name.pem")) {
            TrustAddCommand command = new TrustAddCommand();
            command.plugins = answering(UNKNOWN);
            command.pemFile = path;
            ConsoleRefusal refusal = assertThrows(ConsoleRefusal.class, command::execute, path);
            assertTrue(refusal.getMessage().startsWith("REFUSED"), refusal.getMessage());
        }
    }

    @Test
    void trustAddPassesTheServicesRefusalOnAsAnException() throws Exception {
        TrustAddCommand command = new TrustAddCommand();
        command.plugins = answering(new TrustResult(ActionResult.Status.REFUSED, Optional.empty(),
                Optional.of(Problem.of("plugin.refused.trust-private-key", "signer.pem"))));
        command.pemFile = Files.writeString(work.resolve("signer.pem"), "-----BEGIN PRIVATE KEY-----").toString();
        ConsoleRefusal refusal = assertThrows(ConsoleRefusal.class, command::execute);
        assertTrue(refusal.getMessage().contains("[plugin.refused.trust-private-key]"), refusal.getMessage());
    }

    @Test
    void aDoneChangePrintsAndDoesNotThrow() throws Exception {
        TrustRemoveCommand command = new TrustRemoveCommand();
        command.plugins = answering(new TrustResult(ActionResult.Status.DONE, Optional.of(new TrustedSigner("a.pem", "CN=A",
                "CN=A", "AB:CD", Instant.now())), Optional.empty()));
        command.fingerprintOrName = "a.pem";
        assertEquals(null, command.execute());
    }
}
