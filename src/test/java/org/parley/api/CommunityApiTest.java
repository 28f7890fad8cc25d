package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * The readers' community API (issue 14, item 3) for every role: mutes, followed threads, the per-reader answer
 * beside the shared thread page, replies since the last look, and the reader's data export and account deletion.
 */
class CommunityApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Map<String, ApiClient> clients = new HashMap<>();
    private static final Map<String, String> ids = new HashMap<>();
    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        ids.put("admin", accounts.create("admin@community.example", PASSWORD, "Ada", Role.ADMIN).id());
        ids.put("mod", accounts.create("mod@community.example", PASSWORD, "Moe", Role.READER).id());
        new ModeratorAccess(jdbi).assign(ids.get("mod"), "demo");
        ids.put("reader", accounts.create("reader@community.example", PASSWORD, "Rea", Role.READER).id());
        for (String role : List.of("admin", "mod", "reader")) {
            ApiClient client = server.client();
            assertThat(client.post("/api/v1/auth/login", Map.of("email", role + "@community.example",
                    "password", PASSWORD)).status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
    }

    @Test
    void every_signed_in_role_mutes_and_unmutes_a_reader_while_signed_out_callers_are_refused() {
        ApiClient loud = server.client();
        String loudId = loud.signUp("loud@community.example", "Loud").get("id").asText();
        for (String role : List.of("admin", "mod", "reader")) {
            ApiClient client = clients.get(role);
            Response muted = client.post("/api/v1/me/mutes", Map.of("userId", loudId));
            assertThat(muted.status()).as(role).isEqualTo(201);
            assertThat(muted.json().get("mute").get("displayName").asText()).isEqualTo("Loud");
            assertThat(client.post("/api/v1/me/mutes", Map.of("userId", loudId)).status()).isEqualTo(201);
            assertThat(userIds(client.get("/api/v1/me/mutes").json().get("mutes"))).containsExactly(loudId);
            assertThat(client.delete("/api/v1/me/mutes/" + loudId).status()).isEqualTo(204);
            assertThat(client.get("/api/v1/me/mutes").json().get("mutes")).isEmpty();
        }
        ApiClient signedOut = clients.get("signedOut");
        assertThat(signedOut.post("/api/v1/me/mutes", Map.of("userId", loudId)).status()).isEqualTo(401);
        assertThat(signedOut.get("/api/v1/me/mutes").status()).isEqualTo(401);
        assertThat(signedOut.delete("/api/v1/me/mutes/" + loudId).status()).isEqualTo(401);
    }

    @Test
    void nobody_mutes_themselves_staff_or_someone_who_does_not_exist() {
        ApiClient reader = clients.get("reader");
        Response self = reader.post("/api/v1/me/mutes", Map.of("userId", ids.get("reader")));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().get("error").asText()).isEqualTo("self");
        for (String staff : List.of("mod", "admin")) {
            Response refused = reader.post("/api/v1/me/mutes", Map.of("userId", ids.get(staff)));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("staff");
        }
        assertThat(reader.post("/api/v1/me/mutes", Map.of("userId", "nobody")).status()).isEqualTo(404);
        assertThat(reader.post("/api/v1/me/mutes", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void a_mute_collapses_the_authors_comments_for_the_muter_only_and_the_thread_stays_one_shared_answer() {
        String url = server.baseUrl() + "/news/muted-thread";
        ApiClient rude = server.client();
        String rudeId = rude.signUp("rude@community.example", "Rude").get("id").asText();
        rude.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "A remark someone will mute."));
        ApiClient muter = server.client();
        muter.signUp("muter@community.example", "Muter");
        assertThat(muter.post("/api/v1/me/mutes", Map.of("userId", rudeId)).status()).isEqualTo(201);

        String query = "?site=demo&url=" + ApiClient.encode(url);
        assertThat(muter.get("/api/v1/me/community" + query).json().get("muted").get(0).asText()).isEqualTo(rudeId);
        for (String role : List.of("admin", "mod", "reader")) {
            assertThat(clients.get(role).get("/api/v1/me/community" + query).json().get("muted")).as(role).isEmpty();
        }
        assertThat(muter.get("/api/v1/me/community?site=demo&url=" + ApiClient.encode(server.demoArticleUrl()))
                .json().get("muted")).as("the muted author never wrote there").isEmpty();
        assertThat(clients.get("signedOut").get("/api/v1/me/community" + query).status()).isEqualTo(401);
        assertThat(muter.get("/api/v1/threads" + query).text())
                .isEqualTo(clients.get("signedOut").get("/api/v1/threads" + query).text());
    }

    @Test
    void every_signed_in_role_follows_and_unfollows_a_thread() {
        String url = server.baseUrl() + "/news/followed-" + System.nanoTime();
        String query = "?site=demo&url=" + ApiClient.encode(url);
        for (String role : List.of("admin", "mod", "reader")) {
            ApiClient client = clients.get(role);
            Response followed = client.post("/api/v1/me/subscriptions", Map.of("site", "demo", "url", url));
            assertThat(followed.status()).as(role).isEqualTo(201);
            assertThat(client.get("/api/v1/me/community" + query).json().get("following").asBoolean()).isTrue();
            JsonNode list = client.get("/api/v1/me/subscriptions").json().get("subscriptions");
            assertThat(StreamSupport.stream(list.spliterator(), false).map(item -> item.get("url").asText()))
                    .contains(url);
            assertThat(client.delete("/api/v1/me/subscriptions" + query).status()).isEqualTo(204);
            assertThat(client.get("/api/v1/me/community" + query).json().get("following").asBoolean()).isFalse();
        }
        ApiClient signedOut = clients.get("signedOut");
        assertThat(signedOut.post("/api/v1/me/subscriptions", Map.of("site", "demo", "url", url)).status())
                .isEqualTo(401);
        assertThat(signedOut.get("/api/v1/me/subscriptions").status()).isEqualTo(401);
        assertThat(clients.get("reader").post("/api/v1/me/subscriptions", Map.of("site", "demo",
                "url", "https://elsewhere.example/news")).status()).isEqualTo(403);
        assertThat(clients.get("reader").post("/api/v1/me/subscriptions", Map.of("site", "nosuchsite",
                "url", url)).status()).isEqualTo(404);
    }

    @Test
    void replies_since_the_last_look_count_in_the_badge_until_the_reader_looks() {
        String url = server.baseUrl() + "/news/replies";
        String query = "?site=demo&url=" + ApiClient.encode(url);
        ApiClient asker = server.client();
        asker.signUp("asker@community.example", "Asker");
        String question = asker.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "Who decided on the new tram route?")).json().get("comment").get("id").asText();
        ApiClient answerer = server.client();
        String answererId = answerer.signUp("answerer@community.example", "Answerer").get("id").asText();
        answerer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "parentId", question,
                "body", "The council did, last spring."));
        asker.post("/api/v1/comments", Map.of("site", "demo", "url", url, "parentId", question,
                "body", "Thanks, my own follow-up does not count."));
        ApiClient muted = server.client();
        String mutedId = muted.signUp("heckler@community.example", "Heckler").get("id").asText();
        muted.post("/api/v1/comments", Map.of("site", "demo", "url", url, "parentId", question,
                "body", "A reply from someone the asker muted."));
        asker.post("/api/v1/me/mutes", Map.of("userId", mutedId));

        assertThat(asker.get("/api/v1/me/community" + query).json().get("newReplies").asLong()).isEqualTo(1);
        JsonNode replies = asker.get("/api/v1/me/replies?site=demo").json();
        assertThat(replies.get("lastVisit").isNull()).isTrue();
        assertThat(replies.get("replies")).hasSize(1);
        JsonNode reply = replies.get("replies").get(0);
        assertThat(reply.get("authorId").asText()).isEqualTo(answererId);
        assertThat(reply.get("excerpt").asText()).isEqualTo("The council did, last spring.");
        assertThat(reply.get("url").asText()).isEqualTo(url);
        assertThat(reply.get("fresh").asBoolean()).isTrue();

        assertThat(asker.post("/api/v1/me/replies/seen", Map.of("site", "demo")).status()).isEqualTo(204);
        assertThat(asker.get("/api/v1/me/community" + query).json().get("newReplies").asLong()).isZero();
        JsonNode seen = asker.get("/api/v1/me/replies?site=demo").json();
        assertThat(seen.get("lastVisit").isNull()).isFalse();
        assertThat(seen.get("replies").get(0).get("fresh").asBoolean()).isFalse();

        for (String role : List.of("admin", "mod", "reader")) {
            assertThat(clients.get(role).get("/api/v1/me/replies?site=demo").status()).as(role).isEqualTo(200);
        }
        assertThat(clients.get("signedOut").get("/api/v1/me/replies?site=demo").status()).isEqualTo(401);
        assertThat(clients.get("signedOut").post("/api/v1/me/replies/seen", Map.of("site", "demo")).status())
                .isEqualTo(401);
        assertThat(asker.get("/api/v1/me/replies?site=nosuchsite").status()).isEqualTo(404);
    }

    @Test
    void the_data_export_holds_mutes_follows_and_visits_and_deleting_the_account_removes_them() {
        ApiClient leaving = server.client();
        leaving.signUp("leaving@community.example", "Leaving");
        ApiClient other = server.client();
        String otherId = other.signUp("other@community.example", "Other").get("id").asText();
        String url = server.baseUrl() + "/news/leaving";
        leaving.post("/api/v1/me/mutes", Map.of("userId", otherId));
        leaving.post("/api/v1/me/subscriptions", Map.of("site", "demo", "url", url));
        leaving.post("/api/v1/me/replies/seen", Map.of("site", "demo"));

        JsonNode export = leaving.get("/api/v1/me/export").json();
        assertThat(export.get("mutes").get(0).get("userId").asText()).isEqualTo(otherId);
        assertThat(export.get("subscriptions").get(0).get("url").asText()).isEqualTo(url);
        assertThat(export.get("replyVisits").get(0).get("site").asText()).isEqualTo("demo");

        var jdbi = server.server().database().jdbi();
        leaving.patch("/api/v1/me/profile", Map.of("hidden", true));
        assertThat(leaving.delete("/api/v1/me").status()).isEqualTo(204);
        for (String table : List.of("mutes", "thread_follows", "reader_visits", "reader_profiles")) {
            long left = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table
                            + " t JOIN accounts a ON a.id = t.account_id WHERE a.deleted_at IS NOT NULL")
                    .mapTo(Long.class).one());
            assertThat(left).as(table).isZero();
        }
    }

    @Test
    void a_profile_shows_the_published_comments_on_the_site_to_everyone_until_its_reader_hides_it() {
        ApiClient writer = server.client();
        String writerId = writer.signUp("profiled@community.example", "Profiled").get("id").asText();
        String url = server.baseUrl() + "/news/profiles";
        for (String body : List.of("First thought on the ferry timetable.", "Second thought on the harbour.")) {
            writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", body));
        }
        String path = "/api/v1/users/" + writerId + "?site=demo";
        for (String role : List.of("admin", "mod", "reader", "signedOut")) {
            JsonNode profile = clients.get(role).get(path).json().get("profile");
            assertThat(profile.get("displayName").asText()).as(role).isEqualTo("Profiled");
            assertThat(profile.get("hidden").asBoolean()).isFalse();
            assertThat(profile.get("publishedComments").asLong()).isEqualTo(2);
            assertThat(profile.get("memberSince").isNull()).isFalse();
            assertThat(profile.get("recentComments").get(0).get("excerpt").asText())
                    .isEqualTo("Second thought on the harbour.");
            assertThat(profile.get("recentComments").get(0).get("url").asText()).isEqualTo(url);
        }

        Response hide = writer.patch("/api/v1/me/profile", Map.of("hidden", true));
        assertThat(hide.status()).isEqualTo(200);
        assertThat(hide.json().get("profile").get("hidden").asBoolean()).isTrue();
        for (String role : List.of("admin", "mod", "reader", "signedOut")) {
            JsonNode hidden = clients.get(role).get(path).json().get("profile");
            assertThat(hidden.get("displayName").asText()).as(role).isEqualTo("Profiled");
            assertThat(hidden.get("hidden").asBoolean()).isTrue();
            assertThat(hidden.get("publishedComments").isNull()).isTrue();
            assertThat(hidden.get("recentComments").isNull()).isTrue();
        }
        JsonNode own = writer.get(path).json().get("profile");
        assertThat(own.get("hidden").asBoolean()).isTrue();
        assertThat(own.get("publishedComments").asLong()).isEqualTo(2);
        assertThat(writer.get("/api/v1/me/export").json().get("profile").get("hidden").asBoolean()).isTrue();

        assertThat(clients.get("reader").get("/api/v1/users/nobody?site=demo").status()).isEqualTo(404);
        assertThat(clients.get("reader").get("/api/v1/users/" + writerId).status()).isEqualTo(400);
        assertThat(clients.get("reader").get("/api/v1/users/" + writerId + "?site=nosuchsite").status())
                .isEqualTo(404);
        assertThat(writer.patch("/api/v1/me/profile", Map.of()).status()).isEqualTo(400);
        assertThat(clients.get("signedOut").patch("/api/v1/me/profile", Map.of("hidden", true)).status())
                .isEqualTo(401);
    }

    @Test
    void admins_of_the_site_give_staff_badges_that_the_thread_page_carries_and_nobody_else_may() {
        ApiClient journalist = server.client();
        String journalistId = journalist.signUp("journalist@community.example", "Jo Reporter").get("id").asText();
        String path = "/api/v1/admin/sites/demo/badges/" + journalistId;
        for (String role : List.of("mod", "reader")) {
            assertThat(clients.get(role).put(path, Map.of("badge", "journalist")).status()).as(role).isEqualTo(403);
            assertThat(clients.get(role).get("/api/v1/admin/sites/demo/badges").status()).as(role).isEqualTo(403);
            assertThat(clients.get(role).delete(path).status()).as(role).isEqualTo(403);
        }
        assertThat(clients.get("signedOut").put(path, Map.of("badge", "journalist")).status()).isEqualTo(401);

        ApiClient admin = clients.get("admin");
        Response given = admin.put(path, Map.of("badge", "journalist"));
        assertThat(given.status()).isEqualTo(200);
        assertThat(given.json().get("badges").get(0).get("displayName").asText()).isEqualTo("Jo Reporter");
        assertThat(admin.put(path, Map.of("badge", "editor")).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/admin/sites/demo/badges/nobody", Map.of("badge", "staff")).status())
                .isEqualTo(404);
        assertThat(admin.put("/api/v1/admin/sites/nosuchsite/badges/" + journalistId, Map.of("badge", "staff"))
                .status()).isEqualTo(404);

        String url = server.baseUrl() + "/news/badges-" + System.nanoTime();
        JsonNode site = clients.get("signedOut").get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url))
                .json().get("site");
        assertThat(site.get("badges").get(journalistId).asText()).isEqualTo("journalist");

        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/sites/demo/badges").json().get("badges")).isEmpty();

        String byEmail = "/api/v1/admin/sites/demo/badges/journalist@community.example";
        assertThat(admin.put(byEmail, Map.of("badge", "staff")).status()).isEqualTo(200);
        assertThat(admin.delete(byEmail).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/sites/demo/badges").json().get("badges")).isEmpty();
        assertThat(admin.delete(byEmail).status()).as("nothing left to take").isEqualTo(204);
        assertThat(admin.delete("/api/v1/admin/sites/demo/badges/nobody@community.example").status())
                .isEqualTo(404);
    }

    private static List<String> userIds(JsonNode mutes) {
        return StreamSupport.stream(mutes.spliterator(), false).map(mute -> mute.get("userId").asText()).toList();
    }
}
