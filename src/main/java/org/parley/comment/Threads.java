package org.parley.comment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.problem.Problem;
import org.parley.store.Cursor;

/**
 * Reads a story's public thread a page at a time: two queries a page whatever its size (the top-level comments,
 * then every visible reply below them), assembled into a tree in memory. Thread-safe.
 */
public final class Threads {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    private final CommentStore store;
    private final Duration editWindow;

    public Threads(CommentStore store, CommentRules rules) {
        this.store = store;
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
        List<Comment> topLevel = store.listTopLevel(storyId, sort, after, limit, viewerId);
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
        for (Comment reply : store.listReplies(byId.keySet(), viewerId)) {
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
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        Cursor after = Cursor.decode(cursor, sort == Sort.RESPECTED ? 3 : 2);
        for (int i = 0; i < after.values().size() - 1; i++) {
            after.getLong(i);
        }
        return after;
    }

    private static String cursorAfter(Comment last, Sort sort) {
        String createdAt = Long.toString(last.createdAt().toEpochMilli());
        return sort == Sort.RESPECTED
                ? Cursor.of(Long.toString(last.respectCount()), createdAt, last.id()).encode()
                : Cursor.of(createdAt, last.id()).encode();
    }
}
