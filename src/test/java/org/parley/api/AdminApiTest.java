package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** The admins' API over real HTTP: every route for every kind of caller, then what each route does. */
class AdminApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final List<String> ROLES = List.of("admin", "adminToken", "demoAdminToken", "demoModeratorToken",
            "moderator", "reader", "signedOut");
    private static final Map<String, ApiClient> clients = new java.util.HashMap<>();
    private static final AtomicInteger counter = new AtomicInteger();
    private static Accounts accounts;
    private static Account adminAccount;
    private static Account subject;

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        new SiteStore(jdbi).save(new Site("other", "Other", List.of("https://other.example"), Site.DEFAULT_GUIDELINES),
                Instant.now());
        adminAccount = accounts.create("admin@admin.example", "correct horse battery", "Admin", Role.ADMIN);
        new ModeratorAccess(jdbi).assign(
                accounts.create("mod@admin.example", "correct horse battery", "Mod", Role.READER).id(), "demo");
        accounts.create("reader@admin.example", "correct horse battery", "Reader", Role.READER);
        subject = accounts.create("subject@admin.example", "correct horse battery", "Subject", Role.READER);
        for (String role : List.of("admin", "moderator", "reader")) {
            ApiClient client = server.client();
            String email = (role.equals("moderator") ? "mod" : role) + "@admin.example";
            assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                    .status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
        clients.put("adminToken", bearer(newToken(Map.of("name", "everything", "role", "admin"))));
        clients.put("demoAdminToken", bearer(newToken(Map.of("name", "demo admin", "role", "admin", "site", "demo"))));
        clients.put("demoModeratorToken", bearer(newToken(Map.of("name", "demo bot", "role", "moderator",
                "site", "demo"))));
    }

    private static String newToken(Map<String, String> request) {
        Response made = clients.get("admin").post("/api/v1/admin/tokens", request);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("token").asText();
    }

    private static ApiClient bearer(String token) {
        return server.client().withBearer(token);
    }

    private record Call(String name, Function<ApiClient, Response> send, int[] statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Response newSite(ApiClient client) {
        return client.post("/api/v1/admin/sites", Map.of("id", "made-" + counter.incrementAndGet(), "name", "Made",
                "origins", List.of("https://made.example")));
    }

    private static Response assignThenRemove(ApiClient client, String site) {
        Response put = client.put("/api/v1/admin/sites/" + site + "/moderators/" + subject.id());
        return put.status() == 200 ? client.delete("/api/v1/admin/sites/" + site + "/moderators/" + subject.id()) : put;
    }

    private static Response revokeAToken(ApiClient client) {
        String id = accounts.createToken(adminAccount.id(), "victim", null, null).token().id();
        return client.delete("/api/v1/admin/tokens/" + id);
    }

    /** Expected statuses in the order of ROLES. */
    static Stream<Arguments> calls() {
        return Stream.of(
                new Call("list sites", c -> c.get("/api/v1/admin/sites"),
                        new int[] {200, 200, 403, 403, 403, 403, 401}),
                new Call("create a site", AdminApiTest::newSite, new int[] {201, 201, 403, 403, 403, 403, 401}),
                new Call("change this site", c -> c.patch("/api/v1/admin/sites/demo", Map.of("name", "Parley demo")),
                        new int[] {200, 200, 200, 403, 403, 403, 401}),
                new Call("change another site", c -> c.patch("/api/v1/admin/sites/other", Map.of("name", "Other")),
                        new int[] {200, 200, 403, 403, 403, 403, 401}),
                new Call("assign and remove a moderator here", c -> assignThenRemove(c, "demo"),
                        new int[] {204, 204, 204, 403, 403, 403, 401}),
                new Call("assign and remove a moderator elsewhere", c -> assignThenRemove(c, "other"),
                        new int[] {204, 204, 403, 403, 403, 403, 401}),
                new Call("create a token", c -> c.post("/api/v1/admin/tokens", Map.of("name", "made")),
                        new int[] {201, 201, 403, 403, 403, 403, 401}),
                new Call("list tokens", c -> c.get("/api/v1/admin/tokens"),
                        new int[] {200, 200, 403, 403, 403, 403, 401}),
                new Call("revoke a token", AdminApiTest::revokeAToken, new int[] {204, 204, 403, 403, 403, 403, 401}),
                new Call("moderate this site", c -> c.get("/api/v1/moderation/queue?site=demo&queue=pending"),
                        new int[] {200, 200, 200, 200, 200, 403, 401}),
                new Call("moderate another site", c -> c.get("/api/v1/moderation/queue?site=other&queue=pending"),
                        new int[] {200, 200, 403, 403, 403, 403, 401}),
                new Call("see another site's models", c -> c.get("/api/v1/moderation/sites/other/models"),
                        new int[] {200, 200, 403, 403, 403, 403, 401})
        ).flatMap(call -> {
            Stream.Builder<Arguments> cases = Stream.builder();
            for (int i = 0; i < ROLES.size(); i++) {
                cases.add(Arguments.of(call, ROLES.get(i), call.statuses()[i]));
            }
            return cases.build();
        });
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("calls")
    void eachRouteAnswersEachKindOfCaller(Call call, String role, int expected) {
        Response response = call.send().apply(clients.get(role));
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.json().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void anAdminCreatesASiteWhoseOriginThenCarriesThreads() {
        ApiClient admin = clients.get("admin");
        Response created = admin.post("/api/v1/admin/sites", Map.of("id", "gazette", "name", "The Gazette",
                "origins", List.of("HTTPS://WWW.Gazette.example:443"), "guidelines", "Be kind.", "language", "tr"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode site = created.json().get("site");
        assertThat(site.get("origins").get(0).asText()).isEqualTo("https://www.gazette.example");
        assertThat(site.get("language").asText()).isEqualTo("tr");
        assertThat(site.get("sso").asBoolean()).isFalse();
        Response thread = server.client().get("/api/v1/threads?site=gazette&url="
                + ApiClient.encode("https://www.gazette.example/2026/first"));
        assertThat(thread.status()).isEqualTo(200);
        assertThat(thread.json().get("site").get("guidelines").asText()).isEqualTo("Be kind.");
        Response changed = admin.patch("/api/v1/admin/sites/gazette", Map.of("language", "en",
                "origins", List.of("https://gazette.example")));
        assertThat(changed.json().get("site").get("language").asText()).isEqualTo("en");
        assertThat(changed.json().get("site").get("name").asText()).isEqualTo("The Gazette");
        assertThat(admin.get("/api/v1/admin/sites").json().get("sites").findValuesAsText("id")).contains("gazette");
    }

    @Test
    void badSitesAreRefusedFieldByField() {
        ApiClient admin = clients.get("admin");
        Map<String, Map<String, Object>> bad = Map.of(
                "id", Map.of("id", "Not An Id", "name", "x", "origins", List.of("https://x.example")),
                "name", Map.of("id", "noname", "name", " ", "origins", List.of("https://x.example")),
                "origins", Map.of("id", "badorigin", "name", "x", "origins", List.of("https://x.example/path")),
                "language", Map.of("id", "badlang", "name", "x", "origins", List.of("https://x.example"),
                        "language", "english please"));
        bad.forEach((field, body) -> {
            Response response = admin.post("/api/v1/admin/sites", body);
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.json().get("field").asText()).isEqualTo(field);
        });
        assertThat(admin.get("/api/v1/admin/sites").json().get("sites").findValuesAsText("id"))
                .doesNotContain("noname", "badorigin", "badlang");
        Response taken = admin.post("/api/v1/admin/sites", Map.of("id", "demo", "name", "Again",
                "origins", List.of("https://again.example")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("error").asText()).isEqualTo("site_exists");
        assertThat(admin.patch("/api/v1/admin/sites/nowhere", Map.of("name", "x")).status()).isEqualTo(404);
    }

    @Test
    void aModeratorAssignedByEmailModeratesUntilRemoved() {
        ApiClient admin = clients.get("admin");
        Account helper = accounts.create("helper@admin.example", "correct horse battery", "Helper", Role.READER);
        ApiClient client = server.client();
        client.post("/api/v1/auth/login", Map.of("email", "helper@admin.example", "password", "correct horse battery"));
        assertThat(client.get("/api/v1/moderation/queue?site=other&queue=pending").status()).isEqualTo(403);
        Response assigned = admin.put("/api/v1/admin/sites/other/moderators/HELPER@admin.example");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("moderators").findValuesAsText("id")).contains(helper.id());
        assertThat(client.get("/api/v1/moderation/queue?site=other&queue=pending").status()).isEqualTo(200);
        JsonNode listed = admin.get("/api/v1/admin/sites").json().get("sites");
        assertThat(listed.findValues("moderators").toString()).contains("helper@admin.example");
        assertThat(admin.delete("/api/v1/admin/sites/other/moderators/" + helper.id()).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/moderation/queue?site=other&queue=pending").status()).isEqualTo(403);
        assertThat(accounts.findAccount(helper.id()).orElseThrow().role()).isEqualTo(Role.READER);
        assertThat(admin.delete("/api/v1/admin/sites/other/moderators/" + helper.id()).status()).isEqualTo(404);
        assertThat(admin.put("/api/v1/admin/sites/other/moderators/nobody@admin.example").status()).isEqualTo(404);
    }

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndStopsWorkingWhenRevoked() {
        ApiClient admin = clients.get("admin");
        Response made = admin.post("/api/v1/admin/tokens", Map.of("name", "nightly export", "role", "moderator",
                "site", "other"));
        assertThat(made.status()).isEqualTo(201);
        String secret = made.json().get("token").asText();
        String id = made.json().get("id").asText();
        assertThat(secret).startsWith("pt_");
        assertThat(made.json().get("role").asText()).isEqualTo("moderator");
        Response listed = admin.get("/api/v1/admin/tokens");
        assertThat(listed.text()).doesNotContain(secret);
        JsonNode token = null;
        for (JsonNode candidate : listed.json().get("tokens")) {
            if (candidate.get("id").asText().equals(id)) {
                token = candidate;
            }
        }
        assertThat(token).isNotNull();
        assertThat(token.get("site").asText()).isEqualTo("other");
        assertThat(token.get("name").asText()).isEqualTo("nightly export");
        ApiClient bot = bearer(secret);
        assertThat(bot.get("/api/v1/moderation/queue?site=other&queue=pending").status()).isEqualTo(200);
        assertThat(bot.get("/api/v1/admin/tokens").status()).as("a moderator token is no admin").isEqualTo(403);
        assertThat(admin.delete("/api/v1/admin/tokens/" + id).status()).isEqualTo(204);
        Response afterwards = bot.get("/api/v1/moderation/queue?site=other&queue=pending");
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.json().get("error").asText()).isEqualTo("bad_token");
        assertThat(admin.delete("/api/v1/admin/tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void onlyAModeratorOfItsSiteMayDeleteSomeoneElsesComment() {
        ApiClient writer = server.client();
        writer.signUp("writer@admin.example", "Writer");
        java.util.function.Supplier<String> comment = () -> writer.post("/api/v1/comments", Map.of("site", "other",
                "url", "https://other.example/2026/story", "body", "A comment on the other site " + counter
                        .incrementAndGet())).json().get("comment").get("id").asText();
        String id = comment.get();
        for (String elsewhere : List.of("moderator", "demoModeratorToken", "demoAdminToken")) {
            Response refused = clients.get(elsewhere).delete("/api/v1/comments/" + id);
            assertThat(refused.status()).as(elsewhere).isEqualTo(403);
        }
        assertThat(clients.get("adminToken").delete("/api/v1/comments/" + id).status()).isEqualTo(204);
        assertThat(writer.delete("/api/v1/comments/" + comment.get()).status()).as("its author").isEqualTo(204);
    }

    @Test
    void tokensAreRefusedForBadRolesSitesAndNames() {
        ApiClient admin = clients.get("admin");
        assertThat(admin.post("/api/v1/admin/tokens", Map.of("name", "x", "role", "reader")).json().get("field")
                .asText()).isEqualTo("role");
        assertThat(admin.post("/api/v1/admin/tokens", Map.of("name", "x", "site", "nowhere")).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/admin/tokens", Map.of("name", " ")).json().get("field").asText())
                .isEqualTo("name");
        Account moderator = accounts.findByEmail("mod@admin.example").orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.createToken(moderator.id(), "escalate",
                Role.ADMIN, null)).hasMessageContaining("at most its account's role");
    }
}
