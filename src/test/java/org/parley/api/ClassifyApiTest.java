package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class ClassifyApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static Accounts accounts() {
        return new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC());
    }

    private static Response classifyWithToken(String token, String text) {
        ApiClient client = server.client();
        return client.send(HttpRequest.newBuilder(client.uri("/api/v1/classify"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")));
    }

    @Test
    void a_moderators_api_token_classifies_without_a_csrf_header() {
        Account moderator = accounts().create("bot@classify.example", "correct horse battery", "Bot", Role.MODERATOR);
        String token = accounts().createToken(moderator.id(), "archive check");

        Response response = classifyWithToken(token, "You pathetic moron, shut up.");

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        for (String category : new String[] {"rude", "aggressive", "derogatory", "discriminatory", "uncivil"}) {
            assertThat(json.get("scores").get(category).asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(json.get("scores").get("derogatory").asDouble()).isGreaterThan(0.5);
        assertThat(json.get("spans").isArray()).isTrue();
        assertThat(json.get("modelVersion").asText()).isNotBlank();
    }

    @Test
    void a_readers_token_is_403_a_bad_token_401_and_no_text_400() {
        Account reader = accounts().create("reader@classify.example", "correct horse battery", "Reader", Role.READER);
        assertThat(classifyWithToken(accounts().createToken(reader.id(), "mine"), "Hello").status()).isEqualTo(403);
        assertThat(classifyWithToken("pt_not-a-token", "Hello").status()).isEqualTo(401);
        Account moderator = accounts().create("mod@classify.example", "correct horse battery", "Mod", Role.MODERATOR);
        ApiClient client = server.client();
        Response empty = client.send(HttpRequest.newBuilder(client.uri("/api/v1/classify"))
                .header("Authorization", "Bearer " + accounts().createToken(moderator.id(), "t"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asText()).isEqualTo("text");
    }

    @Test
    void a_warning_is_shown_on_me_until_the_reader_acknowledges_it() {
        accounts().create("warden@classify.example", "correct horse battery", "Warden", Role.ADMIN);
        ApiClient admin = server.client();
        admin.post("/api/v1/auth/login", Map.of("email", "warden@classify.example", "password", "correct horse battery"));
        ApiClient reader = server.client();
        String id = reader.signUp("warned@classify.example", "Warned").get("id").asText();
        admin.post("/api/v1/moderation/users/" + id + "/warn", Map.of("message", "Attack arguments, not people."));

        assertThat(reader.get("/api/v1/me").json().get("warning").asText()).isEqualTo("Attack arguments, not people.");
        assertThat(reader.delete("/api/v1/me/warning").status()).isEqualTo(204);
        assertThat(reader.get("/api/v1/me").json().get("warning").isNull()).isTrue();
    }
}
