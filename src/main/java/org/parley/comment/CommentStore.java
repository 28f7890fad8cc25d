package org.parley.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.story.StoryStore;

/**
 * The SQL of comments, their revisions, respects and reports, and the only writer of {@code comments} rows.
 *
 * <p>Other packages change a comment through the named operations here ({@link #insert}, {@link #edit},
 * {@link #approve}, {@link #reject}, {@link #hold}, {@link #remove}, {@link #feature}, {@link #anonymizeAuthor},
 * {@link #claimGuestComments}, {@link #recordRespect}, {@link #recordReport}), inside their own transaction and
 * with what they decided as ready data, so this package needs none of theirs. Each operation tells the
 * in-transaction listeners ({@link #onChange}: webhooks, reply mails) and records one {@link CommentEvent} per
 * comment on the transaction, which {@link CommentEvents} publishes after the commit: one place to look for who
 * writes a comment and who hears of it. Reads for threads are in {@link Threads}. The file passes 300 lines on
 * purpose: cut in two, the row would have two writers again, each keeping half of the counters below.
 *
 * <p>Counters are kept in step inside the write's transaction, so a thread is read without counting:
 * {@code stories.comment_count} counts published comments; {@code comments.reply_count} counts a comment's
 * visible direct replies (published, or removed placeholders that still hold replies). Thread-safe.
 */
public final class CommentStore {

    static final String VISIBLE = "(c.status = 'published' OR (c.status = 'removed' AND c.reply_count > 0))";
    /** The columns {@link #comment} maps, for queries elsewhere that join {@link #JOINS}. */
    public static final String SELECT_COLUMNS = """
            c.id, c.story_id, c.parent_id, c.root_id, c.depth, c.reply_to_id, c.author_id, c.body, c.html,
            c.status, c.featured, c.respect_count, c.reply_count, c.created_at, c.edited_at,
            a.display_name AS author_name, ra.display_name AS reply_to_name""";
    /** The joins that give {@link #SELECT_COLUMNS} the author's and the answered comment's names. */
    public static final String JOINS = """
            FROM comments c
            JOIN accounts a ON a.id = c.author_id
            LEFT JOIN comments rc ON rc.id = c.reply_to_id
            LEFT JOIN accounts ra ON ra.id = rc.author_id
            """;
    static final String SELECT = "SELECT " + SELECT_COLUMNS + " " + JOINS;

    /**
     * Hears of the {@link CommentChange}s one write makes to a comment (a new, published comment is created and
     * published), all at once, inside the transaction that makes them; a failure rolls the write back.
     */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(Handle handle, String commentId, List<CommentChange> changes);
    }

    /** A moderator's decision, as the comment keeps it: who decided, and when. */
    public record Decided(String moderatorId, Instant at) {
    }

    /** An author's new text for a comment, and the status and findings the pipeline gave it (JSON, as stored). */
    public record Revision(String body, String html, Instant at, CommentStatus status, String reasons,
            String scores, String modelVersion) {
    }

    /** A reader's report of a comment. */
    public record NewReport(String id, String accountId, ReportReason reason, String note, Instant at) {
    }

    private final Jdbi jdbi;
    private final CommentEvents events;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    /** A store whose changes nobody hears after commit (imports, commands). */
    public CommentStore(Jdbi jdbi) {
        this(jdbi, new CommentEvents());
    }

    /** A store that announces its changes through {@code events} once their transaction commits. */
    public CommentStore(Jdbi jdbi, CommentEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    /** Adds a listener that runs inside every transaction that creates, edits or changes the status of a comment. */
    public void onChange(ChangeListener listener) {
        listeners.add(listener);
    }

    private void tell(Handle handle, String commentId, CommentChange... changes) {
        List<CommentChange> made = List.of(changes);
        for (ChangeListener listener : listeners) {
            listener.changed(handle, commentId, made);
        }
    }

    private void announce(Handle handle, CommentEvent.Type type, Comment comment) {
        events.record(handle, new CommentEvent(type, comment.storyId(), comment.id()));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Optional<Comment> find(String id) {
        return jdbi.withHandle(handle -> find(handle, id));
    }

    public static Optional<Comment> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE c.id = :id").bind("id", id).map(CommentStore::comment).findOne();
    }

    /** Stores a new comment with its first revision; a published one counts in its story and parent. */
    public void insert(Handle handle, NewComment comment) {
        handle.createUpdate("""
                        INSERT INTO comments (id, story_id, parent_id, root_id, depth, reply_to_id, author_id, body,
                            html, status, featured, respect_count, reply_count, created_at, reasons, scores,
                            model_version)
                        VALUES (:id, :storyId, :parentId, :rootId, :depth, :replyToId, :authorId, :body,
                            :html, :status, 0, 0, 0, :createdAt, :reasons, :scores, :modelVersion)""")
                .bindMethods(comment)
                .bind("status", comment.status().code())
                .bind("createdAt", comment.createdAt().toEpochMilli())
                .execute();
        insertRevision(handle, comment.id(), 1, comment.body(), comment.createdAt());
        if (comment.status() == CommentStatus.PUBLISHED) {
            countAsVisible(handle, comment.storyId(), comment.parentId());
        }
        switch (comment.status()) {
            case PUBLISHED -> tell(handle, comment.id(), CommentChange.CREATED, CommentChange.PUBLISHED);
            case REJECTED -> tell(handle, comment.id(), CommentChange.CREATED, CommentChange.REJECTED);
            default -> tell(handle, comment.id(), CommentChange.CREATED);
        }
        events.record(handle, new CommentEvent(comment.status() == CommentStatus.PUBLISHED
                ? CommentEvent.Type.PUBLISHED : CommentEvent.Type.HELD, comment.storyId(), comment.id()));
    }

    /**
     * Replaces a comment's body after its author's edit, keeping the old text as a revision, with the status and
     * findings the pipeline gave the new text. Announced as an edit while it stays published, else as published or
     * removed.
     */
    public void edit(Handle handle, Comment before, Revision revision) {
        int number = handle.createQuery("SELECT COALESCE(MAX(revision), 0) FROM comment_revisions "
                        + "WHERE comment_id = :id")
                .bind("id", before.id())
                .mapTo(Integer.class)
                .one() + 1;
        insertRevision(handle, before.id(), number, revision.body(), revision.at());
        handle.createUpdate("""
                        UPDATE comments SET body = :body, html = :html, edited_at = :now, reasons = :reasons,
                            scores = :scores, model_version = :modelVersion
                        WHERE id = :id""")
                .bindMethods(revision)
                .bind("now", revision.at().toEpochMilli())
                .bind("id", before.id())
                .execute();
        changeStatus(handle, before, revision.status());
        tell(handle, before.id(), CommentChange.EDITED);
        boolean published = revision.status() == CommentStatus.PUBLISHED;
        announce(handle, !published ? CommentEvent.Type.REMOVED
                : before.status() == CommentStatus.PUBLISHED ? CommentEvent.Type.EDITED
                : CommentEvent.Type.PUBLISHED, before);
    }

    /** A moderator publishes the comment (or confirms it, if published); its open reports are cleared. */
    public void approve(Handle handle, Comment before, Decided decided) {
        changeStatus(handle, before, CommentStatus.PUBLISHED);
        recordDecision(handle, before, decided);
        announce(handle, before.status() == CommentStatus.PUBLISHED
                ? CommentEvent.Type.EDITED : CommentEvent.Type.PUBLISHED, before);
    }

    /** A moderator takes the comment out of the thread for good; its open reports are cleared. */
    public void reject(Handle handle, Comment before, Decided decided) {
        changeStatus(handle, before, CommentStatus.REJECTED);
        recordDecision(handle, before, decided);
        announce(handle, CommentEvent.Type.REMOVED, before);
    }

    /** A moderator features the published comment, or stops featuring it; its open reports are cleared. */
    public void feature(Handle handle, Comment before, boolean featured, Decided decided) {
        handle.createUpdate("UPDATE comments SET featured = :featured WHERE id = :id")
                .bind("featured", featured ? 1 : 0)
                .bind("id", before.id())
                .execute();
        recordDecision(handle, before, decided);
        announce(handle, CommentEvent.Type.EDITED, before);
    }

    private static void recordDecision(Handle handle, Comment before, Decided decided) {
        handle.createUpdate("UPDATE comments SET decided_by = :moderator, decided_at = :now, open_reports = 0"
                        + " WHERE id = :id")
                .bind("moderator", decided.moderatorId())
                .bind("now", decided.at().toEpochMilli())
                .bind("id", before.id())
                .execute();
    }

    /** Takes the comment out of the thread until a moderator decides (enough readers reported it). */
    public void hold(Handle handle, Comment before) {
        changeStatus(handle, before, CommentStatus.PENDING);
        announce(handle, CommentEvent.Type.REMOVED, before);
    }

    /** Removes the comment at its author's or a moderator's wish; a placeholder keeps its replies in place. */
    public void remove(Handle handle, Comment before) {
        changeStatus(handle, before, CommentStatus.REMOVED);
        announce(handle, CommentEvent.Type.REMOVED, before);
    }

    /**
     * What deleting an author's account does to their comments, the account row already anonymized: on the sites
     * in {@code erasingSites} each comment is removed and its text and revisions erased; elsewhere the published
     * ones stay and are announced as edited (they now show the deleted account's name).
     */
    public void anonymizeAuthor(Handle handle, String authorId, Set<String> erasingSites) {
        List<String[]> written = handle.createQuery("SELECT c.id, s.site_id FROM comments c"
                        + " JOIN stories s ON s.id = c.story_id WHERE c.author_id = :id ORDER BY c.created_at")
                .bind("id", authorId)
                .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("site_id")})
                .list();
        for (String[] idAndSite : written) {
            Comment comment = find(handle, idAndSite[0]).orElseThrow();
            if (erasingSites.contains(idAndSite[1])) {
                handle.createUpdate("UPDATE comments SET body = '', html = '' WHERE id = :id")
                        .bind("id", comment.id())
                        .execute();
                handle.createUpdate("DELETE FROM comment_revisions WHERE comment_id = :id")
                        .bind("id", comment.id())
                        .execute();
                changeStatus(handle, comment, CommentStatus.REMOVED);
                if (comment.status() != CommentStatus.REMOVED) {
                    announce(handle, CommentEvent.Type.REMOVED, comment);
                }
            } else if (comment.status() == CommentStatus.PUBLISHED) {
                announce(handle, CommentEvent.Type.EDITED, comment);
            }
        }
    }

    /**
     * Makes the comments of the guest account with this stored e-mail the account's own, announced as edited
     * (their threads show a new author). Used when a reader verifies the address the guest gave.
     */
    public void claimGuestComments(Handle handle, String guestAccountEmail, String accountId) {
        List<CommentEvent> claimed = handle.createQuery("""
                        SELECT c.story_id, c.id FROM comments c JOIN accounts a ON a.id = c.author_id
                        WHERE a.email = :guest AND a.role = 'guest'""")
                .bind("guest", guestAccountEmail)
                .map((rs, ctx) -> new CommentEvent(CommentEvent.Type.EDITED, rs.getString("story_id"),
                        rs.getString("id")))
                .list();
        handle.createUpdate("""
                        UPDATE comments SET author_id = :account
                        WHERE author_id IN (SELECT id FROM accounts WHERE email = :guest AND role = 'guest')""")
                .bind("account", accountId)
                .bind("guest", guestAccountEmail)
                .execute();
        claimed.forEach(event -> events.record(handle, event));
    }

    /** Gives the reader's respect to the comment, or takes it back if given; answers whether it is given now. */
    public boolean recordRespect(Handle handle, Comment comment, String accountId, Instant now) {
        int removed = handle.createUpdate("DELETE FROM respects WHERE comment_id = :comment AND account_id = :account")
                .bind("comment", comment.id())
                .bind("account", accountId)
                .execute();
        if (removed == 0) {
            handle.createUpdate("INSERT INTO respects (comment_id, account_id, story_id, created_at) "
                            + "VALUES (:comment, :account, :story, :now)")
                    .bind("comment", comment.id())
                    .bind("account", accountId)
                    .bind("story", comment.storyId())
                    .bind("now", now.toEpochMilli())
                    .execute();
        }
        handle.createUpdate("UPDATE comments SET respect_count = respect_count + :delta WHERE id = :id")
                .bind("delta", removed == 0 ? 1 : -1)
                .bind("id", comment.id())
                .execute();
        announce(handle, CommentEvent.Type.RESPECTED, comment);
        return removed == 0;
    }

    /** Stores a reader's report and counts it as open; answers false, changing nothing, if they reported it before. */
    public boolean recordReport(Handle handle, Comment comment, NewReport report) {
        int inserted = handle.createUpdate("""
                        INSERT INTO reports (id, comment_id, account_id, story_id, reason, note, created_at)
                        VALUES (:id, :comment, :account, :story, :reason, :note, :now)
                        ON CONFLICT (comment_id, account_id) DO NOTHING""")
                .bind("id", report.id())
                .bind("comment", comment.id())
                .bind("account", report.accountId())
                .bind("story", comment.storyId())
                .bind("reason", report.reason().code())
                .bind("note", report.note())
                .bind("now", report.at().toEpochMilli())
                .execute();
        if (inserted == 0) {
            return false;
        }
        handle.createUpdate("UPDATE comments SET open_reports = open_reports + 1 WHERE id = :id")
                .bind("id", comment.id())
                .execute();
        announce(handle, CommentEvent.Type.REPORTED, comment);
        return true;
    }

    /**
     * Moves a comment to another status and keeps the counters true: leaving 'published' uncounts it from its
     * story; a comment that stops being visible uncounts from its parent, and so on up while a removed parent
     * thereby loses its last reply. Removed comments lose their HTML (their placeholder shows none).
     */
    private void changeStatus(Handle handle, Comment before, CommentStatus status) {
        if (before.status() == status) {
            return;
        }
        handle.createUpdate("UPDATE comments SET status = :status"
                        + (status == CommentStatus.REMOVED ? ", html = ''" : "") + " WHERE id = :id")
                .bind("status", status.code())
                .bind("id", before.id())
                .execute();
        boolean wasPublished = before.status() == CommentStatus.PUBLISHED;
        boolean isPublished = status == CommentStatus.PUBLISHED;
        boolean wasVisible = before.isVisible();
        boolean isVisible = isPublished || status == CommentStatus.REMOVED && before.replyCount() > 0;
        if (wasPublished != isPublished) {
            StoryStore.addToCommentCount(handle, before.storyId(), isPublished ? 1 : -1);
        }
        if (wasVisible && !isVisible) {
            uncountFromParents(handle, before.parentId());
        } else if (!wasVisible && isVisible && before.parentId() != null) {
            addToReplyCount(handle, before.parentId(), 1);
        }
        switch (status) {
            case PUBLISHED -> tell(handle, before.id(), CommentChange.PUBLISHED);
            case REJECTED -> tell(handle, before.id(), CommentChange.REJECTED);
            case REMOVED -> tell(handle, before.id(), CommentChange.REMOVED);
            default -> { }
        }
    }

    private void countAsVisible(Handle handle, String storyId, String parentId) {
        StoryStore.addToCommentCount(handle, storyId, 1);
        if (parentId != null) {
            addToReplyCount(handle, parentId, 1);
        }
    }

    private void uncountFromParents(Handle handle, String parentId) {
        String current = parentId;
        while (current != null) {
            addToReplyCount(handle, current, -1);
            Comment parent = find(handle, current).orElseThrow();
            if (parent.status() != CommentStatus.REMOVED || parent.replyCount() > 0) {
                return;
            }
            current = parent.parentId();
        }
    }

    private static void addToReplyCount(Handle handle, String commentId, int delta) {
        handle.createUpdate("UPDATE comments SET reply_count = reply_count + :delta WHERE id = :id")
                .bind("delta", delta)
                .bind("id", commentId)
                .execute();
    }

    private static void insertRevision(Handle handle, String commentId, int revision, String body, Instant at) {
        handle.createUpdate("INSERT INTO comment_revisions (comment_id, revision, body, created_at) "
                        + "VALUES (:id, :revision, :body, :at)")
                .bind("id", commentId)
                .bind("revision", revision)
                .bind("body", body)
                .bind("at", at.toEpochMilli())
                .execute();
    }

    /** Maps a row selected with {@link #SELECT_COLUMNS}. */
    public static Comment comment(ResultSet rs, StatementContext ctx) throws SQLException {
        long editedAt = rs.getLong("edited_at");
        boolean edited = !rs.wasNull();
        return new Comment(
                rs.getString("id"),
                rs.getString("story_id"),
                rs.getString("parent_id"),
                rs.getString("root_id"),
                rs.getInt("depth"),
                rs.getString("reply_to_id"),
                rs.getString("reply_to_name"),
                rs.getString("author_id"),
                rs.getString("author_name"),
                rs.getString("body"),
                rs.getString("html"),
                CommentStatus.ofCode(rs.getString("status")),
                rs.getInt("featured") != 0,
                rs.getLong("respect_count"),
                rs.getLong("reply_count"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                edited ? Instant.ofEpochMilli(editedAt) : null);
    }
}
