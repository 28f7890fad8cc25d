package org.parley.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a site's webhook may subscribe to; {@link #eventName()} is what {@code X-Parley-Event} carries. */
public enum WebhookEvent {
    COMMENT_CREATED("comment.created"),
    COMMENT_PUBLISHED("comment.published"),
    COMMENT_REJECTED("comment.rejected"),
    COMMENT_EDITED("comment.edited"),
    COMMENT_REMOVED("comment.removed"),
    USER_BANNED("user.banned");

    private final String eventName;

    WebhookEvent(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }

    public static Optional<WebhookEvent> fromName(String name) {
        return Arrays.stream(values()).filter(event -> event.eventName.equals(name)).findFirst();
    }
}
