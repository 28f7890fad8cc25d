package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Review follow-up (SSRF): on a server with the default settings, a webhook may not point at loopback, link-local,
 * private, unspecified, multicast or broadcast addresses, written plainly or in an IPv6 form that carries one; each
 * is refused with 422 {@code webhook_private_address} on {@code url}, naming why, and nothing is stored.
 */
class WebhookReceiversApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String HOOKS = "/api/v1/moderation/sites/demo/webhooks";
    private static ApiClient admin;

    @BeforeAll
    static void signIn() {
        new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC())
                .create("admin@receivers.example", "correct horse battery", "Admin", Role.ADMIN);
        admin = server.client();
        assertThat(admin.post("/api/v1/auth/login", Map.of("email", "admin@receivers.example", "password",
                "correct horse battery")).status()).isEqualTo(200);
    }

    private static Response add(String url) {
        return admin.post(HOOKS, Map.of("url", url, "events", List.of("comment.created"), "active", false));
    }

    private static int stored() {
        return admin.get(HOOKS).json().get("webhooks").size();
    }

    @Test
    void every_non_public_range_is_refused_with_422_naming_the_kind_of_address() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("http://127.0.0.1/hook", "a loopback address"),
                Map.entry("http://127.8.9.10:8080/hook", "a loopback address"),
                Map.entry("http://[::1]/hook", "a loopback address"),
                Map.entry("http://169.254.169.254/latest/meta-data/", "a link-local address"),
                Map.entry("http://[fe80::1]/hook", "a link-local address"),
                Map.entry("http://10.0.0.5/hook", "a private address"),
                Map.entry("http://172.16.0.1/hook", "a private address"),
                Map.entry("http://172.31.255.254/hook", "a private address"),
                Map.entry("https://192.168.1.20/hook", "a private address"),
                Map.entry("http://100.64.0.1/hook", "a private address"),
                Map.entry("http://[fc00::1]/hook", "a private address"),
                Map.entry("http://[fd12:3456::1]/hook", "a private address"),
                Map.entry("http://0.0.0.0/hook", "an unspecified address"),
                Map.entry("http://[::]/hook", "an unspecified address"),
                Map.entry("http://224.0.0.1/hook", "a multicast address"),
                Map.entry("http://[ff02::1]/hook", "a multicast address"),
                Map.entry("http://255.255.255.255/hook", "the broadcast address"),
                Map.entry("http://[::ffff:127.0.0.1]/hook", "a loopback address"),
                Map.entry("http://[::ffff:a9fe:a9fe]/hook", "a link-local address"),
                Map.entry("http://[::ffff:10.1.2.3]/hook", "a private address"),
                Map.entry("http://[64:ff9b::c0a8:101]/hook", "a private address"),
                Map.entry("http://[2002:7f00:1::]/hook", "a loopback address"),
                Map.entry("http://localhost:8080/hook", "a loopback address"));
        int before = stored();

        refused.forEach((url, kind) -> {
            Response answer = add(url);
            assertThat(answer.status()).as(url).isEqualTo(422);
            JsonNode error = answer.json();
            assertThat(error.get("error").asText()).as(url).isEqualTo("webhook_private_address");
            assertThat(error.get("field").asText()).as(url).isEqualTo("url");
            assertThat(error.get("message").asText()).as(url).contains(" is " + kind + ";")
                    .contains("webhook-allow-private");
        });
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_public_receiver_is_accepted_and_cannot_be_changed_to_a_private_one() {
        Response created = add("http://203.0.113.9/hook");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("webhook").get("id").asText();

        Response changed = admin.patch(HOOKS + "/" + id, Map.of("url", "http://169.254.169.254/"));

        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("message").asText())
                .isEqualTo("The receiver's address 169.254.169.254 is a link-local address; Parley calls only"
                        + " public addresses unless the server runs with webhook-allow-private.");
        assertThat(admin.get(HOOKS).json().get("webhooks").findValuesAsText("url")).contains("http://203.0.113.9/hook")
                .doesNotContain("http://169.254.169.254/");
    }

    @Test
    void only_http_and_https_receivers_are_accepted() {
        assertThat(add("ftp://203.0.113.9/hook").status()).isEqualTo(400);
        assertThat(add("file:///etc/passwd").status()).isEqualTo(400);
        assertThat(add("gopher://203.0.113.9:70/").status()).isEqualTo(400);
    }
}
