package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** The moderators' search: who may search, how words and filters combine, paging, and the index kept current. */
class SearchApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Map<String, ApiClient> clients = new HashMap<>();

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        new SiteStore(jdbi).save(new Site("elsewhere", "Elsewhere", List.of("https://elsewhere.example"),
                Site.DEFAULT_GUIDELINES), Instant.now());
        ModeratorAccess access = new ModeratorAccess(jdbi);
        accounts.create("admin@search.example", "correct horse battery", "Admin", Role.ADMIN);
        access.assign(accounts.create("mod@search.example", "correct horse battery", "Mod", Role.READER).id(),
                "demo");
        access.assign(accounts.create("other@search.example", "correct horse battery", "Other", Role.READER).id(),
                "elsewhere");
        accounts.create("reader@search.example", "correct horse battery", "Reader", Role.READER);
        for (String role : List.of("admin", "mod", "other", "reader")) {
            ApiClient client = server.client();
            assertThat(client.post("/api/v1/auth/login", Map.of("email", role + "@search.example",
                    "password", "correct horse battery")).status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
    }

    static Stream<Arguments> roles() {
        return Stream.of(Arguments.of("admin", 200), Arguments.of("mod", 200), Arguments.of("other", 403),
                Arguments.of("reader", 403), Arguments.of("signedOut", 401));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("roles")
    void only_the_sites_moderators_and_admins_may_search(String role, int expected) {
        Response response = clients.get(role).get("/api/v1/moderation/search?site=demo&q=anything");
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.json().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void words_must_all_match_and_results_come_as_queue_items() {
        ApiClient writer = writer("words");
        String url = story("words");
        String both = post(writer, url, "The harbour crane stood idle all winter.");
        post(writer, url, "The harbour was busy again.");
        JsonNode results = search("q=" + ApiClient.encode("harbour CRANE"));
        assertThat(ids(results)).containsExactly(both);
        JsonNode item = results.get("items").get(0);
        assertThat(item.get("body").asText()).isEqualTo("The harbour crane stood idle all winter.");
        assertThat(item.get("story").get("url").asText()).isEqualTo(url);
        assertThat(item.get("author").get("displayName").asText()).isEqualTo("Writer words");
        assertThat(item.get("comment").get("status").asText()).isEqualTo("published");
        assertThat(results.get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"", "\"unclosed", "NEAR(", "NEAR(foo bar)", "AND", "OR NOT", "*", "foo*", "^start",
            "body:x", "-", "a - b", "(", ")", "{col}", "'", "\\", "%", "_", "'; DROP TABLE comments; --", "!&|:",
            "<->", "\u0000x"})
    void no_search_text_breaks_the_query_syntax(String text) {
        Response response = clients.get("mod").get("/api/v1/moderation/search?site=demo&q=" + ApiClient.encode(text));
        if (text.indexOf('\u0000') >= 0) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            return;
        }
        assertThat(response.status()).as(response.toString()).isIn(200, 422);
        if (response.status() == 422) {
            assertThat(response.json().get("error").asText()).isEqualTo("search_criteria_missing");
        }
    }

    @Test
    void operators_quotes_and_hyphens_are_searched_as_words() {
        ApiClient writer = writer("operators");
        String url = story("operators");
        String near = post(writer, url, "Stay NEAR the well-known ferry AND the \"old\" quay.");
        post(writer, url, "Nothing about ferries in this one.");
        assertThat(ids(search("q=" + ApiClient.encode("NEAR ferry")))).containsExactly(near);
        assertThat(ids(search("q=" + ApiClient.encode("\"old\" AND quay")))).containsExactly(near);
        assertThat(ids(search("q=" + ApiClient.encode("well-known ferry*")))).containsExactly(near);
        assertThat(ids(search("q=" + ApiClient.encode("NEAR(well known)")))).containsExactly(near);
        assertThat(ids(search("q=" + ApiClient.encode("ferry OR nothing")))).isEmpty();
    }

    @Test
    void turkish_and_other_letters_are_words_of_their_own() {
        ApiClient writer = writer("unicode");
        String url = story("unicode");
        String turkish = post(writer, url, "Ağaçların altında çok güzel bir gün geçirdik, İstanbul'da.");
        String german = post(writer, url, "Die Straße war gesperrt, größer als gedacht.");
        assertThat(ids(search("q=" + ApiClient.encode("güzel ağaçların")))).containsExactly(turkish);
        assertThat(ids(search("q=" + ApiClient.encode("İstanbul")))).containsExactly(turkish);
        assertThat(ids(search("q=" + ApiClient.encode("straße gesperrt")))).containsExactly(german);
        assertThat(ids(search("q=" + ApiClient.encode("guzel")))).isEmpty();
    }

    @Test
    void filters_narrow_by_author_story_status_and_period() {
        ApiClient first = writer("filter one");
        ApiClient second = writer("filter two");
        String firstId = first.get("/api/v1/me").json().get("user").get("id").asText();
        String urlA = story("filters-a");
        String urlB = story("filters-b");
        String a1 = post(first, urlA, "Lighthouse keepers write long letters.");
        String a2 = post(second, urlA, "Lighthouse tours start in May.");
        String b1 = post(first, urlB, "Another lighthouse, another story.");
        clients.get("mod").post("/api/v1/moderation/comments/" + a2 + "/decision",
                Map.of("action", "reject", "category", "rude"));

        assertThat(ids(search("q=lighthouse"))).containsExactly(b1, a2, a1);
        assertThat(ids(search("q=lighthouse&author=" + firstId))).containsExactly(b1, a1);
        assertThat(ids(search("q=lighthouse&author=" + ApiClient.encode("FILTER TWO")))).containsExactly(a2);
        assertThat(ids(search("q=lighthouse&author=" + ApiClient.encode("filter.two@search")))).containsExactly(a2);
        assertThat(ids(search("author=" + ApiClient.encode("filter_")))).isEmpty();
        assertThat(ids(search("story=" + ApiClient.encode(urlA)))).containsExactly(a2, a1);
        String storyB = search("q=another").get("items").get(0).get("story").get("id").asText();
        assertThat(ids(search("story=" + storyB))).containsExactly(b1);
        assertThat(ids(search("q=lighthouse&status=rejected"))).containsExactly(a2);
        assertThat(ids(search("q=lighthouse&status=published"))).containsExactly(b1, a1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(ids(search("q=lighthouse&from=" + today + "&to=" + today))).containsExactly(b1, a2, a1);
        assertThat(ids(search("q=lighthouse&to=2020-01-01"))).isEmpty();
        assertThat(ids(search("q=lighthouse&from=" + ApiClient.encode(Instant.now().plusSeconds(60).toString()))))
                .isEmpty();
    }

    @Test
    void a_reader_history_pages_fifty_at_a_time_newest_first() {
        ApiClient writer = writer("history");
        String authorId = writer.get("/api/v1/me").json().get("user").get("id").asText();
        String url = story("history");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            posted.add(post(writer, url, "Remark " + i + " on the timetable, with thought number " + (i * 7)
                    + (i % 2 == 0 ? " about trains." : " about buses and their drivers.")));
        }
        JsonNode first = search("author=" + authorId);
        assertThat(first.get("items")).hasSize(50);
        JsonNode second = search("author=" + authorId + "&cursor=" + first.get("nextCursor").asText());
        assertThat(second.get("nextCursor").isNull()).isTrue();
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).hasSize(53).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(new HashSet<>(posted));
        List<Instant> times = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("items").forEach(item -> times.add(Instant.parse(item.get("comment").get("createdAt").asText())));
        }
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isBeforeOrEqualTo(times.get(i - 1));
        }
        assertThat(ids(search("author=" + authorId + "&q=buses"))).hasSize(26);
    }

    @Test
    void the_index_follows_posts_edits_removals_and_erasure() {
        ApiClient writer = writer("index");
        String url = story("index");
        String id = post(writer, url, "A first draft about quinces.");
        assertThat(ids(search("q=quinces"))).containsExactly(id);
        assertThat(writer.patch("/api/v1/comments/" + id, Map.of("body", "A second draft about medlars."))
                .status()).isEqualTo(200);
        assertThat(ids(search("q=quinces"))).isEmpty();
        assertThat(ids(search("q=medlars"))).containsExactly(id);

        assertThat(writer.delete("/api/v1/comments/" + id).status()).isEqualTo(204);
        assertThat(ids(search("q=medlars&status=removed"))).containsExactly(id);
        assertThat(ids(search("q=medlars&status=published"))).isEmpty();

        clients.get("admin").patch("/api/v1/moderation/sites/demo/settings",
                Map.of("deletedAccountComments", "remove"));
        try {
            String kept = post(writer, url, "Persimmons ripen late.");
            assertThat(ids(search("q=persimmons"))).containsExactly(kept);
            assertThat(writer.delete("/api/v1/me").status()).isEqualTo(204);
            assertThat(ids(search("q=persimmons"))).isEmpty();
        } finally {
            clients.get("admin").patch("/api/v1/moderation/sites/demo/settings",
                    Map.of("deletedAccountComments", "anonymize"));
        }
    }

    @Test
    void a_search_needs_words_or_a_filter_and_well_formed_values() {
        ApiClient mod = clients.get("mod");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo"), 422, "search_criteria_missing");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&q=" + ApiClient.encode("\"*\"")), 422,
                "search_criteria_missing");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&from=yesterday"), 400, "invalid_from");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&to=2026-13-01"), 400, "invalid_to");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&from=2026-12-02&to=2026-12-01"), 422,
                "empty_period");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&status=hidden"), 400, "invalid_status");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&q=x&cursor=nonsense"), 400, "invalid_cursor");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&story=no-such-story"), 404, "story_not_found");
        assertProblem(mod.get("/api/v1/moderation/search?site=nowhere&q=x"), 404, "site_not_found");
        assertProblem(mod.get("/api/v1/moderation/search?q=x"), 400, "invalid_site");
        assertProblem(mod.get("/api/v1/moderation/search?site=demo&q="
                + ApiClient.encode("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13")), 400, "invalid_q");
    }

    private static void assertProblem(Response response, int status, String error) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).as(response.toString()).isEqualTo(error);
    }

    private static ApiClient writer(String name) {
        ApiClient writer = server.client();
        writer.signUp(name.replace(' ', '.') + "@search.example", "Writer " + name);
        return writer;
    }

    private static String story(String slug) {
        return server.baseUrl() + "/news/search-" + slug;
    }

    private static String post(ApiClient writer, String url, String body) {
        Response posted = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", body));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        return posted.json().get("comment").get("id").asText();
    }

    private static JsonNode search(String query) {
        Response response = clients.get("mod").get("/api/v1/moderation/search?site=demo&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.get("items").forEach(item -> ids.add(item.get("comment").get("id").asText()));
        return ids;
    }
}
