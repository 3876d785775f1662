package vn.congso.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * DejaVu Sans, regular and bold, shipped in this bundle under {@code /fonts/} and copied to
 * files, because Flying Saucer reads a font's style and weight from its file. Its licence (in
 * {@code /fonts/LICENSE-DejaVu.txt}) allows bundling.
 */
public final class DejaVuFonts {

    /** The CSS family name templates use. */
    public static final String FAMILY = "DejaVu Sans";

    private static final List<String> FILES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

    private DejaVuFonts() {
    }

    /**
     * Copies the fonts into a directory unless the same files are already there. Safe when
     * several renderers do it at once: each file is written aside and moved into place.
     *
     * @param directory where to put them; created when missing
     * @return the font files
     * @throws IOException when a font cannot be read or written
     */
    public static List<Path> copyTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> paths = new ArrayList<>(FILES.size());
        for (String name : FILES) {
            Path target = directory.resolve(name);
            try (InputStream in = DejaVuFonts.class.getResourceAsStream("/fonts/" + name)) {
                if (in == null) {
                    throw new IOException("Font missing from the bundle: /fonts/" + name);
                }
                byte[] bytes = in.readAllBytes();
                if (!Files.isRegularFile(target) || Files.size(target) != bytes.length) {
                    Path partial = Files.createTempFile(directory, name, ".part");
                    try {
                        Files.write(partial, bytes);
                        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                }
            }
            paths.add(target);
        }
        return List.copyOf(paths);
    }
}
