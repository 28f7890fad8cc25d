package org.parley.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.store.Cursor;
import org.parley.story.StoryStore;

/**
 * The SQL of comments, their revisions, respects and reports.
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
    private static final String SELECT = "SELECT " + SELECT_COLUMNS + " " + JOINS;

    /**
     * Hears of the {@link CommentChange}s one write makes to a comment (a new, published comment is created and
     * published), all at once, inside the transaction that makes them; a failure rolls the write back.
     */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(Handle handle, String commentId, List<CommentChange> changes);
    }

    private final Jdbi jdbi;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
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
    /**
     * Makes the comments of the guest account with this stored e-mail the account's own; answers them as events
     * (their threads show a new author), to publish once the transaction commits. Used when a reader verifies the
     * address the guest gave.
     */
    public static List<CommentEvent> claimGuestComments(Handle handle, String guestAccountEmail, String accountId) {
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
        return claimed;
    }

    public void insert(Handle handle, NewComment comment) {
        handle.createUpdate("""
                        INSERT INTO comments (id, story_id, parent_id, root_id, depth, reply_to_id, author_id, body,
                            html, status, featured, respect_count, reply_count, created_at, reasons, scores,
                            model_version)
                        VALUES (:id, :storyId, :parentId, :rootId, :depth, :replyToId, :authorId, :body,
                            :html, :status, 0, 0, 0, :createdAt, :reasons, :scores, :modelVersion)""")
                .bind("id", comment.id())
                .bind("storyId", comment.storyId())
                .bind("parentId", comment.parentId())
                .bind("rootId", comment.rootId())
                .bind("depth", comment.depth())
                .bind("replyToId", comment.replyToId())
                .bind("authorId", comment.authorId())
                .bind("body", comment.body())
                .bind("html", comment.html())
                .bind("status", comment.status().code())
                .bind("createdAt", comment.createdAt().toEpochMilli())
                .bind("reasons", comment.reasons())
                .bind("scores", comment.scores())
                .bind("modelVersion", comment.modelVersion())
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
    }

    /** Replaces a comment's body after an edit, keeping the old text as a revision, and sets its new status. */
    public void updateBody(Handle handle, Comment before, String body, String html, CommentStatus status,
            Instant now) {
        int revision = handle.createQuery("SELECT COALESCE(MAX(revision), 0) FROM comment_revisions "
                        + "WHERE comment_id = :id")
                .bind("id", before.id())
                .mapTo(Integer.class)
                .one() + 1;
        insertRevision(handle, before.id(), revision, body, now);
        handle.createUpdate("UPDATE comments SET body = :body, html = :html, edited_at = :now WHERE id = :id")
                .bind("body", body)
                .bind("html", html)
                .bind("now", now.toEpochMilli())
                .bind("id", before.id())
                .execute();
        changeStatus(handle, before, status);
        tell(handle, before.id(), CommentChange.EDITED);
    }

    /**
     * Moves a comment to another status and keeps the counters true: leaving 'published' uncounts it from its
     * story; a comment that stops being visible uncounts from its parent, and so on up while a removed parent
     * thereby loses its last reply. Removed comments lose their HTML (their placeholder shows none).
     */
    public void changeStatus(Handle handle, Comment before, CommentStatus status) {
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

    /**
     * One page of a story's visible top-level comments in the given order, starting after the cursor (null for
     * the first page); asks for {@code limit + 1} rows so the caller knows whether another page follows.
     */
    public List<Comment> listTopLevel(String storyId, Sort sort, Cursor after, int limit, String viewerId) {
        StringBuilder sql = new StringBuilder(SELECT)
                .append(" WHERE c.story_id = :storyId AND c.depth = 0 AND ").append(visibleTo(viewerId));
        if (after != null) {
            sql.append(switch (sort) {
                case NEWEST -> " AND (c.created_at < :t OR (c.created_at = :t AND c.id < :id))";
                case OLDEST -> " AND (c.created_at > :t OR (c.created_at = :t AND c.id > :id))";
                case RESPECTED -> " AND (c.respect_count < :r OR (c.respect_count = :r AND (c.created_at < :t"
                        + " OR (c.created_at = :t AND c.id < :id))))";
            });
        }
        sql.append(switch (sort) {
            case NEWEST -> " ORDER BY c.created_at DESC, c.id DESC";
            case OLDEST -> " ORDER BY c.created_at ASC, c.id ASC";
            case RESPECTED -> " ORDER BY c.respect_count DESC, c.created_at DESC, c.id DESC";
        }).append(" LIMIT :limit");
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString())
                    .bind("storyId", storyId)
                    .bind("limit", limit + 1);
            if (viewerId != null) {
                query.bind("viewer", viewerId);
            }
            if (after != null) {
                int offset = sort == Sort.RESPECTED ? 1 : 0;
                if (sort == Sort.RESPECTED) {
                    query.bind("r", after.getLong(0));
                }
                query.bind("t", after.getLong(offset)).bind("id", after.get(offset + 1));
            }
            return query.map(CommentStore::comment).list();
        });
    }

    /** The replies below these top-level comments the viewer may see, shallower first, then oldest first. */
    public List<Comment> listReplies(Collection<String> rootIds, String viewerId) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + " WHERE c.root_id IN (<roots>) AND c.depth > 0"
                            + " AND " + visibleTo(viewerId) + " ORDER BY c.depth, c.created_at, c.id")
                    .bindList("roots", List.copyOf(rootIds));
            if (viewerId != null) {
                query.bind("viewer", viewerId);
            }
            return query.map(CommentStore::comment).list();
        });
    }

    /** Whether the author has comments awaiting review in this story (which only they see in the thread). */
    public boolean hasPending(String storyId, String authorId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM comments WHERE story_id = :story"
                        + " AND author_id = :author AND status = 'pending'")
                .bind("story", storyId)
                .bind("author", authorId)
                .mapTo(Long.class)
                .one()) > 0;
    }

    /** What the public sees, plus, for a signed-in viewer, their own comments awaiting review. */
    private static String visibleTo(String viewerId) {
        return viewerId == null ? VISIBLE : "(" + VISIBLE + " OR (c.status = 'pending' AND c.author_id = :viewer))";
    }

    /** The ids of a story's comments a reader has respected. */
    public List<String> listRespected(String accountId, String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT comment_id FROM respects WHERE account_id = :account AND story_id = :story")
                .bind("account", accountId)
                .bind("story", storyId)
                .mapTo(String.class)
                .list());
    }

    /** The ids of a story's comments a reader has reported. */
    public List<String> listReported(String accountId, String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT comment_id FROM reports WHERE account_id = :account AND story_id = :story")
                .bind("account", accountId)
                .bind("story", storyId)
                .mapTo(String.class)
                .list());
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
