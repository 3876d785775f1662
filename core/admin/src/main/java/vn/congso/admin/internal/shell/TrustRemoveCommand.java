package vn.congso.admin.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code congso:trust-remove <fingerprint-or-name>}: stops trusting a signer. The argument is
 * matched against the trust store's listing (a file name exactly as {@code congso:trust-list}
 * shows it, or a SHA-256 fingerprint), never used as a path. Refusals throw.
 */
@Service
@Command(scope = "congso", name = "trust-remove", description = "Stop trusting a plugin signer")
public class TrustRemoveCommand extends PluginCommand {

    @Argument(index = 0, name = "fingerprint-or-name", required = true,
            description = "The SHA-256 fingerprint (or a unique prefix of 16+ hex digits) or the name from trust-list")
    String fingerprintOrName;

    @Override
    public Object execute() {
        return print(service().distrust(fingerprintOrName), "no longer trusted:");
    }
}
