package org.parley.comment;

/**
 * Where a new comment goes in its thread. A reply to a comment at the deepest shown level is placed beside it,
 * under the same parent, and remembers the comment it answers ({@code replyToId}) so the reader sees whom it
 * answers; threads therefore never nest deeper than {@link CommentRules#MAX_DEPTH}.
 */
public record Placement(String parentId, String rootId, int depth, String replyToId) {

    public static Placement topLevel(String commentId) {
        return new Placement(null, commentId, 0, null);
    }

    public static Placement replyTo(Comment parent) {
        return replyTo(parent.id(), new Placement(parent.parentId(), parent.rootId(), parent.depth(),
                parent.replyToId()));
    }

    /** The place of a reply to the comment {@code parentId}, which sits at {@code parent}. */
    public static Placement replyTo(String parentId, Placement parent) {
        if (parent.depth() < CommentRules.MAX_DEPTH) {
            return new Placement(parentId, parent.rootId(), parent.depth() + 1, null);
        }
        return new Placement(parent.parentId(), parent.rootId(), parent.depth(), parentId);
    }
}
