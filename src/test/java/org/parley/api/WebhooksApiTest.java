package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.parley.testing.WebhookReceiver;

/** The admins' webhook endpoints over real HTTP, with the server's own background sender and a real receiver. */
class WebhooksApiTest {

    // The receiver listens on loopback: this server allows private receivers, as on-premise setups do.
    @RegisterExtension
    static final TestServer server = new TestServer(
            settings -> settings.withRateLimits(false).withWebhookAllowPrivate(true), Clock.systemUTC());
    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    private static final String HOOKS = "/api/v1/moderation/sites/demo/webhooks";
    private static final Map<String, ApiClient> clients = new HashMap<>();

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        accounts.create("admin@hooks.example", "correct horse battery", "Admin", Role.ADMIN);
        new ModeratorAccess(jdbi).assign(accounts.create("mod@hooks.example", "correct horse battery", "Mod",
                Role.READER).id(), "demo");
        accounts.create("reader@hooks.example", "correct horse battery", "Reader", Role.READER);
        for (String role : List.of("admin", "mod", "reader")) {
            ApiClient client = server.client();
            assertThat(client.post("/api/v1/auth/login", Map.of("email", role + "@hooks.example", "password",
                    "correct horse battery")).status()).isEqualTo(200);
            clients.put(role, client);
        }
    }

    private Response addHook(List<String> events) {
        return clients.get("admin").post(HOOKS, Map.of("url", receiver.url(), "events", events));
    }

    @Test
    void a_comment_posted_through_the_api_reaches_the_receiver_signed() throws Exception {
        Response created = addHook(List.of("comment.created"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asText();
        String hookId = created.json().get("webhook").get("id").asText();
        assertThat(secret).startsWith("whsec_");

        ApiClient ada = server.client();
        ada.signUp("ada-hooks@example.org", "Ada");
        String commentId = ada.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Signed and delivered.")).json().get("comment").get("id").asText();

        WebhookReceiver.Received request = receiver.next();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.header("X-Parley-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body())));
        assertThat(request.header("X-Parley-Event")).isEqualTo("comment.created");
        assertThat(request.text()).contains("\"id\":\"" + commentId + "\"");

        JsonNode listed = clients.get("admin").get(HOOKS).json().get("webhooks");
        JsonNode hook = find(listed, hookId);
        assertThat(hook.get("url").asText()).isEqualTo(receiver.url());
        assertThat(hook.has("secret")).as("the secret is shown once, at creation").isFalse();
        assertThat(clients.get("admin").get(HOOKS).text()).doesNotContain(secret);

        JsonNode delivery = awaitDelivered(hookId);
        assertThat(delivery.get("id").asText()).isEqualTo(request.header("X-Parley-Delivery"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("responseCode").asInt()).isEqualTo(200);

        Response resent = clients.get("admin").post(HOOKS + "/" + hookId + "/deliveries/"
                + delivery.get("id").asText() + "/resend", Map.of());
        assertThat(resent.status()).isEqualTo(202);
        WebhookReceiver.Received again = receiver.next();
        assertThat(again.header("X-Parley-Delivery")).isEqualTo(request.header("X-Parley-Delivery"));
        assertThat(again.body()).isEqualTo(request.body());

        assertThat(clients.get("admin").delete(HOOKS + "/" + hookId).status()).isEqualTo(204);
        assertThat(clients.get("admin").get(HOOKS + "/" + hookId + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void a_change_keeps_the_secret_unless_a_new_one_is_given() {
        String hookId = addHook(List.of("comment.created")).json().get("webhook").get("id").asText();

        Response changed = clients.get("admin").patch(HOOKS + "/" + hookId,
                Map.of("events", List.of("comment.removed", "user.banned"), "active", false));

        assertThat(changed.status()).isEqualTo(200);
        JsonNode hook = changed.json().get("webhook");
        assertThat(hook.get("active").asBoolean()).isFalse();
        assertThat(hook.get("events").toString()).isEqualTo("[\"comment.removed\",\"user.banned\"]");
        assertThat(changed.text()).doesNotContain("secret");
    }

    @Test
    void only_admins_reach_the_webhook_endpoints() {
        String hookId = addHook(List.of("comment.created")).json().get("webhook").get("id").asText();
        for (String role : List.of("mod", "reader")) {
            ApiClient client = clients.get(role);
            assertThat(client.get(HOOKS).status()).as(role).isEqualTo(403);
            assertThat(client.post(HOOKS, Map.of("url", receiver.url(), "events", List.of("comment.created")))
                    .status()).as(role).isEqualTo(403);
            assertThat(client.delete(HOOKS + "/" + hookId).status()).as(role).isEqualTo(403);
            assertThat(client.get(HOOKS + "/" + hookId + "/deliveries").status()).as(role).isEqualTo(403);
        }
        assertThat(server.client().get(HOOKS).status()).isEqualTo(401);
        assertThat(clients.get("admin").get("/api/v1/moderation/sites/nowhere/webhooks").status()).isEqualTo(404);
    }

    @Test
    void bad_hooks_are_refused_on_the_field_at_fault_and_nothing_is_stored() {
        int before = clients.get("admin").get(HOOKS).json().get("webhooks").size();
        Response badEvent = addHook(List.of("comment.created", "comment.liked"));
        Response badUrl = clients.get("admin").post(HOOKS, Map.of("url", "ftp://example.org/x",
                "events", List.of("comment.created")));
        Response noEvents = addHook(List.of());
        Response shortSecret = clients.get("admin").post(HOOKS, Map.of("url", receiver.url(),
                "events", List.of("comment.created"), "secret", "short"));

        assertThat(badEvent.status()).isEqualTo(400);
        assertThat(badEvent.json().get("field").asText()).isEqualTo("events");
        assertThat(badUrl.json().get("field").asText()).isEqualTo("url");
        assertThat(noEvents.json().get("field").asText()).isEqualTo("events");
        assertThat(shortSecret.json().get("field").asText()).isEqualTo("secret");
        assertThat(clients.get("admin").get(HOOKS).json().get("webhooks").size()).isEqualTo(before);
    }

    /** Polls the log until the sender recorded the answer (a condition, checked every 100 ms, for 10 s at most). */
    private JsonNode awaitDelivered(String hookId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonNode deliveries = clients.get("admin").get(HOOKS + "/" + hookId + "/deliveries").json()
                    .get("deliveries");
            if (deliveries.size() == 1 && "delivered".equals(deliveries.get(0).get("status").asText())) {
                return deliveries.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the delivery was not marked delivered");
    }

    private static JsonNode find(JsonNode hooks, String id) {
        for (JsonNode hook : hooks) {
            if (hook.get("id").asText().equals(id)) {
                return hook;
            }
        }
        throw new AssertionError("no hook " + id + " in " + hooks);
    }
}
