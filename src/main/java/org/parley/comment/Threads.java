package org.parley.comment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.problem.Problem;
import org.parley.store.Cursor;

/**
 * Reads a story's public thread a page at a time: two queries a page whatever its size (the top-level comments,
 * then every visible reply below them), assembled into a tree in memory; and what a reader did in a thread
 * (their respects, reports, comments awaiting review), and its editor's picks. Only reads: {@link CommentStore} writes. Thread-safe.
 */
public final class Threads {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    private final Jdbi jdbi;
    private final Duration editWindow;

    public Threads(CommentStore store, CommentRules rules) {
        this.jdbi = store.jdbi();
        this.editWindow = rules.editWindow();
    }

    /** A page of top-level comments in the given order, after the cursor (null for the first page). */
    public ThreadPage page(String storyId, Sort sort, String cursor, int limit) {
        return page(storyId, sort, cursor, limit, null);
    }

    /**
     * A page as a signed-in reader sees it: the public page plus their own comments awaiting review
     * ({@code viewerId} null for the public page).
     */
    public ThreadPage page(String storyId, Sort sort, String cursor, int limit, String viewerId) {
        return page(storyId, sort, cursor, limit, viewerId, editWindow);
    }

    /** A page whose comments' edit deadlines follow the given window (the site's). */
    public ThreadPage page(String storyId, Sort sort, String cursor, int limit, String viewerId,
            Duration siteEditWindow) {
        checkLimit(limit);
        Cursor after = decodeCursor(sort, cursor);
        List<Comment> topLevel = listTopLevel(storyId, sort, after, limit, viewerId);
        boolean more = topLevel.size() > limit;
        if (more) {
            topLevel = topLevel.subList(0, limit);
        }
        Map<String, ThreadComment> byId = new HashMap<>();
        List<ThreadComment> roots = new ArrayList<>(topLevel.size());
        for (Comment comment : topLevel) {
            ThreadComment view = ThreadComment.of(comment, siteEditWindow);
            byId.put(comment.id(), view);
            roots.add(view);
        }
        for (Comment reply : listReplies(byId.keySet(), viewerId)) {
            ThreadComment parent = byId.get(reply.parentId());
            if (parent != null) {
                ThreadComment view = ThreadComment.of(reply, siteEditWindow);
                byId.put(reply.id(), view);
                parent.replies().add(view);
            }
        }
        String next = more ? cursorAfter(topLevel.get(topLevel.size() - 1), sort) : null;
        return new ThreadPage(roots, next);
    }

    /**
     * One page of a story's visible top-level comments in the given order, starting after the cursor (null for
     * the first page); asks for {@code limit + 1} rows so the caller knows whether another page follows.
     */
    private List<Comment> listTopLevel(String storyId, Sort sort, Cursor after, int limit, String viewerId) {
        StringBuilder sql = new StringBuilder(CommentStore.SELECT)
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
    private List<Comment> listReplies(Collection<String> rootIds, String viewerId) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(CommentStore.SELECT + " WHERE c.root_id IN (<roots>) AND c.depth > 0"
                            + " AND " + visibleTo(viewerId) + " ORDER BY c.depth, c.created_at, c.id")
                    .bindList("roots", List.copyOf(rootIds));
            if (viewerId != null) {
                query.bind("viewer", viewerId);
            }
            return query.map(CommentStore::comment).list();
        });
    }

    /** The most editor's picks a thread answer carries. */
    public static final int MAX_PICKS = 5;
    private static final int EXCERPT_LENGTH = 160;

    /** A featured comment as the thread's "Editor's picks" show it: who wrote it and the start of its text. */
    public record Pick(String id, ThreadComment.Author author, String excerpt, java.time.Instant createdAt) {
    }

    /**
     * A story's editor's picks: its published comments a moderator featured, at any depth, newest first, at most
     * {@link #MAX_PICKS}. Featuring or unfeaturing a comment announces a change of its story, so the cached thread
     * page that carries these is dropped then.
     */
    public List<Pick> picks(String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery(CommentStore.SELECT + " WHERE c.story_id = :storyId"
                        + " AND c.featured = 1 AND c.status = 'published' ORDER BY c.created_at DESC, c.id DESC"
                        + " LIMIT :limit")
                .bind("storyId", storyId)
                .bind("limit", MAX_PICKS)
                .map(CommentStore::comment)
                .map(comment -> new Pick(comment.id(), new ThreadComment.Author(comment.authorId(),
                        comment.authorName()), excerpt(Markdown.render(comment.body()).plainText()),
                        comment.createdAt()))
                .list());
    }

    /** The start of a text, cut at a word where it is longer than an excerpt, with an ellipsis. */
    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT_LENGTH);
        return flat.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH).stripTrailing() + "…";
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
        return viewerId == null ? CommentStore.VISIBLE
                : "(" + CommentStore.VISIBLE + " OR (c.status = 'pending' AND c.author_id = :viewer))";
    }

    /** The ids of a story's comments a reader has respected. */
    public List<String> listRespected(String accountId, String storyId) {
        return commentIds("respects", accountId, storyId);
    }

    /** The ids of a story's comments a reader has reported. */
    public List<String> listReported(String accountId, String storyId) {
        return commentIds("reports", accountId, storyId);
    }

    /** The comment ids a reader's rows in {@code table} (respects or reports, never input) name in a story. */
    private List<String> commentIds(String table, String accountId, String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT comment_id FROM " + table + " WHERE account_id = :account AND story_id = :story")
                .bind("account", accountId)
                .bind("story", storyId)
                .mapTo(String.class)
                .list());
    }

    /** A 400 naming {@code limit} unless it is 1 to {@link #MAX_LIMIT}. */
    public static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("limit", "Ask for 1 to " + MAX_LIMIT + " comments a page.");
        }
    }

    /**
     * The cursor of a page in this order, or null for the first page; a 400 naming {@code cursor} when it is not
     * one this class handed out. Callers check it before anything is stored for the request.
     */
    public static Cursor decodeCursor(Sort sort, String cursor) {
        return Cursor.decodeKeys(cursor, sort == Sort.RESPECTED ? 3 : 2);
    }

    private static String cursorAfter(Comment last, Sort sort) {
        String createdAt = Long.toString(last.createdAt().toEpochMilli());
        return sort == Sort.RESPECTED
                ? Cursor.of(Long.toString(last.respectCount()), createdAt, last.id()).encode()
                : Cursor.of(createdAt, last.id()).encode();
    }
}
