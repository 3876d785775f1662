package vn.congso.publishing.internal.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.CurrentUserService;
import vn.congso.api.audit.AuditLog;
import vn.congso.api.audit.AuditLog.Message;
import vn.congso.api.audit.AuditLog.Outcome;
import vn.congso.api.data.Database;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.publishing.internal.content.Folding;

/**
 * Articles, their revisions, comments and categories in the platform database, and the editorial
 * workflow: every change checks its permission here (not only in the views), is audited with a
 * translation key and arguments, and a save names the version it started from, so a second editor
 * saving the same article is told instead of silently overwriting the first.
 */
@Component(service = ArticleService.class)
public final class ArticleService {

    /** Longest title. */
    public static final int MAX_TITLE = 300;
    /** Longest summary. */
    public static final int MAX_SUMMARY = 1000;
    /** Longest body (characters of Markdown). */
    public static final int MAX_BODY = 200_000;
    /** Longest comment. */
    public static final int MAX_COMMENT = 4000;
    /** An online procedure's code: letters, digits, dots, hyphens, underscores. */
    static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A category id, which is also its URL segment. */
    static final Pattern CATEGORY_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final String COLUMNS = "id, slug, title, summary, body, category_id, tags, language, author,"
            + " author_name, cover_id, procedures, pinned, featured, state, publish_at, unpublish_at, review_at,"
            + " version, updated_at, views";

    private final Logger log = LoggerFactory.getLogger(ArticleService.class);
    private final Database database;
    private final CurrentUserService users;
    private final AuditLog audit;
    private final Clock clock;
    private final List<PublicationListener> listeners = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong publications = new java.util.concurrent.atomic.AtomicLong();
    private final AudienceCounts audience = new AudienceCounts();

    /**
     * @param database the database
     * @param users who is asking
     * @param audit the audit log
     */
    @Activate
    public ArticleService(@Reference Database database, @Reference CurrentUserService users,
            @Reference AuditLog audit) {
        this(database, users, audit, Clock.systemUTC());
    }

    ArticleService(Database database, CurrentUserService users, AuditLog audit, Clock clock) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes what was counted in memory before the service goes (a stop, an update of the plugin). */
    @org.osgi.service.component.annotations.Deactivate
    void stop() {
        flushAudience();
    }

    /** @param listener told about publications */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(PublicationListener listener) {
        listeners.add(listener);
    }

    /** @param listener no longer told */
    public void removeListener(PublicationListener listener) {
        listeners.remove(listener);
    }

    // ---- categories ----

    /** @return the categories in menu order (public) */
    public List<Category> categories() {
        return query("SELECT id, name_vi, name_en, sort_order FROM publishing_category ORDER BY sort_order, id",
                rs -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    /**
     * @param id a category id
     * @return the category
     */
    public Optional<Category> category(String id) {
        return categories().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Adds a category or renames one.
     *
     * @param nameVi Vietnamese name
     * @param nameEn English name
     * @param order position
     * @return the category (its id folded from the Vietnamese name when new)
     */
    public Category saveCategory(String id, String nameVi, String nameEn, int order) {
        require(PublishingPermissions.CATEGORIES, "publishing.category.save", String.valueOf(id));
        if (nameVi == null || nameVi.isBlank() || nameVi.strip().length() > 200
                || (nameEn != null && nameEn.strip().length() > 200)) {
            throw new ArticleException("publishing.error.category-name");
        }
        String en = nameEn == null || nameEn.isBlank() ? nameVi.strip() : nameEn.strip();
        boolean isNew = id == null || id.isBlank();
        String key = isNew ? Folding.slug(nameVi) : id;
        if (!CATEGORY_ID.matcher(key).matches() || key.length() > 64) {
            throw new ArticleException("publishing.error.category-name");
        }
        try (Connection c = database.dataSource().getConnection()) {
            String sql = isNew
                    ? "INSERT INTO publishing_category (name_vi, name_en, sort_order, id) VALUES (?, ?, ?, ?)"
                    : "UPDATE publishing_category SET name_vi = ?, name_en = ?, sort_order = ? WHERE id = ?";
            if (isNew && category(key).isPresent()) {
                throw new ArticleException("publishing.error.category-exists", nameVi.strip());
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, nameVi.strip());
                ps.setString(2, en);
                ps.setInt(3, order);
                ps.setString(4, key);
                if (ps.executeUpdate() != 1) {
                    throw new ArticleException("publishing.error.not-found");
                }
            }
        } catch (SQLException e) {
            throw failure("publishing.category.save", key, e);
        }
        audit.record("publishing.category.save", key, Outcome.SUCCESS,
                Message.of("publishing.audit.category-saved", nameVi.strip()));
        return new Category(key, nameVi.strip(), en, order);
    }

    /**
     * Removes a category no article uses.
     *
     * @param id the category
     */
    public void deleteCategory(String id) {
        require(PublishingPermissions.CATEGORIES, "publishing.category.delete", id);
        try (Connection c = database.dataSource().getConnection()) {
            if (count(c, "SELECT COUNT(*) FROM publishing_article WHERE category_id = ?", id) > 0) {
                throw new ArticleException("publishing.error.category-used");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM publishing_category WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("publishing.category.delete", id, e);
        }
        audit.record("publishing.category.delete", id, Outcome.SUCCESS, Message.of("publishing.audit.category-deleted", id));
    }

    // ---- editing ----

    /** @return whether the current user may open the editorial screens */
    public boolean mayView() {
        return users.current().isPermitted(PublishingPermissions.VIEW);
    }

    /**
     * @param permission a permission
     * @return whether the current user holds it
     */
    public boolean may(String permission) {
        return users.current().isPermitted(permission);
    }

    /**
     * Creates a draft; its first revision is kept.
     *
     * @param draft the content
     * @return the article
     */
    public Article create(ArticleDraft draft) {
        CurrentUser user = require(PublishingPermissions.EDIT, "publishing.article.create", "");
        ArticleDraft clean = check(draft, null);
        return insertAll(user, List.of(clean), "publishing.article.create").get(0);
    }

    /**
     * Reads articles to import and checks each as {@link #create} would, saving nothing.
     *
     * @param fileName the upload's name: a ZIP archive, or one Markdown or HTML file
     * @param in its content
     * @return what would be imported, and every problem by file and line
     * @throws IOException when the upload cannot be read
     */
    public ArticleImport.Preview previewImport(String fileName, InputStream in) throws IOException {
        require(PublishingPermissions.EDIT, "publishing.article.import", fileName);
        return checked(new ArticleImport(categories()).read(fileName, in));
    }

    /**
     * Reads articles to import from a folder or a ZIP archive on the server (the console's).
     *
     * @param path the folder or archive
     * @return what would be imported, and every problem by file and line
     * @throws IOException when it cannot be read
     */
    public ArticleImport.Preview previewImport(Path path) throws IOException {
        require(PublishingPermissions.EDIT, "publishing.article.import", path.getFileName().toString());
        return checked(new ArticleImport(categories()).read(path));
    }

    private ArticleImport.Preview checked(ArticleImport.Preview read) {
        List<ArticleImport.Problem> problems = new ArrayList<>(read.problems());
        List<ArticleImport.Item> items = new ArrayList<>();
        for (ArticleImport.Item item : read.items()) {
            try {
                items.add(new ArticleImport.Item(item.file(), check(item.draft(), null), item.lines()));
            } catch (ArticleException e) {
                int line = switch (e.key()) {
                    case "publishing.error.title-required", "publishing.error.title-too-long" -> item.line("title");
                    case "publishing.error.summary-too-long" -> item.line("summary");
                    case "publishing.error.tags-too-long" -> item.line("tags");
                    default -> 0;
                };
                problems.add(new ArticleImport.Problem(item.file(), line, e.key(), List.of(e.args())));
            }
        }
        return new ArticleImport.Preview(items, problems, read.ignored());
    }

    /**
     * Imports every article of a preview as drafts, in one transaction: any problem, or any
     * failure while saving, and nothing is saved.
     *
     * @param preview from {@link #previewImport}
     * @return the drafts created
     * @throws ArticleException {@code publishing.import.error.not-ok} when the preview has problems
     */
    public List<Article> importAll(ArticleImport.Preview preview) {
        CurrentUser user = require(PublishingPermissions.EDIT, "publishing.article.import", "");
        if (!preview.ok()) {
            throw refused("publishing.article.import", 0, "publishing.import.error.not-ok");
        }
        List<ArticleDraft> clean = preview.items().stream().map(i -> check(i.draft(), null)).toList();
        List<Article> created = insertAll(user, clean, "publishing.article.create");
        audit.record("publishing.article.import", "", Outcome.SUCCESS,
                Message.of("publishing.audit.imported", created.size()));
        return created;
    }

    private List<Article> insertAll(CurrentUser user, List<ArticleDraft> drafts, String action) {
        Instant now = now();
        List<Long> ids = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                for (ArticleDraft clean : drafts) {
                    String slug = uniqueSlug(c, Folding.slug(clean.title()));
                    long id;
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO publishing_article (slug, title, summary,"
                            + " body, category_id, tags, language, author, author_name, procedures, pinned, featured,"
                            + " state, publish_at, unpublish_at, review_at, version, created_at, updated_at, views)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)",
                            Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, slug);
                        int i = bindContent(ps, 2, clean);
                        ps.setString(i++, user.id());
                        ps.setString(i++, truncate(user.displayName(), 200));
                        ps.setString(i++, String.join(",", clean.procedures()));
                        ps.setBoolean(i++, clean.pinned());
                        ps.setBoolean(i++, clean.featured());
                        ps.setString(i++, ArticleState.DRAFT.name());
                        ps.setTimestamp(i++, ts(clean.publishAt()));
                        ps.setTimestamp(i++, ts(clean.unpublishAt()));
                        ps.setTimestamp(i++, ts(clean.reviewAt()));
                        ps.setTimestamp(i++, ts(now));
                        ps.setTimestamp(i, ts(now));
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    addRevision(c, id, clean, user.id(), now);
                    ids.add(id);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(action, "", e);
        }
        List<Article> created = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            audit.record(action, String.valueOf(ids.get(n)), Outcome.SUCCESS,
                    Message.of("publishing.audit.created", drafts.get(n).title()));
            created.add(get(ids.get(n)));
        }
        return created;
    }

    /**
     * Saves a draft's new content, keeping a revision.
     *
     * @param id the article
     * @param expectedVersion the version the editor started from
     * @param draft the content
     * @return the article
     * @throws ArticleException {@code publishing.error.conflict} when someone saved in between
     */
    public Article save(long id, int expectedVersion, ArticleDraft draft) {
        CurrentUser user = require(PublishingPermissions.EDIT, "publishing.article.save", String.valueOf(id));
        Article current = get(id);
        if (!Workflow.editable(current.state())) {
            throw refused("publishing.article.save", id, "publishing.error.not-editable");
        }
        ArticleDraft clean = check(draft, current);
        Instant now = now();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE publishing_article SET title = ?, summary = ?,"
                        + " body = ?, category_id = ?, tags = ?, language = ?, procedures = ?, pinned = ?, featured = ?,"
                        + " publish_at = ?, unpublish_at = ?, review_at = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ? AND state = ?")) {
                    int i = bindContent(ps, 1, clean);
                    ps.setString(i++, String.join(",", clean.procedures()));
                    ps.setBoolean(i++, clean.pinned());
                    ps.setBoolean(i++, clean.featured());
                    ps.setTimestamp(i++, ts(clean.publishAt()));
                    ps.setTimestamp(i++, ts(clean.unpublishAt()));
                    ps.setTimestamp(i++, ts(clean.reviewAt()));
                    ps.setTimestamp(i++, ts(now));
                    ps.setLong(i++, id);
                    ps.setInt(i++, expectedVersion);
                    ps.setString(i, ArticleState.DRAFT.name());
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        throw refused("publishing.article.save", id, "publishing.error.conflict");
                    }
                }
                addRevision(c, id, clean, user.id(), now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("publishing.article.save", String.valueOf(id), e);
        }
        audit.record("publishing.article.save", String.valueOf(id), Outcome.SUCCESS,
                Message.of("publishing.audit.saved", clean.title()));
        return get(id);
    }

    /**
     * Takes a workflow step.
     *
     * @param id the article
     * @param transition the step
     * @return the article afterwards
     */
    public Article transition(long id, Transition transition) {
        String action = "publishing.article." + transition.name().toLowerCase(java.util.Locale.ROOT);
        require(transition.permission(), action, String.valueOf(id));
        Article current = get(id);
        if (!Workflow.allowed(transition, current.state())) {
            throw refused(action, id, "publishing.error.transition");
        }
        Instant now = now();
        ArticleState target = Workflow.target(transition, current.publishAt(), now);
        Instant publishAt = current.publishAt();
        if (transition == Transition.PUBLISH && target == ArticleState.PUBLISHED) {
            publishAt = now;
        }
        if (transition == Transition.PUBLISH && current.unpublishAt() != null && !current.unpublishAt().isAfter(now)) {
            throw refused(action, id, "publishing.error.unpublish-past");
        }
        move(id, current.state(), target, publishAt, action, current.title());
        Article after = get(id);
        notifyListeners(after);
        return after;
    }

    /**
     * Publishes what is scheduled for now or earlier and archives what reached its unpublish time;
     * run by the scheduler as a system actor, with nobody signed in.
     *
     * @return how many articles changed
     */
    public int runDue() {
        require(PublishingPermissions.PUBLISH, "publishing.schedule.run", "");
        Instant now = now();
        int changed = 0;
        for (Article a : query("SELECT " + COLUMNS + " FROM publishing_article WHERE state = ? AND publish_at <= ?",
                this::article, ArticleState.SCHEDULED.name(), ts(now))) {
            if (move(a.id(), ArticleState.SCHEDULED, ArticleState.PUBLISHED, a.publishAt(),
                    "publishing.article.scheduled-publish", a.title())) {
                notifyListeners(get(a.id()));
                changed++;
            }
        }
        for (Article a : query("SELECT " + COLUMNS + " FROM publishing_article WHERE state = ? AND unpublish_at <= ?",
                this::article, ArticleState.PUBLISHED.name(), ts(now))) {
            if (move(a.id(), ArticleState.PUBLISHED, ArticleState.ARCHIVED, a.publishAt(),
                    "publishing.article.scheduled-unpublish", a.title())) {
                notifyListeners(get(a.id()));
                changed++;
            }
        }
        return changed;
    }

    private boolean move(long id, ArticleState from, ArticleState to, Instant publishAt, String action, String title) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE publishing_article SET state = ?, publish_at = ?,"
                        + " version = version + 1, updated_at = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, to.name());
            ps.setTimestamp(2, ts(publishAt));
            ps.setTimestamp(3, ts(now()));
            ps.setLong(4, id);
            ps.setString(5, from.name());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw failure(action, String.valueOf(id), e);
        }
        audit.record(action, String.valueOf(id), Outcome.SUCCESS,
                Message.of("publishing.audit.moved", title, from.name(), to.name()));
        return true;
    }

    /**
     * A number that changes whenever an article appears on or leaves the portal, so that what is
     * built from the published articles (the feeds) knows when to build again.
     *
     * @return the count of publications and take-downs since start
     */
    public long publicationCount() {
        return publications.get();
    }

    private void notifyListeners(Article article) {
        publications.incrementAndGet();
        for (PublicationListener l : listeners) {
            try {
                if (article.state() == ArticleState.PUBLISHED) {
                    l.published(article);
                } else {
                    l.withdrawn(article.id());
                }
            } catch (RuntimeException e) {
                // The database is the truth; the index is rebuilt with congso:publishing-reindex.
                log.warn("A publication listener failed for article {}; reindex to recover", article.id(), e);
            }
        }
    }

    /**
     * Adds a comment between editor and reviewer.
     *
     * @param id the article
     * @param text the comment
     * @return the comment
     */
    public Comment comment(long id, String text) {
        CurrentUser user = users.current();
        if (!user.isPermitted(PublishingPermissions.EDIT) && !user.isPermitted(PublishingPermissions.REVIEW)
                && !user.isPermitted(PublishingPermissions.PUBLISH)) {
            audit.record("publishing.article.comment", String.valueOf(id), Outcome.DENIED,
                    Message.of("publishing.audit.denied", PublishingPermissions.REVIEW));
            throw new AccessDeniedException(PublishingPermissions.REVIEW);
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_COMMENT) {
            throw new ArticleException("publishing.error.comment", MAX_COMMENT);
        }
        Article article = get(id);
        Instant now = now();
        long commentId;
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO publishing_comment (article_id, author,"
                        + " author_name, body, created_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, id);
            ps.setString(2, user.id());
            ps.setString(3, truncate(user.displayName(), 200));
            ps.setString(4, body);
            ps.setTimestamp(5, ts(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                commentId = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("publishing.article.comment", String.valueOf(id), e);
        }
        audit.record("publishing.article.comment", String.valueOf(id), Outcome.SUCCESS,
                Message.of("publishing.audit.commented", article.title()));
        return new Comment(commentId, id, user.id(), user.displayName(), body, now);
    }

    /**
     * @param id the article
     * @return its comments, oldest first
     */
    public List<Comment> comments(long id) {
        requireView();
        return query("SELECT id, article_id, author, author_name, body, created_at FROM publishing_comment"
                + " WHERE article_id = ? ORDER BY id", rs -> new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))), id);
    }

    /**
     * @param id the article
     * @return its revisions, newest first
     */
    public List<Revision> revisions(long id) {
        requireView();
        return query("SELECT id, article_id, number, title, summary, body, saved_by, saved_at FROM publishing_revision"
                + " WHERE article_id = ? ORDER BY number DESC", rs -> new Revision(rs.getLong(1), rs.getLong(2),
                        rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        instant(rs.getTimestamp(8))), id);
    }

    /**
     * Puts an old revision's text back as the draft's content (a new revision; nothing is lost).
     *
     * @param id the article
     * @param revisionNumber the revision
     * @param expectedVersion the version the editor sees
     * @return the article
     */
    public Article restore(long id, int revisionNumber, int expectedVersion) {
        Article current = get(id);
        Revision old = revisions(id).stream().filter(r -> r.number() == revisionNumber).findFirst()
                .orElseThrow(() -> new ArticleException("publishing.error.not-found"));
        ArticleDraft draft = ArticleDraft.of(current);
        Article saved = save(id, expectedVersion, new ArticleDraft(old.title(), old.summary(), old.body(),
                draft.categoryId(), draft.tags(), draft.language(), draft.procedures(), draft.pinned(), draft.featured(),
                draft.publishAt(), draft.unpublishAt(), draft.reviewAt()));
        audit.record("publishing.article.restore", String.valueOf(id), Outcome.SUCCESS,
                Message.of("publishing.audit.restored", current.title(), revisionNumber));
        return saved;
    }

    /**
     * An article for the editorial screens.
     *
     * @param id its id
     * @return the article
     */
    public Article get(long id) {
        requireView();
        List<Article> found = query("SELECT " + COLUMNS + " FROM publishing_article WHERE id = ?", this::article, id);
        if (found.isEmpty()) {
            throw new ArticleException("publishing.error.not-found");
        }
        return found.get(0);
    }

    /**
     * The editorial list.
     *
     * @param state only this state, or null
     * @param categoryId only this category, or null
     * @param text words of the title (folded match), or blank
     * @param limit most rows
     * @return the articles, last changed first
     */
    public List<Article> find(ArticleState state, String categoryId, String text, int limit) {
        requireView();
        flushAudience(); // the list shows each article's views
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM publishing_article WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (categoryId != null) {
            sql.append(" AND category_id = ?");
            args.add(categoryId);
        }
        sql.append(" ORDER BY updated_at DESC, id DESC");
        String needle = Folding.fold(text == null ? "" : text.strip());
        int most = Math.max(1, limit);
        if (needle.isEmpty()) {
            return query(sql + " FETCH NEXT " + most + " ROWS ONLY", this::article, args.toArray());
        }
        // Titles folded in Java (the marks make SQL LIKE useless): read ids and titles only, then
        // the matching articles.
        List<Long> ids = new ArrayList<>();
        for (Object[] row : query(sql.toString().replace("SELECT " + COLUMNS, "SELECT id, title"),
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, args.toArray())) {
            if (Folding.fold((String) row[1]).contains(needle)) {
                ids.add((Long) row[0]);
                if (ids.size() == most) {
                    break;
                }
            }
        }
        return ids.stream().map(this::get).toList();
    }

    /**
     * Drafts whose review date has come (reminders on the editorial list).
     *
     * @return published articles due for review
     */
    public List<Article> reviewDue() {
        requireView();
        return query("SELECT " + COLUMNS + " FROM publishing_article WHERE state = ? AND review_at <= ? ORDER BY review_at",
                this::article, ArticleState.PUBLISHED.name(), ts(now()));
    }

    /**
     * Published articles whose review date has come and whose author has not yet been reminded of
     * that date (a review date moved later is reminded of again when it comes).
     *
     * @return the articles, earliest review date first
     */
    public List<Article> reviewRemindersDue() {
        require(PublishingPermissions.PUBLISH, "publishing.review.remind", "");
        return query("SELECT " + COLUMNS + " FROM publishing_article WHERE state = ? AND review_at <= ?"
                + " AND (review_reminded_for IS NULL OR review_reminded_for <> review_at) ORDER BY review_at",
                this::article, ArticleState.PUBLISHED.name(), ts(now()));
    }

    /**
     * Claims the reminder of one review date, so that it is sent once even when two servers or two
     * runs meet it: only the caller that gets {@code true} sends it.
     *
     * @param article the article as read by {@link #reviewRemindersDue()}
     * @param recipients who is reminded, for the audit log
     * @return whether this caller claimed it
     */
    public boolean claimReviewReminder(Article article, String recipients) {
        require(PublishingPermissions.PUBLISH, "publishing.review.remind", String.valueOf(article.id()));
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE publishing_article SET review_reminded_for = review_at"
                        + " WHERE id = ? AND state = ? AND review_at = ?"
                        + " AND (review_reminded_for IS NULL OR review_reminded_for <> review_at)")) {
            ps.setLong(1, article.id());
            ps.setString(2, ArticleState.PUBLISHED.name());
            ps.setTimestamp(3, ts(article.reviewAt()));
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw failure("publishing.review.remind", String.valueOf(article.id()), e);
        }
        audit.record("publishing.review.remind", String.valueOf(article.id()), Outcome.SUCCESS,
                Message.of("publishing.audit.review-reminded", article.title(), recipients));
        return true;
    }

    // ---- files ----

    /** The largest cover image accepted. */
    public static final long MAX_COVER_BYTES = 8L * 1024 * 1024;
    /** The largest attachment accepted. */
    public static final long MAX_ATTACHMENT_BYTES = 15L * 1024 * 1024;
    /** The media type of DOCX documents. */
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /**
     * Sets a draft's cover image: resized to {@link vn.congso.publishing.internal.content.CoverImages#WIDTHS}.
     *
     * @param id the article
     * @param fileName the name it was sent under
     * @param bytes the image (sniffed as PNG, JPEG or GIF by the upload check)
     * @return the article
     */
    public Article setCover(long id, String fileName, byte[] bytes) {
        require(PublishingPermissions.EDIT, "publishing.article.cover", String.valueOf(id));
        Article article = get(id);
        if (!Workflow.editable(article.state())) {
            throw refused("publishing.article.cover", id, "publishing.error.not-editable");
        }
        List<vn.congso.publishing.internal.content.CoverImages.Variant> variants;
        try {
            variants = vn.congso.publishing.internal.content.CoverImages.resize(bytes);
        } catch (java.io.IOException e) {
            audit.record("publishing.article.cover", String.valueOf(id), Outcome.DENIED, String.valueOf(e.getMessage()));
            throw new ArticleException("publishing.error.image", vn.congso.publishing.internal.content.CoverImages.MAX_SIDE);
        }
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM publishing_file WHERE article_id = ? AND kind LIKE 'cover-%'")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                long last = 0;
                for (var v : variants) {
                    last = insertFile(c, id, "cover-" + v.width(), "cover-" + v.width() + ".jpg", "image/jpeg", v.jpeg());
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE publishing_article SET cover_id = ?, version = version + 1, updated_at = ? WHERE id = ?")) {
                    ps.setLong(1, last);
                    ps.setTimestamp(2, ts(now()));
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("publishing.article.cover", String.valueOf(id), e);
        }
        audit.record("publishing.article.cover", String.valueOf(id), Outcome.SUCCESS,
                Message.of("publishing.audit.file-added", article.title(), truncate(fileName, 200)));
        return get(id);
    }

    /**
     * Adds an attachment (PDF or DOCX) to a draft.
     *
     * @param id the article
     * @param fileName the name it was sent under
     * @param mediaType the type found by sniffing
     * @param bytes the content
     * @return the stored file
     */
    public StoredFile addAttachment(long id, String fileName, String mediaType, byte[] bytes) {
        require(PublishingPermissions.EDIT, "publishing.article.attach", String.valueOf(id));
        Article article = get(id);
        if (!Workflow.editable(article.state())) {
            throw refused("publishing.article.attach", id, "publishing.error.not-editable");
        }
        if (!"application/pdf".equals(mediaType) && !DOCX.equals(mediaType) || bytes.length > MAX_ATTACHMENT_BYTES) {
            throw refused("publishing.article.attach", id, "publishing.error.attachment");
        }
        String name = safeFileName(fileName, "application/pdf".equals(mediaType) ? "pdf" : "docx");
        long fileId;
        try (Connection c = database.dataSource().getConnection()) {
            fileId = insertFile(c, id, "attachment", name, mediaType, bytes);
        } catch (SQLException e) {
            throw failure("publishing.article.attach", String.valueOf(id), e);
        }
        audit.record("publishing.article.attach", String.valueOf(id), Outcome.SUCCESS,
                Message.of("publishing.audit.file-added", article.title(), name));
        return new StoredFile(fileId, id, "attachment", name, mediaType, bytes.length);
    }

    /**
     * The attachments of an article.
     *
     * @param id the article
     * @return its attachments (no cover widths)
     */
    public List<StoredFile> attachments(long id) {
        return query("SELECT id, article_id, kind, name, media_type, size_bytes FROM publishing_file"
                + " WHERE article_id = ? AND kind = 'attachment' ORDER BY id", rs -> new StoredFile(rs.getLong(1),
                        rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)), id);
    }

    /**
     * A file's bytes, for anyone when its article is published, otherwise for editorial staff.
     *
     * @param articleId the article
     * @param kind {@code cover-<width>} or {@code attachment}
     * @param fileId the file's id, or 0 for the (single) file of the kind
     * @return the file and its bytes
     */
    public Optional<java.util.Map.Entry<StoredFile, byte[]>> file(long articleId, String kind, long fileId) {
        boolean published = publishedById(articleId).isPresent();
        if (!published) {
            CurrentUser user = users.current();
            if (!user.isPermitted(PublishingPermissions.VIEW) && !user.isPermitted(PublishingPermissions.EDIT)
                    && !user.isPermitted(PublishingPermissions.REVIEW)) {
                return Optional.empty();
            }
        }
        String sql = "SELECT id, article_id, kind, name, media_type, size_bytes, content FROM publishing_file"
                + " WHERE article_id = ? AND kind = ?" + (fileId > 0 ? " AND id = ?" : "");
        Object[] args = fileId > 0 ? new Object[] {articleId, kind, fileId} : new Object[] {articleId, kind};
        return query(sql, rs -> java.util.Map.entry(new StoredFile(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6)), rs.getBytes(7)), args).stream().findFirst();
    }

    /**
     * @param articleId an article
     * @return the cover widths it has, smallest first
     */
    public List<Integer> coverWidths(long articleId) {
        return query("SELECT kind FROM publishing_file WHERE article_id = ? AND kind LIKE 'cover-%'",
                rs -> Integer.parseInt(rs.getString(1).substring("cover-".length())), articleId).stream().sorted().toList();
    }

    private long insertFile(Connection c, long articleId, String kind, String name, String mediaType, byte[] bytes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO publishing_file (article_id, kind, name, media_type,"
                + " size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, articleId);
            ps.setString(2, kind);
            ps.setString(3, name);
            ps.setString(4, mediaType);
            ps.setLong(5, bytes.length);
            ps.setBytes(6, bytes);
            ps.setTimestamp(7, ts(now()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** An ASCII file name (served in a Content-Disposition header): folded, only safe characters. */
    static String safeFileName(String fileName, String extension) {
        String base = fileName == null ? "" : fileName.replaceAll("(?i)\\.[a-z0-9]{1,5}$", "");
        return Folding.slug(base) + "." + extension;
    }

    // ---- the public portal (no permission: published articles only) ----

    /**
     * @param slug the URL segment
     * @return the published article
     */
    public Optional<Article> published(String slug) {
        if (!Folding.isSlug(slug)) {
            return Optional.empty();
        }
        return query("SELECT " + COLUMNS + " FROM publishing_article WHERE slug = ? AND state = ?", this::article, slug,
                ArticleState.PUBLISHED.name()).stream().findFirst();
    }

    /**
     * @param id an id
     * @return the published article with this id
     */
    public Optional<Article> publishedById(long id) {
        return query("SELECT " + COLUMNS + " FROM publishing_article WHERE id = ? AND state = ?", this::article, id,
                ArticleState.PUBLISHED.name()).stream().findFirst();
    }

    /**
     * Published articles, pinned first, then newest.
     *
     * @param categoryId a category, or null for all
     * @param offset rows to skip
     * @param limit most rows
     * @return a page
     */
    public List<Article> publishedPage(String categoryId, int offset, int limit) {
        String where = categoryId == null ? "" : " AND category_id = ?";
        Object[] args = categoryId == null ? new Object[] {ArticleState.PUBLISHED.name()}
                : new Object[] {ArticleState.PUBLISHED.name(), categoryId};
        if (limit <= 0) {
            return List.of();
        }
        // Paged by the database on the indexes ix_publishing_article_latest / _category_latest: a
        // portal page or feed reads its rows, not every published article.
        // Derby's optimizer, left alone, took the single-column category index for a category's
        // page and sorted the whole category (445 ms at 100,000 articles, PortalBenchmark): the
        // index is named for it. The hint is a comment to any other database.
        String hint = categoryId == null ? "" : " --DERBY-PROPERTIES index=IX_PUBLISHING_ARTICLE_CAT_LATEST\n";
        return query("SELECT " + COLUMNS + " FROM publishing_article" + hint + " WHERE state = ?" + where
                + " ORDER BY " + (categoryId == null ? "" : "pinned DESC, ") + "publish_at DESC, id DESC"
                + " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + limit + " ROWS ONLY", this::article, args);
    }

    /**
     * The ids of every published article, in id order (read from the state index alone), for
     * walking all of them a page at a time with {@link #articles(List)} (the search index's
     * rebuild) without holding them all.
     *
     * @return the ids
     */
    public List<Long> publishedIds() {
        return query("SELECT id FROM publishing_article WHERE state = ? ORDER BY id", rs -> rs.getLong(1),
                ArticleState.PUBLISHED.name());
    }

    /**
     * Articles by id, read by their primary key.
     *
     * @param ids at most a few hundred ids
     * @return the articles that exist, in id order
     */
    public List<Article> articles(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return query("SELECT " + COLUMNS + " FROM publishing_article WHERE id IN (" + marks + ") ORDER BY id", this::article,
                ids.toArray());
    }

    /**
     * @param categoryId a category, or null for all
     * @return how many articles are published there
     */
    public int publishedCount(String categoryId) {
        try (Connection c = database.dataSource().getConnection()) {
            return categoryId == null
                    ? (int) count(c, "SELECT COUNT(*) FROM publishing_article WHERE state = ?", ArticleState.PUBLISHED.name())
                    : (int) count(c, "SELECT COUNT(*) FROM publishing_article WHERE state = ? AND category_id = ?",
                            ArticleState.PUBLISHED.name(), categoryId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count articles", e);
        }
    }

    /** @return featured published articles, newest first */
    public List<Article> featured() {
        return query("SELECT " + COLUMNS + " FROM publishing_article WHERE state = ? AND featured = ?"
                + " ORDER BY publish_at DESC", this::article, ArticleState.PUBLISHED.name(), Boolean.TRUE);
    }

    /**
     * Counts one view of a published article (no cookie, nothing about the reader): in memory,
     * written to the database by {@link #flushAudience()} (the scheduler's every run, and before
     * any figure is read).
     *
     * @param id the article
     */
    public void countView(long id) {
        audience.view(id, today());
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(now(), vn.congso.api.indicators.Period.ZONE);
    }

    /**
     * Writes the visits and views counted since the last call, in one transaction; what cannot be
     * written is kept for the next call.
     */
    public void flushAudience() {
        synchronized (audience) {
            AudienceCounts.Pending pending = audience.drain(today());
            if (pending.isEmpty()) {
                return;
            }
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    for (var e : pending.visits().entrySet()) {
                        addDay(c, "UPDATE publishing_visit_day SET visits = visits + ? WHERE day = ?",
                                "INSERT INTO publishing_visit_day (visits, day) VALUES (?, ?)", e.getValue(),
                                java.sql.Date.valueOf(e.getKey()), null);
                    }
                    for (var e : pending.views().entrySet()) {
                        long id = e.getKey().article();
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE publishing_article SET views = views + ? WHERE id = ?")) {
                            ps.setLong(1, e.getValue());
                            ps.setLong(2, id);
                            if (ps.executeUpdate() == 0) {
                                continue; // the article was deleted since: nothing to count on
                            }
                        }
                        addDay(c, "UPDATE publishing_view_day SET views = views + ? WHERE day = ? AND article_id = ?",
                                "INSERT INTO publishing_view_day (views, day, article_id) VALUES (?, ?, ?)", e.getValue(),
                                java.sql.Date.valueOf(e.getKey().day()), id);
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                audience.restore(pending);
                log.warn("Cannot write the portal's visits and views; kept for the next try", e);
            }
        }
    }

    /** Adds to a day's counter row, creating it when it is the day's first (only the flush writes these rows). */
    private static void addDay(Connection c, String update, String insert, long n, java.sql.Date day, Long article)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setLong(1, n);
            ps.setDate(2, day);
            if (article != null) {
                ps.setLong(3, article);
            }
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setLong(1, n);
            ps.setDate(2, day);
            if (article != null) {
                ps.setLong(3, article);
            }
            ps.executeUpdate();
        }
    }

    /**
     * Views of the public article pages per article in a period (the editors' audience figures).
     *
     * @param from first day, inclusive
     * @param to day after the last, exclusive
     * @return article id to views, most viewed first
     */
    public java.util.Map<Long, Long> viewsBetween(java.time.LocalDate from, java.time.LocalDate to) {
        requireView();
        flushAudience();
        java.util.Map<Long, Long> out = new java.util.LinkedHashMap<>();
        for (long[] row : query("SELECT article_id, SUM(views) FROM publishing_view_day WHERE day >= ? AND day < ?"
                + " GROUP BY article_id ORDER BY SUM(views) DESC", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    /**
     * Counts one opening of a portal page (home, category, article, search): the portal's visits
     * per day, with no cookie and nothing about the reader; in memory until {@link #flushAudience()}.
     */
    public void countVisit() {
        audience.visit(today());
    }

    /**
     * The portal's visits per day, every day of the period present (0 when nobody came).
     *
     * @param from first day, inclusive
     * @param to day after the last, exclusive
     * @return day to visits, in date order
     */
    public java.util.SortedMap<java.time.LocalDate, Long> visitsPerDay(java.time.LocalDate from, java.time.LocalDate to) {
        requireView();
        flushAudience();
        return perDay(from, to, query("SELECT day, visits FROM publishing_visit_day WHERE day >= ? AND day < ?",
                rs -> java.util.Map.entry(rs.getDate(1).toLocalDate(), rs.getLong(2)),
                java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)));
    }

    /**
     * One article's views per day, every day of the period present.
     *
     * @param id the article
     * @param from first day, inclusive
     * @param to day after the last, exclusive
     * @return day to views, in date order
     */
    public java.util.SortedMap<java.time.LocalDate, Long> viewsPerDay(long id, java.time.LocalDate from,
            java.time.LocalDate to) {
        requireView();
        flushAudience();
        return perDay(from, to, query("SELECT day, views FROM publishing_view_day WHERE article_id = ? AND day >= ? AND day < ?",
                rs -> java.util.Map.entry(rs.getDate(1).toLocalDate(), rs.getLong(2)), id,
                java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)));
    }

    private static java.util.SortedMap<java.time.LocalDate, Long> perDay(java.time.LocalDate from, java.time.LocalDate to,
            List<java.util.Map.Entry<java.time.LocalDate, Long>> rows) {
        if (!from.isBefore(to) || from.plusDays(MAX_AUDIENCE_DAYS).isBefore(to)) {
            throw new ArticleException("publishing.error.audience-period", MAX_AUDIENCE_DAYS);
        }
        java.util.SortedMap<java.time.LocalDate, Long> out = new java.util.TreeMap<>();
        for (java.time.LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            out.put(d, 0L);
        }
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The longest period of the audience figures, in days. */
    public static final int MAX_AUDIENCE_DAYS = 366;

    /**
     * Adds visits and article views to past days, for the demo's audience history: only on days
     * that have no figures yet, so real counts are never changed.
     *
     * @param visits day to portal visits
     * @param views article id to (day to views)
     */
    void seedAudience(java.util.Map<java.time.LocalDate, Long> visits,
            java.util.Map<Long, java.util.Map<java.time.LocalDate, Long>> views) {
        require(PublishingPermissions.PUBLISH, "publishing.demo.audience", "");
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement visit = c.prepareStatement("INSERT INTO publishing_visit_day (day, visits) VALUES (?, ?)");
                    PreparedStatement view = c.prepareStatement(
                            "INSERT INTO publishing_view_day (article_id, day, views) VALUES (?, ?, ?)");
                    PreparedStatement total = c.prepareStatement("UPDATE publishing_article SET views = views + ? WHERE id = ?")) {
                for (var e : visits.entrySet()) {
                    visit.setDate(1, java.sql.Date.valueOf(e.getKey()));
                    visit.setLong(2, e.getValue());
                    visit.addBatch();
                }
                visit.executeBatch();
                for (var article : views.entrySet()) {
                    long sum = 0;
                    for (var e : article.getValue().entrySet()) {
                        view.setLong(1, article.getKey());
                        view.setDate(2, java.sql.Date.valueOf(e.getKey()));
                        view.setLong(3, e.getValue());
                        view.addBatch();
                        sum += e.getValue();
                    }
                    total.setLong(1, sum);
                    total.setLong(2, article.getKey());
                    total.addBatch();
                }
                view.executeBatch();
                total.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("publishing.demo.audience", "", e);
        }
    }

    // ---- helpers ----

    private ArticleDraft check(ArticleDraft d, Article current) {
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) {
            throw new ArticleException("publishing.error.title-required");
        }
        if (title.length() > MAX_TITLE) {
            throw new ArticleException("publishing.error.title-too-long", MAX_TITLE);
        }
        String summary = d.summary() == null ? "" : d.summary().strip();
        if (summary.length() > MAX_SUMMARY) {
            throw new ArticleException("publishing.error.summary-too-long", MAX_SUMMARY);
        }
        String body = d.body() == null ? "" : d.body();
        if (body.length() > MAX_BODY) {
            throw new ArticleException("publishing.error.body-too-long", MAX_BODY);
        }
        if (d.categoryId() == null || category(d.categoryId()).isEmpty()) {
            throw new ArticleException("publishing.error.category-required");
        }
        String language = "en".equals(d.language()) ? "en" : "vi";
        List<String> tags = d.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.replace(",", " ")).distinct().toList();
        if (String.join(",", tags).length() > 500) {
            throw new ArticleException("publishing.error.tags-too-long");
        }
        for (String code : d.procedures()) {
            if (!PROCEDURE_CODE.matcher(code).matches()) {
                throw new ArticleException("publishing.error.procedure", code);
            }
        }
        if (String.join(",", d.procedures()).length() > 1000) {
            throw new ArticleException("publishing.error.procedure", "");
        }
        Instant now = now();
        boolean publishChanged = current == null || !java.util.Objects.equals(current.publishAt(), d.publishAt());
        if (d.publishAt() != null && publishChanged && d.publishAt().isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            throw new ArticleException("publishing.error.publish-past");
        }
        if (d.unpublishAt() != null) {
            if (!d.unpublishAt().isAfter(now)) {
                throw new ArticleException("publishing.error.unpublish-past");
            }
            if (d.publishAt() != null && !d.unpublishAt().isAfter(d.publishAt())) {
                throw new ArticleException("publishing.error.unpublish-before-publish");
            }
        }
        return new ArticleDraft(title, summary, body, d.categoryId(), tags, language, d.procedures().stream().distinct().toList(),
                d.pinned(), d.featured(), millis(d.publishAt()), millis(d.unpublishAt()), millis(d.reviewAt()));
    }

    private static int bindContent(PreparedStatement ps, int start, ArticleDraft d) throws SQLException {
        int i = start;
        ps.setString(i++, d.title());
        ps.setString(i++, d.summary());
        ps.setString(i++, d.body());
        ps.setString(i++, d.categoryId());
        ps.setString(i++, String.join(",", d.tags()));
        ps.setString(i++, d.language());
        return i;
    }

    private void addRevision(Connection c, long id, ArticleDraft d, String user, Instant now) throws SQLException {
        int number = (int) count(c, "SELECT COALESCE(MAX(number), 0) FROM publishing_revision WHERE article_id = ?", id) + 1;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO publishing_revision (article_id, number, title,"
                + " summary, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, number);
            ps.setString(3, d.title());
            ps.setString(4, d.summary());
            ps.setString(5, d.body());
            ps.setString(6, user);
            ps.setTimestamp(7, ts(now));
            ps.executeUpdate();
        }
    }

    private static String uniqueSlug(Connection c, String base) throws SQLException {
        String slug = base;
        for (int n = 2; count(c, "SELECT COUNT(*) FROM publishing_article WHERE slug = ?", slug) > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), split(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getLong(11), split(rs.getString(12)), rs.getBoolean(13), rs.getBoolean(14),
                ArticleState.valueOf(rs.getString(15)), instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)),
                instant(rs.getTimestamp(18)), rs.getInt(19), instant(rs.getTimestamp(20)), rs.getLong(21));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private CurrentUser require(String permission, String action, String target) {
        CurrentUser user = users.current();
        if (!user.isPermitted(permission)) {
            audit.record(action, target, Outcome.DENIED, Message.of("publishing.audit.denied", permission));
            throw new AccessDeniedException(permission);
        }
        return user;
    }

    private void requireView() {
        CurrentUser user = users.current();
        if (!user.isPermitted(PublishingPermissions.VIEW) && !user.isPermitted(PublishingPermissions.EDIT)
                && !user.isPermitted(PublishingPermissions.REVIEW) && !user.isPermitted(PublishingPermissions.PUBLISH)) {
            throw new AccessDeniedException(PublishingPermissions.VIEW);
        }
    }

    private ArticleException refused(String action, long id, String key) {
        audit.record(action, String.valueOf(id), Outcome.DENIED, Message.of(key));
        return new ArticleException(key);
    }

    private IllegalStateException failure(String action, String target, SQLException e) {
        audit.record(action, target, Outcome.FAILURE, String.valueOf(e.getMessage()));
        return new IllegalStateException("Publishing: " + action + " failed", e);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Publishing: cannot read", e);
        }
    }
}
