package vn.congso.admin.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import vn.congso.admin.internal.TrustedSigner;

/** {@code congso:trust-list}: the trusted plugin signers, with a warning when there is none. */
@Service
@Command(scope = "congso", name = "trust-list", description = "List the trusted plugin signers")
public class TrustListCommand extends PluginCommand {

    @Override
    public Object execute() {
        List<TrustedSigner> signers = service().trustedSigners();
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Subject");
        table.column("SHA-256");
        table.column("Valid until");
        signers.forEach(s -> table.addRow().addContent(s.name(), s.subject(), s.fingerprint(), s.notAfter()));
        table.print(System.out);
        if (signers.isEmpty()) {
            System.out.println("WARNING: no trusted plugin signer; uploads are refused until one is added (congso:trust-add)");
        }
        return null;
    }
}
