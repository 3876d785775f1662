package vn.congso.conference.internal.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.UploadRefusedException;

/**
 * What a meeting's document may be, recognised by its content (never by what the browser says):
 * PDF, the images core recognises (PNG, JPEG, GIF, WebP) by their magic bytes, and Word, Excel and
 * PowerPoint documents (DOCX, XLSX, PPTX) as ZIP archives holding {@code [Content_Types].xml} and
 * the main part of that kind ({@code word/document.xml}, {@code xl/workbook.xml},
 * {@code ppt/presentation.xml}) and no macros ({@code vbaProject.bin}). The file name's extension
 * must agree with the content. While the archive is read, at most {@link #MAX_ENTRIES} entries and
 * {@link #MAX_INFLATED} inflated bytes are looked at, so a ZIP bomb is refused, not unpacked.
 */
public final class DocumentTypes {

    /** The most entries of an office archive that are looked at. */
    public static final int MAX_ENTRIES = 5_000;
    /** The most bytes an office archive's entries may inflate to while it is checked. */
    public static final long MAX_INFLATED = 512L * 1024 * 1024;

    /** The office formats: extension, main part, media type. */
    private enum Office {
        DOCX("docx", "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        XLSX("xlsx", "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        PPTX("pptx", "ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

        final String extension;
        final String mainPart;
        final String mediaType;

        Office(String extension, String mainPart, String mediaType) {
            this.extension = extension;
            this.mainPart = mainPart;
            this.mediaType = mediaType;
        }
    }

    private static final List<FileType> BINARY = List.of(FileType.PDF, FileType.PNG, FileType.JPEG, FileType.GIF,
            FileType.WEBP);

    /** The extensions accepted, for messages and the upload's courtesy filter. */
    public static final List<String> EXTENSIONS = List.of("pdf", "docx", "xlsx", "pptx", "png", "jpg", "jpeg", "gif",
            "webp");

    private DocumentTypes() {
    }

    /**
     * The check a received document passes; it reports the media type to serve it with.
     *
     * @return the check
     */
    public static ContentCheck check() {
        return DocumentTypes::mediaType;
    }

    private static String mediaType(String fileName, InputStream content) throws IOException {
        byte[] head = content.readNBytes(FileType.HEAD_BYTES);
        Optional<FileType> found = FileType.sniff(head);
        String extension = FileType.extensionOf(fileName);
        if (found.isPresent() && BINARY.contains(found.get()) && found.get().matchesName(fileName)) {
            return found.get().mediaType();
        }
        if (found.isPresent() && found.get() == FileType.ZIP) {
            for (Office office : Office.values()) {
                if (office.extension.equals(extension)) {
                    if (isOffice(new SequenceInputStream(new ByteArrayInputStream(head), content), office)) {
                        return office.mediaType;
                    }
                    break;
                }
            }
        }
        throw new UploadRefusedException(UploadRefusedException.Reason.WRONG_TYPE,
                fileName + " is " + found.map(Enum::name).orElse("unknown"), fileName,
                String.join(", ", EXTENSIONS.stream().map(e -> "." + e).toList()));
    }

    private static boolean isOffice(InputStream archive, Office office) throws IOException {
        boolean contentTypes = false;
        boolean mainPart = false;
        long inflated = 0;
        byte[] buffer = new byte[8192];
        // The caller's stream stays open (ContentCheck's contract); only the archive reader is closed.
        try (ZipInputStream zip = new ZipInputStream(new java.io.FilterInputStream(archive) {
            @Override
            public void close() {
                // not the caller's stream
            }
        })) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    return false;
                }
                String name = entry.getName();
                if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    return false;
                }
                contentTypes |= "[Content_Types].xml".equals(name);
                mainPart |= office.mainPart.equals(name);
                // Read the entry here (rather than letting getNextEntry skip it) to count what it inflates to.
                for (int n; (n = zip.read(buffer)) > 0;) {
                    inflated += n;
                    if (inflated > MAX_INFLATED) {
                        return false;
                    }
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            // A broken archive is simply not an office document: the caller refuses it as the wrong type.
            return false;
        }
        return contentTypes && mainPart;
    }
}
