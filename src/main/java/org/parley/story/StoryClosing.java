package org.parley.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.parley.site.SiteSettings;

/**
 * A site's rule "close comments N days after the first comment" ({@link SiteSettings#closeAfterDays}; 0, the
 * default, is off). The closing is computed when asked, from the time of the story's first comment, and never
 * stored: no scheduled job flips a status, a change of the setting applies to every story at once, and a story
 * nobody has commented on never closes. A moderator who reopens a closed story starts the N days again from the
 * reopening; one who closes a story closes it whatever the rule says. {@link StoryBoard} filters by the same rule
 * in SQL. Thread-safe.
 */
public final class StoryClosing {

    private final StoryStore stories;
    private final Clock clock;

    public StoryClosing(StoryStore stories, Clock clock) {
        this.stories = stories;
        this.clock = clock;
    }

    /** When the rule closes this story's comments; empty when the rule is off or nobody has commented yet. */
    public Optional<Instant> closesAt(Story story, SiteSettings settings) {
        if (settings.closeAfterDays() <= 0) {
            return Optional.empty();
        }
        return closesAt(stories.timeline(story.id()), settings.closeAfterDays());
    }

    /** When a story with this timeline closes under a rule of {@code days} days (0 or less: never). */
    public static Optional<Instant> closesAt(StoryStore.Timeline timeline, int days) {
        if (days <= 0 || timeline.firstComment() == null) {
            return Optional.empty();
        }
        Instant start = timeline.reopenedAt() != null && timeline.reopenedAt().isAfter(timeline.firstComment())
                ? timeline.reopenedAt() : timeline.firstComment();
        return Optional.of(start.plus(Duration.ofDays(days)));
    }

    public Instant now() {
        return clock.instant();
    }

    /** A stored status and the rule's closing time (null: none) as the status at {@code now}. */
    public static StoryStatus status(StoryStatus stored, Instant closesAt, Instant now) {
        return stored == StoryStatus.CLOSED || closesAt != null && !now.isBefore(closesAt)
                ? StoryStatus.CLOSED : StoryStatus.OPEN;
    }
}
