package vn.congso.admin.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The first checks of an uploaded archive: that it is a complete zip archive within the
 * {@link ArchiveLimits}, and that a jar carries an OSGi bundle manifest.
 *
 * <p>Zip bombs are refused at their first breach. Before anything is inflated, the central
 * directory is read on its own: the entry count, the sum of the declared sizes and each entry's
 * compression ratio are checked entry by entry, and every entry's data must lie between its own
 * local header and the next entry's (an archive whose entries share or overlap their data is how a
 * few hundred kilobytes claim gigabytes). Then every entry is inflated once, counted against the
 * upload's {@link InflationBudget} and against its declared size, so an archive whose directory
 * lies about sizes stops at the first byte too many.
 */
final class ArchiveInspector {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_SIZE = 22;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final int MAX_COMMENT = 0xFFFF;

    private ArchiveInspector() {
    }

    /**
     * Checks that a file is a complete zip archive within the limits, inflating each entry once.
     *
     * @param file the staged file
     * @param fileName the name the user gave it
     * @param limits the archive limits
     * @param budget the upload's inflation budget, spent here
     * @throws Refusal {@code plugin.refused.not-a-zip} when it does not start like a zip,
     *         {@code plugin.refused.truncated} when it does but cannot be read to its end,
     *         {@code plugin.refused.zip-too-many-entries}, {@code plugin.refused.zip-too-large-inflated},
     *         {@code plugin.refused.zip-ratio}, {@code plugin.refused.zip-overlapping},
     *         {@code plugin.refused.zip-size-mismatch}, {@code plugin.refused.zip-unsupported}
     */
    static void requireZip(Path file, String fileName, ArchiveLimits limits, InflationBudget budget)
            throws Refusal, IOException {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read < 4 || !Arrays.equals(head, ZIP_MAGIC)) {
            throw new Refusal("plugin.refused.not-a-zip", fileName);
        }
        scanDirectory(file, fileName, limits);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // Reading every entry catches archives cut anywhere, not only in the central directory.
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buffer = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long declared = entry.getSize();
                long entryBytes = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) != -1;) {
                        entryBytes += n;
                        if (declared >= 0 && entryBytes > declared) {
                            throw new Refusal("plugin.refused.zip-size-mismatch", fileName, entry.getName());
                        }
                        budget.spend(n, fileName);
                    }
                }
            }
        } catch (ZipException | EOFException e) {
            throw new Refusal("plugin.refused.truncated", fileName, String.valueOf(e.getMessage()));
        }
    }

    /** One central directory record: where its data starts and how long it is. */
    private record Listed(String name, long localOffset, long compressedSize) {
    }

    /** Reads the central directory and the local headers only, refusing at the first breach. */
    static void scanDirectory(Path file, String fileName, ArchiveLimits limits) throws Refusal, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer end = findEnd(channel, size, fileName);
            int entries = Short.toUnsignedInt(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryOffset = Integer.toUnsignedLong(end.getInt(16));
            if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
                throw new Refusal("plugin.refused.zip-unsupported", fileName, "ZIP64");
            }
            if (entries > limits.maxEntries()) {
                throw new Refusal("plugin.refused.zip-too-many-entries", fileName, entries, limits.maxEntries());
            }
            long endPosition = end.getLong(END_SIZE); // stored after the record by findEnd
            if (directoryOffset + directorySize > endPosition) {
                throw new Refusal("plugin.refused.truncated", fileName, "central directory outside the file");
            }
            List<Listed> listed = new ArrayList<>(entries);
            long declaredTotal = 0;
            long position = directoryOffset;
            ByteBuffer record = ByteBuffer.allocate(CENTRAL_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < entries; i++) {
                readFully(channel, record.clear(), position, fileName);
                if (record.getInt(0) != CENTRAL_SIGNATURE) {
                    throw new Refusal("plugin.refused.truncated", fileName, "broken central directory");
                }
                long compressed = Integer.toUnsignedLong(record.getInt(20));
                long uncompressed = Integer.toUnsignedLong(record.getInt(24));
                int nameLength = Short.toUnsignedInt(record.getShort(28));
                int extraLength = Short.toUnsignedInt(record.getShort(30));
                int commentLength = Short.toUnsignedInt(record.getShort(32));
                long localOffset = Integer.toUnsignedLong(record.getInt(42));
                ByteBuffer nameBytes = ByteBuffer.allocate(nameLength);
                readFully(channel, nameBytes, position + CENTRAL_SIZE, fileName);
                String name = new String(nameBytes.array(), StandardCharsets.UTF_8);
                position += CENTRAL_SIZE + nameLength + extraLength + commentLength;
                if (position > directoryOffset + directorySize) {
                    throw new Refusal("plugin.refused.truncated", fileName, "broken central directory");
                }
                if (compressed == 0xFFFFFFFFL || uncompressed == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
                    throw new Refusal("plugin.refused.zip-unsupported", fileName, "ZIP64");
                }
                declaredTotal += uncompressed;
                if (declaredTotal > limits.maxInflatedBytes()) {
                    throw new Refusal("plugin.refused.zip-too-large-inflated", fileName,
                            limits.maxInflatedBytes() / (1024 * 1024));
                }
                if (uncompressed > ArchiveLimits.RATIO_FLOOR_BYTES
                        && uncompressed > (long) limits.maxRatio() * Math.max(compressed, 1)) {
                    throw new Refusal("plugin.refused.zip-ratio", fileName, name,
                            uncompressed / Math.max(compressed, 1), limits.maxRatio());
                }
                listed.add(new Listed(name, localOffset, compressed));
            }
            requireDisjoint(channel, listed, directoryOffset, fileName);
        }
    }

    /** Every entry's header and data end before the next entry's header, and before the directory. */
    private static void requireDisjoint(FileChannel channel, List<Listed> listed, long directoryOffset, String fileName)
            throws Refusal, IOException {
        listed.sort(Comparator.comparingLong(Listed::localOffset));
        ByteBuffer header = ByteBuffer.allocate(LOCAL_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long previousEnd = 0;
        String previousName = "";
        for (Listed entry : listed) {
            if (entry.localOffset() < previousEnd) {
                throw new Refusal("plugin.refused.zip-overlapping", fileName, entry.name(), previousName);
            }
            if (entry.localOffset() + LOCAL_SIZE > directoryOffset) {
                throw new Refusal("plugin.refused.truncated", fileName, "entry " + entry.name() + " outside the file");
            }
            readFully(channel, header.clear(), entry.localOffset(), fileName);
            if (header.getInt(0) != LOCAL_SIGNATURE) {
                throw new Refusal("plugin.refused.truncated", fileName, "no local header for " + entry.name());
            }
            long dataEnd = entry.localOffset() + LOCAL_SIZE + Short.toUnsignedInt(header.getShort(26))
                    + Short.toUnsignedInt(header.getShort(28)) + entry.compressedSize();
            if (dataEnd > directoryOffset) {
                throw new Refusal("plugin.refused.zip-overlapping", fileName, entry.name(), "central directory");
            }
            previousEnd = dataEnd;
            previousName = entry.name();
        }
    }

    /**
     * Finds the end of central directory record, searching back over at most a full comment.
     *
     * @return the record (little endian), with its file position appended as a long at {@value #END_SIZE}
     */
    private static ByteBuffer findEnd(FileChannel channel, long size, String fileName) throws Refusal, IOException {
        int tailLength = (int) Math.min(size, END_SIZE + MAX_COMMENT);
        if (tailLength < END_SIZE) {
            throw new Refusal("plugin.refused.truncated", fileName, "no end of central directory");
        }
        ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, tail, size - tailLength, fileName);
        for (int i = tailLength - END_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == END_SIGNATURE
                    && i + END_SIZE + Short.toUnsignedInt(tail.getShort(i + 20)) <= tailLength) {
                ByteBuffer end = ByteBuffer.allocate(END_SIZE + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                end.put(0, tail, i, END_SIZE);
                end.putLong(END_SIZE, size - tailLength + i);
                return end;
            }
        }
        throw new Refusal("plugin.refused.truncated", fileName, "no end of central directory");
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, String fileName)
            throws Refusal, IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new Refusal("plugin.refused.truncated", fileName, "unexpected end of file");
            }
            at += n;
        }
    }

    /**
     * Reads the bundle manifest of a complete jar.
     *
     * @param file the staged jar
     * @param fileName the name the user gave it
     * @return the candidate bundle
     * @throws Refusal {@code plugin.refused.no-manifest}, {@code plugin.refused.not-a-bundle},
     *         {@code plugin.refused.bad-manifest}
     */
    static BundleCandidate readBundle(Path file, String fileName) throws Refusal, IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            manifest = jar.getManifest();
        } catch (IOException e) {
            throw new Refusal("plugin.refused.bad-manifest", fileName, String.valueOf(e.getMessage()));
        }
        if (manifest == null) {
            throw new Refusal("plugin.refused.no-manifest", fileName);
        }
        try {
            return BundleCandidate.read(file, manifest);
        } catch (Refusal r) {
            // Name the file as the user knows it, not the staging file.
            Problem p = r.problem();
            throw new Refusal(p.key(), fileName, p.args().size() > 1 ? p.args().get(1) : "");
        }
    }
}
