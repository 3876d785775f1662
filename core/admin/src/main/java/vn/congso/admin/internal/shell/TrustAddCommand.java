package vn.congso.admin.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code congso:trust-add <pem-file>}: trusts the plugins signed by the key of one X.509
 * certificate. The path must name a readable regular {@code .pem}, {@code .crt} or {@code .cer}
 * file of at most 64 KB; only its content is used (the trust store names the copy after the
 * certificate). Refusals throw.
 */
@Service
@Command(scope = "congso", name = "trust-add", description = "Trust plugins signed by the key of a certificate (PEM file)")
public class TrustAddCommand extends PluginCommand {

    static final long MAX_BYTES = 64 * 1024;

    @Argument(index = 0, name = "pem-file", required = true, description = "The signer's certificate, PEM (.pem, .crt, .cer)")
    @Completion(FileCompleter.class)
    String pemFile;

    @Override
    public Object execute() throws IOException {
        Path file = requireCertificateFile(pemFile);
        try (InputStream in = Files.newInputStream(file)) {
            return print(service().trust(file.getFileName().toString(), in), "now trusted:");
        }
    }

    /**
     * Checks the operator's path before anything is read.
     *
     * @param path the argument
     * @return the file
     * @throws ConsoleRefusal when it is not a regular, readable certificate file of at most 64 KB
     */
    static Path requireCertificateFile(String path) throws IOException {
        if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
            throw new ConsoleRefusal("REFUSED: a path to a .pem, .crt or .cer file is required");
        }
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConsoleRefusal("REFUSED: not a valid path: " + e.getMessage());
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"))) {
            throw new ConsoleRefusal("REFUSED: " + file + " is not a .pem, .crt or .cer file");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
            throw new ConsoleRefusal("REFUSED: " + file + " is not a readable regular file");
        }
        long size = Files.size(file);
        if (size == 0 || size > MAX_BYTES) {
            throw new ConsoleRefusal("REFUSED: " + file + " has " + size + " bytes; a certificate has between 1 and "
                    + MAX_BYTES + " bytes");
        }
        return file;
    }
}
