package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** A reader's export and account deletion over real HTTP, and what is left in the database afterwards. */
class PrivacyApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static ApiClient admin;
    private static Jdbi jdbi;
    private static int readers;

    @BeforeAll
    static void setUp() {
        jdbi = server.server().database().jdbi();
        new SiteStore(jdbi).save(new Site("strict", "Strict", List.of(server.baseUrl()), Site.DEFAULT_GUIDELINES),
                Instant.now());
        new Accounts(new AccountStore(jdbi), Clock.systemUTC())
                .create("admin@privacy.example", "correct horse battery", "Admin", Role.ADMIN);
        admin = server.client();
        admin.post("/api/v1/auth/login", Map.of("email", "admin@privacy.example", "password",
                "correct horse battery"));
        assertThat(admin.patch("/api/v1/moderation/sites/strict/settings",
                Map.of("deletedAccountComments", "remove")).status()).isEqualTo(200);
    }

    private static ApiClient reader(String name) {
        ApiClient client = server.client();
        client.signUp(name.toLowerCase() + (++readers) + "@privacy.example", name);
        return client;
    }

    private static String post(ApiClient client, String site, String body) {
        Response response = client.post("/api/v1/comments", Map.of("site", site, "url", server.baseUrl()
                + "/privacy/" + site, "body", body));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("comment").get("id").asText();
    }

    private static String column(String sql, String id) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind("id", id).mapTo(String.class).one());
    }

    @Test
    void the_export_holds_the_readers_data_and_no_secret() {
        ApiClient ada = reader("Ada");
        ApiClient ben = reader("Ben");
        String adaId = ada.get("/api/v1/me").json().get("user").get("id").asText();
        String own = post(ada, "demo", "The tram extension should reach the hospital.");
        ada.patch("/api/v1/comments/" + own, Map.of("body", "The tram extension must reach the hospital."));
        String bens = post(ben, "demo", "The hospital has enough buses already.");
        ada.post("/api/v1/comments/" + bens + "/respect", Map.of());
        ada.post("/api/v1/comments/" + bens + "/disagree", Map.of());
        ada.post("/api/v1/comments/" + bens + "/reports", Map.of("reason", "other", "note", "off topic"));
        admin.post("/api/v1/moderation/users/" + adaId + "/warn", Map.of("message", "Stay on topic, please."));

        Response response = ada.get("/api/v1/me/export");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).startsWith("attachment;");
        JsonNode export = response.json();
        assertThat(export.get("account").get("email").asText()).startsWith("ada");
        assertThat(export.get("account").has("passwordHash")).isFalse();
        JsonNode comment = export.get("comments").get(0);
        assertThat(comment.get("body").asText()).isEqualTo("The tram extension must reach the hospital.");
        assertThat(comment.get("status").asText()).isEqualTo("published");
        assertThat(comment.get("revisions").size()).isEqualTo(2);
        assertThat(export.get("respects").get(0).get("commentId").asText()).isEqualTo(bens);
        assertThat(export.get("disagreements").get(0).get("commentId").asText()).isEqualTo(bens);
        assertThat(export.get("reports").get(0).get("note").asText()).isEqualTo("off topic");
        assertThat(export.get("moderationActions").findValuesAsText("action")).containsExactly("published",
                "published", "warn");
        assertThat(export.get("moderationActions").get(2).get("reason").asText()).isEqualTo("Stay on topic, please.");
        assertThat(export.get("moderationActions").get(2).has("actor")).isFalse();
        JsonNode session = export.get("sessions").get(0);
        assertThat(session.get("current").asBoolean()).isTrue();
        assertThat(export.get("addressHashes").findValuesAsText("action")).contains("signup", "comment", "report");
        assertThat(export.get("addressHashes").get(0).get("addressHash").asText()).matches("[0-9a-f]{64}");

        String text = response.text();
        assertThat(text).doesNotContain("argon2").doesNotContain("127.0.0.1");
        assertThat(text).doesNotContain(ada.cookieHeader().replace("parley_session=", ""));
        assertThat(server.client().get("/api/v1/me/export").status()).isEqualTo(401);
    }

    @Test
    void deleting_keeps_comments_as_deleted_user_where_the_site_anonymizes_and_removes_them_where_it_removes() {
        ApiClient cy = reader("Cy");
        String email = cy.get("/api/v1/me").json().get("user").get("email").asText();
        String cyId = cy.get("/api/v1/me").json().get("user").get("id").asText();
        String kept = post(cy, "demo", "Keep the library open on Sundays.");
        String removed = post(cy, "strict", "Close the library on Sundays instead.");
        cy.forgetCsrf();
        assertThat(cy.delete("/api/v1/me").status()).as("without the CSRF header").isEqualTo(403);
        cy.get("/api/v1/me");
        assertThat(cy.delete("/api/v1/me").status()).isEqualTo(204);

        assertThat(cy.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(server.client().post("/api/v1/auth/login", Map.of("email", email, "password",
                "correct horse battery")).status()).isEqualTo(401);
        JsonNode thread = server.client().get("/api/v1/threads?site=demo&url="
                + ApiClient.encode(server.baseUrl() + "/privacy/demo")).json();
        JsonNode shown = findComment(thread.get("comments"), kept);
        assertThat(shown.get("author").get("displayName").asText()).isEqualTo("deleted user");
        assertThat(shown.get("html").asText()).contains("library open on Sundays");
        assertThat(column("SELECT status FROM comments WHERE id = :id", removed)).isEqualTo("removed");
        assertThat(column("SELECT body FROM comments WHERE id = :id", removed)).isEmpty();
        assertThat(column("SELECT CAST(COUNT(*) AS TEXT) FROM comment_revisions WHERE comment_id = :id", removed))
                .isEqualTo("0");
        assertThat(column("SELECT email FROM accounts WHERE id = :id", cyId)).doesNotContain(email);
        assertThat(column("SELECT CAST(COUNT(*) AS TEXT) FROM sessions WHERE account_id = :id", cyId))
                .isEqualTo("0");
        assertThat(column("SELECT CAST(COUNT(*) AS TEXT) FROM client_addresses WHERE account_id = :id", cyId))
                .isEqualTo("0");
        ApiClient again = server.client();
        assertThat(again.post("/api/v1/auth/signup", Map.of("email", email, "password", "correct horse battery",
                "displayName", "Cy again")).status()).as("the e-mail address is free again").isEqualTo(201);
    }

    @Test
    void the_deletion_policy_is_a_checked_site_setting() {
        Response bad = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("deletedAccountComments",
                "shred"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("deletedAccountComments");
        assertThat(admin.get("/api/v1/moderation/sites/demo/settings").json().get("settings")
                .get("deletedAccountComments").asText()).isEqualTo("anonymize");
    }

    private static JsonNode findComment(JsonNode comments, String id) {
        for (JsonNode comment : comments) {
            if (comment.get("id").asText().equals(id)) {
                return comment;
            }
        }
        throw new AssertionError("no comment " + id + " in " + comments);
    }
}
