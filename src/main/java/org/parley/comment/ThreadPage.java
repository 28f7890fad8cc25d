package org.parley.comment;

import java.util.List;

/** One page of a thread: top-level comments with their replies nested, and the cursor of the next page. */
public record ThreadPage(List<ThreadComment> comments, String nextCursor) {
}
