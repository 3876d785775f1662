package vn.congso.admin.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.admin.internal.PluginService;

/** Plugin commands with nothing to act on fail the command instead of printing nothing and succeeding. */
class PluginCommandsTest {

    @TempDir
    Path work;

    private final List<String> calls = new ArrayList<>();

    /** A service without any plugin that records what it was asked. */
    private PluginService empty() {
        return (PluginService) Proxy.newProxyInstance(PluginService.class.getClassLoader(),
                new Class<?>[] {PluginService.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "forConsole" -> proxy;
                        case "plugin" -> Optional.empty();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Test
    void uninstallingAPluginThatIsNotInstalledFails() {
        PluginUninstallCommand command = new PluginUninstallCommand();
        command.plugins = empty();
        command.symbolicName = "congso-plugin-typo";
        ConsoleRefusal refusal = assertThrows(ConsoleRefusal.class, command::execute);
        assertEquals("REFUSED congso-plugin-typo: no such plugin is installed (see congso:plugin-list)",
                refusal.getMessage());
        assertEquals(List.of("forConsole", "plugin"), calls);
    }

    @Test
    void upgradingFromAFileThatIsNotThereFailsBeforeAskingTheService() throws Exception {
        for (String path : List.of(work.resolve("missing.jar").toString(), work.toString(), "bad\0name.jar")) {
            PluginUpgradeCommand command = new PluginUpgradeCommand();
            command.plugins = empty();
            command.file = path;
            ConsoleRefusal refusal = assertThrows(ConsoleRefusal.class, command::execute, path);
            assertTrue(refusal.getMessage().startsWith("REFUSED: "), refusal.getMessage());
        }
        assertEquals(List.of(), calls);
    }
}
