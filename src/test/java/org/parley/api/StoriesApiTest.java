package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.ManualClock;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * The moderators' stories (list, close, reopen, premoderate) for every role, their order and pages, the site rule
 * that closes comments N days after the first one (on a clock the test moves), and editor's picks in the thread.
 * Each test works on sites of its own, so their lists do not mix.
 */
class StoriesApiTest {

    private static final ManualClock CLOCK = new ManualClock();

    @RegisterExtension
    static final TestServer server = new TestServer(settings -> settings.withRateLimits(false), CLOCK);

    private static final List<String> ROLES = List.of("admin", "mod", "other", "reader", "signedOut");
    private static final Map<String, ApiClient> clients = new HashMap<>();
    private static ApiClient writer;
    private static String storyId;

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        SiteStore sites = new SiteStore(jdbi);
        ModeratorAccess access = new ModeratorAccess(jdbi);
        accounts.create("admin@desk.example", "correct horse battery", "Admin", Role.ADMIN);
        String mod = accounts.create("mod@desk.example", "correct horse battery", "Mod", Role.READER).id();
        String other = accounts.create("other@desk.example", "correct horse battery", "Other", Role.READER).id();
        accounts.create("reader@desk.example", "correct horse battery", "Reader", Role.READER);
        for (String site : List.of("roles", "order", "rule", "picks")) {
            sites.save(new Site(site, "Desk " + site, List.of("https://" + site + ".example"),
                    Site.DEFAULT_GUIDELINES), Instant.now());
            access.assign(mod, site);
        }
        sites.save(new Site("elsewhere", "Elsewhere", List.of("https://elsewhere.example"), Site.DEFAULT_GUIDELINES),
                Instant.now());
        access.assign(other, "elsewhere");
        for (String role : List.of("admin", "mod", "other", "reader")) {
            ApiClient client = server.client();
            assertThat(client.post("/api/v1/auth/login", Map.of("email", role + "@desk.example",
                    "password", "correct horse battery")).status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
        writer = server.client();
        writer.signUp("writer@desk.example", "Writer");
        post("roles", "a", remark("harbour plans"));
        storyId = thread("roles", "a").get("story").get("id").asText();
    }

    private record Call(String name, Function<ApiClient, Response> send, int[] statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Expected statuses in the order of ROLES: admin, moderator here, moderator elsewhere, reader, signed out. */
    static Stream<Arguments> calls() {
        List<Call> calls = List.of(
                new Call("list the stories", c -> c.get("/api/v1/moderation/stories?site=roles"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("list the closed stories by recent activity", c -> c.get(
                        "/api/v1/moderation/stories?site=roles&sort=recent&status=closed"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("premoderate a story", c -> c.patch("/api/v1/moderation/stories/" + storyId,
                        Map.of("premoderated", false)), new int[] {200, 200, 403, 403, 401}),
                new Call("reopen a story", c -> c.patch("/api/v1/moderation/stories/" + storyId,
                        Map.of("status", "open")), new int[] {200, 200, 403, 403, 401}));
        List<Arguments> arguments = new ArrayList<>();
        for (Call call : calls) {
            for (int i = 0; i < ROLES.size(); i++) {
                arguments.add(Arguments.of(call, ROLES.get(i), call.statuses()[i]));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{1}: {0} → {2}")
    @MethodSource("calls")
    void the_stories_answer_each_role_as_designed(Call call, String role, int expected) {
        Response response = call.send().apply(clients.get(role));
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.json().get("error").asText()).isNotBlank();
        } else {
            assertThat(response.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void bad_sorts_statuses_cursors_and_sites_are_named() {
        ApiClient mod = clients.get("mod");
        assertThat(field(mod.get("/api/v1/moderation/stories?site=roles&sort=loudest"))).isEqualTo("sort");
        assertThat(field(mod.get("/api/v1/moderation/stories?site=roles&status=ajar"))).isEqualTo("status");
        assertThat(field(mod.get("/api/v1/moderation/stories?site=roles&cursor=@@@"))).isEqualTo("cursor");
        assertThat(field(mod.get("/api/v1/moderation/stories?site=roles&limit=0"))).isEqualTo("limit");
        assertThat(mod.get("/api/v1/moderation/stories?site=nowhere").status()).isEqualTo(404);
        assertThat(mod.patch("/api/v1/moderation/stories/no-such-story", Map.of("status", "closed")).status())
                .isEqualTo(404);
    }

    @Test
    void a_moderator_closes_reopens_and_premoderates_and_the_list_shows_it() {
        ApiClient mod = clients.get("mod");
        post("roles", "b", remark("school timetable"));
        String id = thread("roles", "b").get("story").get("id").asText();
        JsonNode closed = mod.patch("/api/v1/moderation/stories/" + id, Map.of("status", "closed",
                "premoderated", true)).json().get("story");
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("premoderated").asBoolean()).isTrue();
        assertThat(closed.get("commentCount").asLong()).isEqualTo(1);
        assertThat(writer.post("/api/v1/comments", Map.of("site", "roles", "url", url("roles", "b"),
                "body", remark("cycling lanes"))).json().get("error").asText()).isEqualTo("story_closed");
        assertThat(ids(mod, "roles", "status=closed")).contains(id);
        assertThat(ids(mod, "roles", "status=open")).doesNotContain(id);

        assertThat(mod.patch("/api/v1/moderation/stories/" + id, Map.of("status", "open")).json().get("story")
                .get("status").asText()).isEqualTo("open");
        JsonNode held = post("roles", "b", remark("tram extension"));
        assertThat(held.get("status").asText()).isEqualTo("pending");
        JsonNode listed = entry(mod, "roles", id);
        assertThat(listed.get("pending").asLong()).isEqualTo(1);
        assertThat(listed.get("commentCount").asLong()).isEqualTo(1);
        assertThat(listed.get("premoderated").asBoolean()).isTrue();
        assertThat(listed.get("lastActivityAt").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(listed.get("url").asText()).isEqualTo(url("roles", "b"));
    }

    @Test
    void the_busiest_story_comes_first_and_pages_follow_each_order() {
        post("order", "old", remark("river walk"));
        post("order", "old", remark("bakery reopening"));
        post("order", "old", remark("book fair"));
        CLOCK.advance(Duration.ofDays(8));
        post("order", "busy", remark("rowing club"));
        post("order", "busy", remark("winter market"));
        CLOCK.advance(Duration.ofMinutes(1));
        post("order", "quiet", remark("bus routes"));
        thread("order", "silent");
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(pagedUrls("order", "", 3)).containsExactly(url("order", "busy"), url("order", "quiet"),
                url("order", "old"), url("order", "silent"));
        assertThat(pagedUrls("order", "sort=recent", 1)).containsExactly(url("order", "quiet"),
                url("order", "busy"), url("order", "old"), url("order", "silent"));
        JsonNode busy = entry(clients.get("admin"), "order", thread("order", "busy").get("story").get("id").asText());
        assertThat(busy.get("lastWeek").asLong()).isEqualTo(2);
        JsonNode old = entry(clients.get("admin"), "order", thread("order", "old").get("story").get("id").asText());
        assertThat(old.get("lastWeek").asLong()).isZero();
        assertThat(old.get("commentCount").asLong()).isEqualTo(3);
        JsonNode silent = entry(clients.get("admin"), "order",
                thread("order", "silent").get("story").get("id").asText());
        assertThat(silent.get("lastActivityAt").isNull()).isTrue();
    }

    @Test
    void the_site_rule_closes_a_story_some_days_after_its_first_comment_until_a_moderator_reopens_it() {
        ApiClient mod = clients.get("mod");
        assertThat(field(mod.patch("/api/v1/moderation/sites/rule/settings", Map.of("closeAfterDays", -1))))
                .isEqualTo("closeAfterDays");
        assertThat(mod.patch("/api/v1/moderation/sites/rule/settings", Map.of("closeAfterDays", 2)).json()
                .get("settings").get("closeAfterDays").asInt()).isEqualTo(2);
        Instant first = CLOCK.instant();
        post("rule", "talk", remark("orchard project"));
        thread("rule", "quiet");
        JsonNode before = thread("rule", "talk").get("story");
        assertThat(before.get("status").asText()).isEqualTo("open");
        assertThat(before.get("closesAt").asText()).isEqualTo(first.plus(Duration.ofDays(2)).toString());
        assertThat(thread("rule", "quiet").get("story").get("closesAt").isNull()).isTrue();

        CLOCK.advance(Duration.ofDays(1));
        assertThat(post("rule", "talk", remark("museum hours")).get("status").asText())
                .isEqualTo("published");
        CLOCK.advance(Duration.ofDays(1));
        Response refused = writer.post("/api/v1/comments", Map.of("site", "rule", "url", url("rule", "talk"),
                "body", remark("library hours")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("story_closed");
        assertThat(refused.json().get("message").asText()).contains("2 days after its first comment");
        assertThat(server.client().get("/api/v1/threads?site=rule&limit=5&url=" + ApiClient.encode(url("rule",
                "talk"))).json().get("story").get("status").asText()).isEqualTo("closed");
        String talk = before.get("id").asText();
        String quiet = thread("rule", "quiet").get("story").get("id").asText();
        assertThat(ids(mod, "rule", "status=closed")).containsExactly(talk);
        assertThat(ids(mod, "rule", "status=open")).containsExactly(quiet);
        assertThat(entry(mod, "rule", talk).get("status").asText()).isEqualTo("closed");

        JsonNode reopened = mod.patch("/api/v1/moderation/stories/" + talk, Map.of("status", "open")).json()
                .get("story");
        assertThat(reopened.get("status").asText()).isEqualTo("open");
        assertThat(reopened.get("closesAt").asText()).isEqualTo(CLOCK.instant().plus(Duration.ofDays(2)).toString());
        assertThat(post("rule", "talk", remark("park benches")).get("status").asText())
                .isEqualTo("published");

        mod.patch("/api/v1/moderation/sites/rule/settings", Map.of("closeAfterDays", 0));
        CLOCK.advance(Duration.ofDays(3));
        assertThat(post("rule", "talk", remark("concert series")).get("status").asText())
                .isEqualTo("published");
    }

    @Test
    void featured_comments_are_the_threads_editors_picks_until_unfeatured() {
        ApiClient mod = clients.get("mod");
        assertThat(thread("picks", "a").get("picks")).isEmpty();
        String plain = post("picks", "a", remark("weekly market")).get("comment").get("id").asText();
        String picked = post("picks", "a", "**Worth reading:** the council's budget "
                + "gives the library more money for new books, ".repeat(6)).get("comment").get("id").asText();
        assertThat(mod.post("/api/v1/moderation/comments/" + picked + "/decision", Map.of("action", "feature"))
                .status()).isEqualTo(200);

        JsonNode picks = thread("picks", "a").get("picks");
        assertThat(picks).hasSize(1);
        assertThat(picks.get(0).get("id").asText()).isEqualTo(picked);
        assertThat(picks.get(0).get("author").get("displayName").asText()).isEqualTo("Writer");
        String excerpt = picks.get(0).get("excerpt").asText();
        assertThat(excerpt).startsWith("Worth reading: the council's budget gives")
                .endsWith("…").doesNotContain("**");
        assertThat(excerpt.length()).isLessThanOrEqualTo(161);
        assertThat(picks.toString()).doesNotContain(plain);

        mod.post("/api/v1/moderation/comments/" + picked + "/decision", Map.of("action", "unfeature"));
        assertThat(thread("picks", "a").get("picks")).isEmpty();
    }

    /** A friendly comment on a topic; each test comment names its own, so none repeats another. */
    private static String remark(String topic) {
        return "Thanks for the careful report on the " + topic + ", I learned something today.";
    }

    private static String url(String site, String article) {
        return "https://" + site + ".example/" + article;
    }

    private static JsonNode post(String site, String article, String body) {
        Response response = writer.post("/api/v1/comments", Map.of("site", site, "url", url(site, article),
                "body", body));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode thread(String site, String article) {
        return server.client().get("/api/v1/threads?site=" + site + "&url=" + ApiClient.encode(url(site, article)))
                .json();
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("field").asText();
    }

    /** The ids of the first page of a site's stories with these query parameters. */
    private static List<String> ids(ApiClient client, String site, String query) {
        List<String> ids = new ArrayList<>();
        client.get("/api/v1/moderation/stories?site=" + site + "&" + query).json().get("stories")
                .forEach(story -> ids.add(story.get("id").asText()));
        return ids;
    }

    private static JsonNode entry(ApiClient client, String site, String id) {
        for (JsonNode story : client.get("/api/v1/moderation/stories?site=" + site + "&limit=100").json()
                .get("stories")) {
            if (story.get("id").asText().equals(id)) {
                return story;
            }
        }
        throw new AssertionError("no story " + id + " on " + site);
    }

    /** The URLs of every story of a site, page after page of {@code limit}, checking each page's size. */
    private static List<String> pagedUrls(String site, String query, int limit) {
        List<String> urls = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = clients.get("admin").get("/api/v1/moderation/stories?site=" + site + "&limit=" + limit
                    + "&" + query + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.get("stories").size()).isBetween(1, limit);
            page.get("stories").forEach(story -> urls.add(story.get("url").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return urls;
    }
}
