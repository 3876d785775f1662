package vn.congso.conference.internal.service;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.upload.ContentCheck;
import vn.congso.api.upload.FileType;
import vn.congso.api.upload.SpooledUpload;
import vn.congso.api.upload.UploadRefusedException;
import vn.congso.api.upload.UploadSpool;
import vn.congso.conference.internal.domain.DocumentTypes;

/**
 * Documents attached to a meeting (table {@code conf_document}, in the database: outside any web
 * root). The scheduler ({@code meetings:booking:manage}) attaches and removes them; a file is
 * received within the size limit while it streams ({@link UploadSpool}), its type is the one its
 * content shows ({@link DocumentTypes}), and a meeting carries at most the configured number of
 * them (counted under the meeting's row lock, so two uploads at once cannot pass it). Who may see
 * the meeting may list and download its documents: coordinators ({@code meetings:booking:manage},
 * {@code meetings:attendance:record}) and the technical contacts of its points. Attaching, removing,
 * downloading and every refusal are audited.
 */
public class MeetingDocuments {

    /** The route of a document's page (a link in the invitation e-mails): {@code conference/document/<id>}. */
    public static final String ROUTE = "conference/document";
    /** The longest file name kept. */
    static final int NAME_LENGTH = 200;

    /**
     * The limits, from the plugin's configuration.
     *
     * @param maxBytes the largest document, in bytes
     * @param maxCount the most documents a meeting carries
     */
    public record Limits(long maxBytes, int maxCount) {

        /**
         * @param config the configuration
         * @return its limits (at least 1 MB and 1 document)
         */
        public static Limits of(ConferenceConfig config) {
            return new Limits(Math.max(1, config.documentMaxMegabytes()) * 1024L * 1024L, Math.max(1, config.documentMaxCount()));
        }
    }

    /**
     * A stored document's description.
     *
     * @param id its id
     * @param meetingId its meeting
     * @param meetingTitle the meeting's title
     * @param fileName the name it was given (never used as a path)
     * @param mediaType the type its content showed
     * @param size its size in bytes
     * @param uploadedBy who attached it
     * @param uploadedAt when
     */
    public record Document(long id, long meetingId, String meetingTitle, String fileName, String mediaType, long size,
            String uploadedBy, Instant uploadedAt) {
    }

    /**
     * A document's content for a download.
     *
     * @param document its description
     * @param content its bytes
     */
    public record Download(Document document, byte[] content) {
    }

    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Limits limits;

    /**
     * Creates the service.
     *
     * @param database the database, migrated
     * @param users who is asking
     * @param audit the audit log
     * @param clock the clock
     * @param limits the limits
     */
    public MeetingDocuments(Database database, CurrentUserService users, AuditLog audit, Clock clock, Limits limits) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
    }

    /** @return the limits in force */
    public Limits limits() {
        return limits;
    }

    void limits(Limits changed) {
        this.limits = changed;
    }

    /** @return what a document's content must be */
    public ContentCheck check() {
        return DocumentTypes.check();
    }

    /** @return whether someone is signed in (a document's page sends visitors to the sign-in page first) */
    public boolean signedIn() {
        return users.current().isAuthenticated();
    }

    /** @return whether the current user may attach and remove documents */
    public boolean mayManage() {
        return users.current().isPermitted(ConferencePermissions.BOOKING_MANAGE);
    }

    /**
     * Receives a document from a stream and attaches it: refused as soon as it passes the size limit
     * (or at once when its declared size does), or when its content is not an allowed type.
     *
     * @param meetingId the meeting
     * @param fileName the name the sender gave it
     * @param in the content; read, not closed
     * @param declaredSize the size the sender declared, negative when unknown
     * @return the stored document
     * @throws UploadRefusedException when the file is too large, empty or not an allowed type
     * @throws IOException when receiving fails
     */
    public Document attach(long meetingId, String fileName, InputStream in, long declaredSize) throws IOException {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.document.attach", String.valueOf(meetingId));
        try (SpooledUpload upload = UploadSpool.spool(in, fileName, declaredSize, limits.maxBytes(), check())) {
            return attach(meetingId, upload);
        } catch (UploadRefusedException refused) {
            audit.record("conference.document.attach", String.valueOf(meetingId), Outcome.DENIED, refused.getMessage());
            throw refused;
        }
    }

    /**
     * Attaches a received document (an upload that passed {@link #check()} within the size limit).
     *
     * @param meetingId the meeting
     * @param upload the received file; the caller closes it
     * @return the stored document
     * @throws UploadRefusedException when it is over the size limit
     * @throws IOException when it cannot be read
     */
    public Document attach(long meetingId, SpooledUpload upload) throws IOException {
        CurrentUser user = users.current();
        require(ConferencePermissions.BOOKING_MANAGE, "conference.document.attach", String.valueOf(meetingId));
        if (upload.size() > limits.maxBytes()) {
            audit.record("conference.document.attach", String.valueOf(meetingId), Outcome.DENIED, "too large");
            throw UploadRefusedException.tooLarge(limits.maxBytes());
        }
        String name = cleanName(upload.fileName(), upload.mediaType());
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                // The meeting's row lock: attaching to one meeting is serialised, so the count holds.
                String title;
                try (PreparedStatement ps = c.prepareStatement("UPDATE conf_meeting SET sequence_no = sequence_no WHERE id = ?")) {
                    ps.setLong(1, meetingId);
                    if (ps.executeUpdate() != 1) {
                        throw new ConferenceException("conference.error.unknown-meeting", meetingId);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT m.title, (SELECT COUNT(*) FROM conf_document d "
                        + "WHERE d.meeting_id = m.id) FROM conf_meeting m WHERE m.id = ?")) {
                    ps.setLong(1, meetingId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        title = rs.getString(1);
                        if (rs.getInt(2) >= limits.maxCount()) {
                            audit.record("conference.document.attach", String.valueOf(meetingId), Outcome.DENIED,
                                    AuditLog.Message.of("conference.audit.document-count", name, limits.maxCount()));
                            throw new ConferenceException("conference.error.document-count", limits.maxCount());
                        }
                    }
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO conf_document (meeting_id, file_name, media_type, "
                        + "size_bytes, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS); InputStream content = upload.openStream()) {
                    ps.setLong(1, meetingId);
                    ps.setString(2, name);
                    ps.setString(3, upload.mediaType());
                    ps.setLong(4, upload.size());
                    ps.setBinaryStream(5, content, upload.size());
                    ps.setString(6, user.id());
                    ps.setTimestamp(7, Timestamp.from(now));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                c.commit();
                audit.record("conference.document.attach", String.valueOf(meetingId), Outcome.SUCCESS,
                        AuditLog.Message.of("conference.audit.document-attached", name, upload.size()));
                return new Document(id, meetingId, title, name, upload.mediaType(), upload.size(), user.id(), now);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot attach the document", e);
        }
    }

    /**
     * A meeting's documents, in the order they were attached.
     *
     * @param meetingId the meeting
     * @return its documents
     * @throws AccessDeniedException when the current user may not see the meeting
     */
    public List<Document> documents(long meetingId) {
        try (Connection c = database.dataSource().getConnection()) {
            requireSee(c, meetingId, "conference.document.list", String.valueOf(meetingId));
            return read(c, "d.meeting_id = ?", meetingId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the documents", e);
        }
    }

    /**
     * One document's description.
     *
     * @param documentId the document
     * @return it
     * @throws ConferenceException when there is no such document
     * @throws AccessDeniedException when the current user may not see its meeting
     */
    public Document document(long documentId) {
        try (Connection c = database.dataSource().getConnection()) {
            Document d = find(c, documentId);
            requireSee(c, d.meetingId(), "conference.document.view", String.valueOf(documentId));
            return d;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the document", e);
        }
    }

    /**
     * A document's content, for someone who may see its meeting; audited.
     *
     * @param documentId the document
     * @return its description and bytes
     * @throws ConferenceException when there is no such document
     * @throws AccessDeniedException when the current user may not see its meeting
     */
    public Download download(long documentId) {
        try (Connection c = database.dataSource().getConnection()) {
            Document d = find(c, documentId);
            requireSee(c, d.meetingId(), "conference.document.download", String.valueOf(documentId));
            byte[] content;
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM conf_document WHERE id = ?")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    content = rs.getBytes(1);
                }
            }
            audit.record("conference.document.download", String.valueOf(documentId), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.document-downloaded", d.fileName(), d.meetingTitle()));
            return new Download(d, content);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the document", e);
        }
    }

    /**
     * Removes a document; the scheduler's, audited.
     *
     * @param documentId the document
     * @throws ConferenceException when there is no such document
     */
    public void remove(long documentId) {
        require(ConferencePermissions.BOOKING_MANAGE, "conference.document.remove", String.valueOf(documentId));
        try (Connection c = database.dataSource().getConnection()) {
            Document d = find(c, documentId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conf_document WHERE id = ?")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            audit.record("conference.document.remove", String.valueOf(d.meetingId()), Outcome.SUCCESS,
                    AuditLog.Message.of("conference.audit.document-removed", d.fileName(), d.meetingTitle()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot remove the document", e);
        }
    }

    /**
     * The documents of a meeting without a permission check, for the invitations the service sends.
     *
     * @param meetingId the meeting
     * @return its documents
     */
    List<Document> documentsForMail(long meetingId) {
        try (Connection c = database.dataSource().getConnection()) {
            return read(c, "d.meeting_id = ?", meetingId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the documents", e);
        }
    }

    /**
     * The name kept for a file: without any path, control or formatting characters, at most
     * {@value #NAME_LENGTH} characters with its extension kept; "tai-lieu" and the type's extension
     * when nothing is left.
     */
    static String cleanName(String given, String mediaType) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                && cp != '"').forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        String extension = FileType.extensionOf(name);
        if (name.isEmpty() || name.equals("." + extension)) {
            name = "tai-lieu." + (extension.isEmpty() ? "bin" : extension);
        }
        if (name.length() > NAME_LENGTH) {
            String tail = extension.isEmpty() ? "" : "." + extension;
            name = name.substring(0, NAME_LENGTH - tail.length()) + tail;
        }
        return name;
    }

    /**
     * @param bytes a size
     * @return it in kB with one decimal, at least 0.1 (shown with the page's number format)
     */
    public static java.math.BigDecimal kilobytes(long bytes) {
        return java.math.BigDecimal.valueOf(Math.max(1, Math.round(bytes / 102.4)), 1);
    }

    private Document find(Connection c, long documentId) throws SQLException {
        List<Document> found = read(c, "d.id = ?", documentId);
        if (found.isEmpty()) {
            throw new ConferenceException("conference.error.unknown-document", documentId);
        }
        return found.get(0);
    }

    private static List<Document> read(Connection c, String where, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.meeting_id, m.title, d.file_name, d.media_type, "
                + "d.size_bytes, d.uploaded_by, d.uploaded_at FROM conf_document d JOIN conf_meeting m ON m.id = d.meeting_id "
                + "WHERE " + where + " ORDER BY d.id")) {
            ps.setLong(1, id);
            List<Document> documents = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    documents.add(new Document(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
            }
            return documents;
        }
    }

    /**
     * Who may see a meeting: coordinators, and the technical contacts of its points. Refusals are
     * audited; an unknown meeting is reported as such.
     */
    private void requireSee(Connection c, long meetingId, String action, String target) throws SQLException {
        CurrentUser user = users.current();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM conf_meeting WHERE id = ?")) {
            ps.setLong(1, meetingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ConferenceException("conference.error.unknown-meeting", meetingId);
                }
            }
        }
        if (user.isPermitted(ConferencePermissions.BOOKING_MANAGE) || user.isPermitted(ConferencePermissions.ATTENDANCE_RECORD)) {
            return;
        }
        if (user.isAuthenticated() && user.isPermitted(ConferencePermissions.READINESS_CONFIRM)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM conf_meeting_point mp JOIN conf_point p "
                    + "ON p.id = mp.point_id WHERE mp.meeting_id = ? AND p.contact_user = ?")) {
                ps.setLong(1, meetingId);
                ps.setString(2, user.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
        }
        audit.record(action, target, Outcome.DENIED, "may not see meeting " + meetingId);
        throw new AccessDeniedException(ConferencePermissions.BOOKING_MANAGE);
    }

    private void require(String permission, String action, String target) {
        if (!users.current().isPermitted(permission)) {
            audit.record(action, target, Outcome.DENIED, "missing " + permission);
            throw new AccessDeniedException(permission);
        }
    }
}
