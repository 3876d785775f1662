package vn.congso.data.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fingerprint of a bundle's changelog files: SHA-256 over every file in the changelog's
 * folder (and below), by path. When it matches the one recorded at the last successful
 * migration, nothing can have changed and Liquibase need not run.
 */
final class ChangelogDigest {

    private ChangelogDigest() {
    }

    /**
     * The digest of a set of files.
     *
     * @param files file contents by path inside the bundle
     * @return lower-case hex SHA-256
     */
    static String of(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            SortedMap<String, byte[]> sorted = new TreeMap<>(files);
            for (Map.Entry<String, byte[]> file : sorted.entrySet()) {
                byte[] path = file.getKey().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthPrefix(path.length));
                sha.update(path);
                sha.update(lengthPrefix(file.getValue().length));
                sha.update(file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The folder whose files make up a changelog: the changelog's own folder, or the root. */
    static String folderOf(String bundlePath) {
        int slash = bundlePath.lastIndexOf('/');
        return slash < 0 ? "/" : "/" + bundlePath.substring(0, slash);
    }

    private static byte[] lengthPrefix(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }
}
