package org.parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.comment.CommentStatus;
import org.parley.store.Database;
import org.parley.testing.ApiClient;
import org.parley.testing.TestServer;

/**
 * Both ways to match words (fetch the few matches and sort them, or walk newest first checking each against the
 * matches) answer the same comments in the same order, on SQLite and on PostgreSQL.
 */
class CommentSearchTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static String authorId;
    private static final List<String> posted = new ArrayList<>();

    @BeforeAll
    static void someComments() {
        ApiClient writer = server.client();
        authorId = writer.signUp("walrus@search.example", "Walter").get("id").asText();
        ApiClient other = server.client();
        other.signUp("tusk@search.example", "Tess");
        for (int i = 0; i < 12; i++) {
            ApiClient who = i % 3 == 0 ? other : writer;
            String body = "Note " + i + ": the walrus" + (i % 2 == 0 ? " showed its tusks" : " slept") + " today.";
            posted.add(who.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                    "body", body)).json().get("comment").get("id").asText());
        }
        server.client().post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Nothing about marine mammals here."));
    }

    @Test
    void fetching_the_matches_and_walking_newest_first_find_the_same_comments_in_the_same_order() {
        Database database = server.server().database();
        CommentSearch fetching = new CommentSearch(database.jdbi(), database.dialect(), 1_000, 2_000, 50);
        CommentSearch walking = new CommentSearch(database.jdbi(), database.dialect(), 1, 2_000, 50);
        CommentSearch windowed = new CommentSearch(database.jdbi(), database.dialect(), 1, 4, 50);
        List<CommentSearch.Criteria> searches = List.of(
                criteria("walrus", null, null), criteria("walrus tusks", null, null),
                criteria("walrus", authorId, null), criteria("tusks", null, CommentStatus.PUBLISHED),
                criteria("walrus", null, CommentStatus.REJECTED), criteria("narwhal", null, null));
        for (CommentSearch.Criteria criteria : searches) {
            assertThat(ids(walking.search(criteria, null))).as(criteria.toString())
                    .isEqualTo(ids(fetching.search(criteria, null)));
            assertThat(ids(windowed.search(criteria, null))).as(criteria.toString())
                    .isEqualTo(ids(fetching.search(criteria, null)));
        }
        List<String> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);
        assertThat(ids(walking.search(criteria("walrus", null, null), null))).isEqualTo(newestFirst);
        assertThat(ids(walking.search(criteria("tusks", null, null), null))).hasSize(6);
        assertThat(ids(walking.search(criteria("walrus", authorId, null), null))).hasSize(8);
    }

    @Test
    void a_window_of_the_newest_comments_answers_a_full_page_and_pages_on_exactly() {
        Database database = server.server().database();
        CommentSearch fetching = new CommentSearch(database.jdbi(), database.dialect(), 1_000, 2_000, 5);
        CommentSearch windowed = new CommentSearch(database.jdbi(), database.dialect(), 1, 8, 5);
        CommentSearch.Page first = windowed.search(criteria("walrus", null, null), null);
        assertThat(ids(first)).isEqualTo(ids(fetching.search(criteria("walrus", null, null), null)));
        List<String> all = new ArrayList<>(ids(first));
        String cursor = first.nextCursor();
        while (cursor != null) {
            CommentSearch.Page next = windowed.search(criteria("walrus", null, null), cursor);
            all.addAll(ids(next));
            cursor = next.nextCursor();
        }
        List<String> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);
        assertThat(all).isEqualTo(newestFirst);
    }

    private static CommentSearch.Criteria criteria(String words, String author, CommentStatus status) {
        return new CommentSearch.Criteria("demo", SearchWords.of(words), author, null, null, status, null, null);
    }

    private static List<String> ids(CommentSearch.Page page) {
        return page.items().stream().map(item -> item.comment().id()).toList();
    }
}
