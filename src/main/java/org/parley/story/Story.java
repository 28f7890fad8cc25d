package org.parley.story;

/** An article that carries a thread: found or created from its site and canonical URL. */
public record Story(String id, String site, String url, String title, StoryStatus status, long commentCount,
        boolean premoderated) {
}
