package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.SiteDecisions;
import org.parley.testing.TestServer;

/** The admins' site-model endpoints, and the category a rejecting moderator names, over real HTTP. */
class ModelsApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Map<String, ApiClient> clients = new HashMap<>();
    private static final String MODELS = "/api/v1/moderation/sites/daily/models";
    private static SiteDecisions site;

    @BeforeAll
    static void setUp() {
        site = new SiteDecisions(server.server().database());
        site.decideMany(2);
        var accounts = site.fixtures.accounts;
        accounts.create("chief@models.example", "correct horse battery", "Chief", Role.ADMIN);
        new ModeratorAccess(server.server().database().jdbi()).assign(accounts.create("mod@models.example",
                "correct horse battery", "Mod", Role.READER).id(), "daily");
        accounts.create("reader@models.example", "correct horse battery", "Reader", Role.READER);
        for (String role : List.of("chief", "mod", "reader")) {
            ApiClient client = server.client();
            assertThat(client.post("/api/v1/auth/login", Map.of("email", role + "@models.example", "password",
                    "correct horse battery")).status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
    }

    private record Call(String name, Function<ApiClient, Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> calls() {
        List<Call> calls = List.of(
                new Call("list models", c -> c.get(MODELS)),
                new Call("train a model", c -> c.post(MODELS, Map.of())),
                new Call("activate a model", c -> c.post(MODELS + "/abc/activate", Map.of())),
                new Call("roll back", c -> c.post(MODELS + "/rollback", Map.of())));
        List<Arguments> arguments = new ArrayList<>();
        for (Call call : calls) {
            arguments.add(Arguments.of(call, "mod", 403));
            arguments.add(Arguments.of(call, "reader", 403));
            arguments.add(Arguments.of(call, "signedOut", 401));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{1}: {0} → {2}")
    @MethodSource("calls")
    void only_admins_reach_the_model_endpoints(Call call, String role, int expected) {
        Response response = call.send().apply(clients.get(role));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        assertThat(response.json().get("error").asText()).isNotBlank();
    }

    @Test
    void an_admin_trains_activates_and_rolls_back_a_site_model() {
        ApiClient admin = clients.get("chief");

        Response started = admin.post(MODELS, Map.of());
        JsonNode model = awaitFirstModel(admin);
        String version = model.get("version").asText();
        Response activated = admin.post(MODELS + "/" + version + "/activate", Map.of());
        JsonNode listed = admin.get(MODELS).json().get("models").get(0);
        Response rolledBack = admin.post(MODELS + "/rollback", Map.of());
        Response again = admin.post(MODELS + "/rollback", Map.of());

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isEqualTo("training");
        assertThat(started.json().has("baseData")).isFalse();
        assertThat(model.get("active").asBoolean()).isFalse();
        assertThat(model.get("heldBack").asInt() + model.get("examples").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(model.has("metricBefore")).isTrue();
        assertThat(model.has("metricAfter")).isTrue();
        assertThat(model.get("createdAt").asText()).isNotBlank();
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(listed.get("active").asBoolean()).isTrue();
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().get("active").asText()).isEqualTo("shipped");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void activating_an_unknown_model_is_404_and_training_a_site_without_decisions_is_422() {
        ApiClient admin = clients.get("chief");

        Response unknown = admin.post(MODELS + "/no-such-model/activate", Map.of());
        Response tooFew = admin.post("/api/v1/moderation/sites/demo/models", Map.of());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.json().get("error").asText()).isEqualTo("not_enough_decisions");
    }

    @Test
    void a_rejection_carries_the_category_the_moderator_names() {
        String id = site.post("A remark for the moderator to weigh.").comment().id();

        Response odd = clients.get("mod").post("/api/v1/moderation/comments/" + id + "/decision",
                Map.of("action", "reject", "category", "sarcastic"));
        Response named = clients.get("mod").post("/api/v1/moderation/comments/" + id + "/decision",
                Map.of("action", "reject", "category", "rude"));

        assertThat(odd.status()).isEqualTo(400);
        assertThat(odd.json().get("field").asText()).isEqualTo("category");
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(site.examples.list("daily")).filteredOn(example -> example.commentId().equals(id))
                .singleElement().satisfies(example -> assertThat(example.labeled().label(
                        org.parley.classifier.Category.RUDE)).isEqualTo((byte) 1));
    }

    /** Polls the list until the background training has stored a model (a condition, with a generous limit). */
    private static JsonNode awaitFirstModel(ApiClient admin) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode models = admin.get(MODELS).json().get("models");
            if (!models.isEmpty()) {
                return models.get(0);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no model trained within two minutes");
    }
}
