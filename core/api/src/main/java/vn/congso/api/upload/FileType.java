package vn.congso.api.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binary file types recognised by their first bytes ("magic bytes"), with the extensions a
 * file of that type may have and the media type to serve it with. What a browser says a file
 * is, is never used.
 */
public enum FileType {

    /** PDF document. */
    PDF("application/pdf", List.of("pdf"), ascii("%PDF-")),
    /** PNG image. */
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    /** JPEG image. */
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    /** GIF image. */
    GIF("image/gif", List.of("gif"), ascii("GIF8")),
    /** WebP image: {@code RIFF}, a length, {@code WEBP}. */
    WEBP("image/webp", List.of("webp"), ascii("RIFF")),
    /** ZIP archive, including Java archives and Karaf archives. */
    ZIP("application/zip", List.of("zip", "jar", "kar"), new byte[] {'P', 'K', 0x03, 0x04});

    /** How many leading bytes {@link #sniff(byte[])} needs at most. */
    public static final int HEAD_BYTES = 16;

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    FileType(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    /** @return the media type to serve a file of this type with */
    public String mediaType() {
        return mediaType;
    }

    /** @return the file name extensions this type may have, lower case, without the dot */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * @param fileName a file name
     * @return whether its extension is one of this type's
     */
    public boolean matchesName(String fileName) {
        return extensions.contains(extensionOf(fileName));
    }

    /**
     * The type the content's first bytes show.
     *
     * @param head the first bytes of a file, at least {@link #HEAD_BYTES} when the file is that long
     * @return the type, or empty when none matches
     */
    public static Optional<FileType> sniff(byte[] head) {
        for (FileType type : values()) {
            if (startsWith(head, type.magic)
                    && (type != GIF || head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a')
                    && (type != WEBP || head.length >= 12 && Arrays.equals(head, 8, 12, ascii("WEBP"), 0, 4))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * @param fileName a file name, possibly with a path
     * @return its extension in lower case, without the dot; empty when it has none
     */
    public static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
