package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class ModerationApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Map<String, ApiClient> clients = new java.util.HashMap<>();
    private static String commentId;
    private static String subjectId;

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        new SiteStore(jdbi).save(new Site("other", "Other", List.of("https://other.example"), Site.DEFAULT_GUIDELINES),
                Instant.now());
        ModeratorAccess access = new ModeratorAccess(jdbi);
        accounts.create("admin@mod.example", "correct horse battery", "Admin", Role.ADMIN);
        access.assign(accounts.create("mod@mod.example", "correct horse battery", "Mod", Role.READER).id(), "demo");
        access.assign(accounts.create("other@mod.example", "correct horse battery", "Other", Role.READER).id(), "other");
        accounts.create("reader@mod.example", "correct horse battery", "Reader", Role.READER);
        for (String role : List.of("admin", "mod", "other", "reader")) {
            ApiClient client = server.client();
            Response login = client.post("/api/v1/auth/login",
                    Map.of("email", role + "@mod.example", "password", "correct horse battery"));
            assertThat(login.status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
        ApiClient subject = server.client();
        subjectId = subject.signUp("subject@mod.example", "Subject").get("id").asText();
        commentId = subject.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "A comment to moderate.")).json().get("comment").get("id").asText();
    }

    /** A new open notice of illegal content about the subject's comment, sent signed out. */
    private static String freshNotice() {
        return server.client().post("/api/v1/notices", Map.of("commentId", commentId, "category", "defamation",
                "explanation", "It names a neighbour as a thief.", "name", "Nora", "email", "nora@mod.example",
                "goodFaith", true)).json().get("notice").get("id").asText();
    }

    private record Call(String name, Function<ApiClient, Response> send, int[] statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<String> ROLES = List.of("admin", "mod", "other", "reader", "signedOut");

    /** Expected statuses in the order of ROLES: admin, moderator here, moderator elsewhere, reader, signed out. */
    static Stream<Arguments> calls() {
        List<Call> calls = new ArrayList<>(List.of(
                new Call("list my sites", c -> c.get("/api/v1/moderation/sites"), new int[] {200, 200, 200, 200, 401}),
                new Call("read the pending queue", c -> c.get("/api/v1/moderation/queue?site=demo&queue=pending"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("approve a comment", c -> c.post("/api/v1/moderation/comments/" + commentId + "/decision",
                        Map.of("action", "approve")), new int[] {200, 200, 403, 403, 401}),
                new Call("read the log", c -> c.get("/api/v1/moderation/log?site=demo"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("read the stats", c -> c.get("/api/v1/moderation/stats?site=demo"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("read the settings", c -> c.get("/api/v1/moderation/sites/demo/settings"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("change the settings", c -> c.patch("/api/v1/moderation/sites/demo/settings",
                        Map.of("linkLimit", 2)), new int[] {200, 200, 403, 403, 401}),
                new Call("see a reader's record", c -> c.get("/api/v1/moderation/users/" + subjectId),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("warn a reader", c -> c.post("/api/v1/moderation/users/" + subjectId + "/warn",
                        Map.of("message", "Please keep it civil.")), new int[] {200, 200, 403, 403, 401}),
                new Call("suspend a reader", c -> c.post("/api/v1/moderation/users/" + subjectId + "/ban",
                        Map.of("reason", "Cooling off.", "until", "2099-01-01T00:00:00Z")),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("lift a suspension", c -> c.delete("/api/v1/moderation/users/" + subjectId + "/ban"),
                        new int[] {204, 204, 403, 403, 401}),
                new Call("read the notices queue", c -> c.get("/api/v1/moderation/notices?site=demo&status=open"),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("decide a notice", c -> c.post("/api/v1/moderation/notices/" + freshNotice()
                        + "/decision", Map.of("action", "dismiss", "reason", "Lawful criticism.")),
                        new int[] {200, 200, 403, 403, 401}),
                new Call("send a notice", c -> c.post("/api/v1/notices", Map.of("commentId", commentId,
                        "category", "scam_or_fraud", "explanation", "It sells a fake lottery.", "name", "Nora",
                        "email", "nora@mod.example", "goodFaith", true)), new int[] {201, 201, 201, 201, 201})));
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
    void every_moderation_endpoint_answers_each_role_as_designed(Call call, String role, int expected) {
        Response response = call.send().apply(clients.get(role));
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.json().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void a_held_comment_waits_in_the_pending_queue_and_approval_publishes_it() {
        ApiClient admin = clients.get("admin");
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true));
        ApiClient writer = server.client();
        writer.signUp("held@mod.example", "Held");
        String url = server.baseUrl() + "/news/held";
        Response posted = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Wait for me."));
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", false));
        assertThat(posted.json().get("status").asText()).isEqualTo("pending");
        assertThat(posted.json().get("reasons").get(0).get("code").asText()).isEqualTo("premoderation.site");
        String id = posted.json().get("comment").get("id").asText();

        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("comments")).isEmpty();
        JsonNode own = writer.get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json().get("comments");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("status").asText()).isEqualTo("pending");

        JsonNode queue = admin.get("/api/v1/moderation/queue?site=demo&queue=pending").json();
        assertThat(queue.get("counts").get("pending").asLong()).isPositive();
        JsonNode item = findItem(queue, id);
        assertThat(item.get("body").asText()).isEqualTo("Wait for me.");
        assertThat(item.get("story").get("url").asText()).isEqualTo(url);
        assertThat(item.get("author").get("displayName").asText()).isEqualTo("Held");
        assertThat(item.get("reasons").get(0).get("code").asText()).isEqualTo("premoderation.site");

        Response decided = admin.post("/api/v1/moderation/comments/" + id + "/decision", Map.of("action", "approve"));
        assertThat(decided.json().get("comment").get("status").asText()).isEqualTo("published");
        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("comments")).hasSize(1);
        assertThat(findItem(admin.get("/api/v1/moderation/queue?site=demo&queue=approved").json(), id)).isNotNull();
        JsonNode log = admin.get("/api/v1/moderation/log?site=demo&action=approve").json().get("entries");
        assertThat(log.get(0).get("commentId").asText()).isEqualTo(id);
        assertThat(log.get(0).get("actor").get("displayName").asText()).isEqualTo("Admin");
    }

    @Test
    void enough_reports_queue_a_comment_and_more_hold_it_until_a_decision() {
        ApiClient admin = clients.get("admin");
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("reportsToQueue", 2, "reportsToHold", 3));
        ApiClient writer = server.client();
        writer.signUp("reported@mod.example", "Reported");
        String url = server.baseUrl() + "/news/reported";
        String id = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Contested words."))
                .json().get("comment").get("id").asText();
        for (int i = 0; i < 3; i++) {
            ApiClient reporter = server.client();
            reporter.signUp("reporter" + i + "@mod.example", "Reporter " + i);
            assertThat(reporter.post("/api/v1/comments/" + id + "/reports", Map.of("reason", "rude")).status())
                    .isEqualTo(201);
            if (i == 1) {
                JsonNode reported = admin.get("/api/v1/moderation/queue?site=demo&queue=reported").json();
                assertThat(findItem(reported, id).get("reports").get(0).get("count").asLong()).isEqualTo(2);
            }
        }
        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("comments")).isEmpty();
        admin.post("/api/v1/moderation/comments/" + id + "/decision", Map.of("action", "approve"));
        assertThat(findItem(admin.get("/api/v1/moderation/queue?site=demo&queue=reported").json(), id)).isNull();
        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("comments")).hasSize(1);
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("reportsToQueue", 3, "reportsToHold", 5));
    }

    @Test
    void a_suspended_reader_cannot_post_until_the_suspension_is_lifted() {
        ApiClient reader = server.client();
        String id = reader.signUp("suspended@mod.example", "Suspended").get("id").asText();
        assertThat(reader.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "A first remark on the demo site.")).status()).isEqualTo(201);
        clients.get("mod").post("/api/v1/moderation/users/" + id + "/ban",
                Map.of("reason", "Cooling off.", "until", "2099-01-01T00:00:00Z"));
        Response refused = reader.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Let me speak."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("user_banned");
        clients.get("mod").delete("/api/v1/moderation/users/" + id + "/ban");
        assertThat(reader.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Let me speak.")).status()).isEqualTo(201);
    }

    @Test
    void settings_out_of_range_are_400_naming_the_field_and_change_nothing() {
        ApiClient admin = clients.get("admin");
        Response bad = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("linkLimit", -1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("linkLimit");
        Response badThresholds = admin.patch("/api/v1/moderation/sites/demo/settings",
                Map.of("thresholds", Map.of("rude", Map.of("nudge", 0.9, "hold", 0.5))));
        assertThat(badThresholds.json().get("field").asText()).isEqualTo("thresholds");
        assertThat(admin.get("/api/v1/moderation/sites/demo/settings").json().get("settings").get("linkLimit").asInt())
                .isEqualTo(2);
    }

    @Test
    void an_unknown_decision_is_400_on_action_and_an_unknown_comment_404() {
        ApiClient admin = clients.get("admin");
        assertThat(admin.post("/api/v1/moderation/comments/" + commentId + "/decision", Map.of("action", "bury"))
                .json().get("field").asText()).isEqualTo("action");
        assertThat(admin.post("/api/v1/moderation/comments/nosuchcomment/decision", Map.of("action", "approve"))
                .status()).isEqualTo(404);
    }

    private static JsonNode findItem(JsonNode queue, String commentId) {
        for (JsonNode item : queue.get("items")) {
            if (item.get("comment").get("id").asText().equals(commentId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void an_insult_is_nudged_with_spans_then_sent_anyway_it_waits_with_its_scores_for_a_moderator() {
        ApiClient admin = clients.get("admin");
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("thresholds",
                Map.of("derogatory", Map.of("nudge", 0.3, "hold", 0.5, "reject", 0.9999))));
        ApiClient writer = server.client();
        writer.signUp("nudged@mod.example", "Nudged");
        String url = server.baseUrl() + "/news/nudged";
        Map<String, Object> body = new java.util.HashMap<>(Map.of("site", "demo", "url", url,
                "body", "Shut up, you pathetic moron, nobody wants your worthless opinion."));

        Response nudge = writer.post("/api/v1/comments", body);
        assertThat(nudge.status()).isEqualTo(422);
        assertThat(nudge.json().get("error").asText()).isEqualTo("guideline_nudge");
        assertThat(nudge.json().get("message").asText()).isNotBlank();
        assertThat(nudge.json().get("categories").get("derogatory").asDouble()).isGreaterThan(0.3);
        JsonNode span = nudge.json().get("spans").get(0);
        assertThat(span.get("end").asInt()).isGreaterThan(span.get("start").asInt());
        assertThat(span.get("category").asText()).isNotBlank();
        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("story").get("commentCount").asLong()).isZero();

        body.put("revised", true);
        Response sent = writer.post("/api/v1/comments", body);
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("thresholds", Map.of()));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("status").asText()).isEqualTo("pending");
        assertThat(sent.json().get("reasons").get(0).get("code").asText()).isEqualTo("civility.derogatory");

        JsonNode item = findItem(admin.get("/api/v1/moderation/queue?site=demo&queue=pending").json(),
                sent.json().get("comment").get("id").asText());
        assertThat(item.get("scores").get("derogatory").asDouble()).isGreaterThan(0.5);
        assertThat(item.get("plainText").asText()).startsWith("Shut up");
        JsonNode flagged = item.get("spans").get(0);
        assertThat(item.get("plainText").asText().substring(flagged.get("start").asInt(), flagged.get("end").asInt()))
                .isNotBlank();
        assertThat(item.get("modelVersion").asText()).isNotBlank();
    }

    @Test
    void a_civil_comment_from_a_new_account_is_published_at_once() {
        ApiClient writer = server.client();
        writer.signUp("civil@mod.example", "Civil");
        Response posted = writer.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "I disagree with the minister: a fixed quota ignores how dry the last two summers were."));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("status").asText()).isEqualTo("published");
    }

    @Test
    void a_moderator_closes_a_story_and_premoderates_another_and_decisions_log_the_scores() {
        ApiClient mod = clients.get("mod");
        ApiClient writer = server.client();
        writer.signUp("stories@mod.example", "Stories");
        String closedUrl = server.baseUrl() + "/news/closing";
        String storyId = writer.post("/api/v1/comments", Map.of("site", "demo", "url", closedUrl,
                "body", "Before the comments close, one more point on the quotas.")).json().get("comment")
                .get("id").asText();
        String closedStory = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(closedUrl))
                .json().get("story").get("id").asText();

        Response closed = mod.patch("/api/v1/moderation/stories/" + closedStory, Map.of("status", "closed"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("story").get("status").asText()).isEqualTo("closed");
        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(closedUrl)).json()
                .get("story").get("status").asText()).isEqualTo("closed");
        Response refused = writer.post("/api/v1/comments", Map.of("site", "demo", "url", closedUrl,
                "body", "Too late for this one, it seems."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("story_closed");
        assertThat(clients.get("other").patch("/api/v1/moderation/stories/" + closedStory,
                Map.of("status", "open")).status()).isEqualTo(403);
        assertThat(mod.patch("/api/v1/moderation/stories/" + closedStory, Map.of("status", "ajar")).json()
                .get("field").asText()).isEqualTo("status");

        String premodUrl = server.baseUrl() + "/news/premoderated";
        writer.post("/api/v1/comments", Map.of("site", "demo", "url", premodUrl, "body", "Opening remark here."));
        String premodStory = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(premodUrl))
                .json().get("story").get("id").asText();
        mod.patch("/api/v1/moderation/stories/" + premodStory, Map.of("premoderated", true));
        Response held = writer.post("/api/v1/comments", Map.of("site", "demo", "url", premodUrl,
                "body", "A second remark, held for review."));
        assertThat(held.json().get("reasons").get(0).get("code").asText()).isEqualTo("premoderation.story");

        mod.post("/api/v1/moderation/comments/" + storyId + "/decision", Map.of("action", "feature"));
        JsonNode entry = mod.get("/api/v1/moderation/log?site=demo&action=feature").json().get("entries").get(0);
        assertThat(entry.get("commentId").asText()).isEqualTo(storyId);
        assertThat(entry.get("scores").asText()).contains("derogatory");
        assertThat(entry.get("modelVersion").asText()).isNotBlank();
    }

    @Test
    void a_site_sets_its_own_edit_window() {
        ApiClient admin = clients.get("admin");
        ApiClient writer = server.client();
        writer.signUp("window@mod.example", "Window");
        String url = server.baseUrl() + "/news/window";
        String id = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "A first draft of my view on the treaty.")).json().get("comment").get("id").asText();

        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("editWindowMinutes", 0)).json()
                .get("settings").get("editWindowMinutes").asInt()).isZero();
        Response refused = writer.patch("/api/v1/comments/" + id, Map.of("body", "A second draft of my view."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("edit_window_closed");
        assertThat(server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("site").get("editWindowSeconds").asLong()).isZero();

        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("editWindowMinutes", 30));
        assertThat(writer.patch("/api/v1/comments/" + id, Map.of("body", "A second draft of my view.")).status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("editWindowMinutes", -5)).json()
                .get("field").asText()).isEqualTo("editWindowMinutes");
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("editWindowMinutes", 15));
    }
}
