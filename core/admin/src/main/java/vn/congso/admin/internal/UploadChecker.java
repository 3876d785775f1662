package vn.congso.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import vn.congso.admin.internal.DryRun.Kind;

/**
 * The install pipeline up to the dry run, in the documented order: size (while streaming), zip
 * (within the {@link ArchiveLimits}, a {@code .kar} and its jars sharing one inflation budget),
 * manifest, signature, then the {@link DryRunPlanner}'s identity and resolution checks. Changes nothing
 * outside its own staging folder.
 */
final class UploadChecker {

    private final Path stagingRoot;
    private final long maxBytes;
    private final SignatureVerifier signatures;
    private final Supplier<List<InstalledBundle>> installed;
    private final ArchiveLimits limits;
    private final CorePolicy core;

    UploadChecker(Path stagingRoot, long maxBytes, SignatureVerifier signatures, Supplier<List<InstalledBundle>> installed,
            ArchiveLimits limits, CorePolicy core) {
        this.stagingRoot = stagingRoot;
        this.maxBytes = maxBytes;
        this.signatures = signatures;
        this.installed = installed;
        this.limits = limits;
        this.core = core;
    }

    /**
     * Checks an upload and plans it.
     *
     * @param kind install or upgrade
     * @param fileName the uploaded file's name
     * @param content its bytes
     * @return the staged upload; its dry run may still hold refusals (identity, resolution)
     * @throws Refusal when a check before the dry run refuses it
     */
    Staged check(Kind kind, String fileName, InputStream content) throws Refusal, IOException {
        String name = fileName == null || fileName.isBlank() ? "upload.jar" : Path.of(fileName).getFileName().toString();
        Files.createDirectories(stagingRoot);
        Path folder = Files.createTempDirectory(stagingRoot, "check-");
        try {
            Path file = new UploadReader(folder, maxBytes).stage(name, content);
            InflationBudget budget = new InflationBudget(limits.maxInflatedBytes());
            ArchiveInspector.requireZip(file, name, limits, budget);
            List<Path> jars = List.of(file);
            if (name.toLowerCase(Locale.ROOT).endsWith(".kar")) {
                if (kind == Kind.UPGRADE) {
                    throw new Refusal("plugin.refused.kar-upgrade", name);
                }
                Path extracted = Files.createDirectories(folder.resolve("kar"));
                jars = KarReader.extractBundles(file, name, extracted);
            }
            List<BundleCandidate> candidates = new ArrayList<>();
            Optional<String> signer = Optional.empty();
            for (Path jar : jars) {
                String shownName = jar == file ? name : name + "!" + jar.getFileName();
                if (jar != file) {
                    ArchiveInspector.requireZip(jar, shownName, limits, budget);
                }
                candidates.add(ArchiveInspector.readBundle(jar, shownName));
                Optional<X509Certificate> certificate = signatures.verify(jar, shownName);
                if (signer.isEmpty()) {
                    signer = certificate.map(c -> c.getSubjectX500Principal().getName());
                }
            }
            return new Staged(folder, candidates, DryRunPlanner.plan(kind, candidates, signer, installed.get(), core));
        } catch (Refusal | IOException | RuntimeException e) {
            Staged.deleteTree(folder);
            throw e;
        }
    }
}
