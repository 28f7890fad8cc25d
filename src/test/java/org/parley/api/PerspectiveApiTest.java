package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.classifier.Thresholds;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** The Perspective API drop-in, sent requests as Perspective's documentation writes them. */
class PerspectiveApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String RUDE = "You pathetic moron, shut up.";
    private static String moderatorKey;
    private static String readerKey;

    @BeforeAll
    static void tokens() {
        Accounts accounts = new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC());
        moderatorKey = accounts.createToken(accounts.create("bot@perspective.example", "correct horse battery",
                "Coral bot", Role.MODERATOR).id(), "coral");
        readerKey = accounts.createToken(accounts.create("reader@perspective.example", "correct horse battery",
                "Reader", Role.READER).id(), "mine");
    }

    private static Response analyze(String key, String json) {
        String query = key == null ? "" : "?key=" + ApiClient.encode(key);
        return server.client().send(HttpRequest.newBuilder(server.client().uri("/v1alpha1/comments:analyze" + query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Map<String, Double> ourScores(String text) {
        JsonNode scores = server.client().send(HttpRequest.newBuilder(server.client().uri("/api/v1/classify"))
                        .header("Authorization", "Bearer " + moderatorKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")))
                .json().get("scores");
        return Map.of("TOXICITY", scores.get("uncivil").asDouble(), "INSULT", scores.get("derogatory").asDouble(),
                "PROFANITY", scores.get("rude").asDouble(), "THREAT", scores.get("aggressive").asDouble(),
                "IDENTITY_ATTACK", scores.get("discriminatory").asDouble());
    }

    @Test
    void every_attribute_answers_a_summary_probability_mapped_from_our_categories() {
        Response response = analyze(moderatorKey, """
                {"comment": {"text": "%s"},
                 "languages": ["en"],
                 "requestedAttributes": {"TOXICITY": {}, "SEVERE_TOXICITY": {}, "IDENTITY_ATTACK": {},
                                         "INSULT": {}, "PROFANITY": {}, "THREAT": {}},
                 "doNotStore": true}""".formatted(RUDE));

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("languages").toString()).isEqualTo("[\"en\"]");
        assertThat(json.has("detectedLanguages")).as("only when the request names no language").isFalse();
        JsonNode scores = json.get("attributeScores");
        assertThat(scores.size()).isEqualTo(6);
        ourScores(RUDE).forEach((attribute, ours) -> {
            JsonNode summary = scores.get(attribute).get("summaryScore");
            assertThat(summary.get("type").asText()).isEqualTo("PROBABILITY");
            assertThat(summary.get("value").asDouble()).as(attribute).isCloseTo(ours,
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(scores.get(attribute).has("spanScores")).isFalse();
        });
        assertThat(scores.get("INSULT").get("summaryScore").get("value").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void severe_toxicity_reaches_one_half_exactly_when_a_category_reaches_its_reject_threshold() {
        Thresholds thresholds = Classifier.loadDefault().thresholds();
        java.util.Set<Boolean> seen = new java.util.HashSet<>();
        for (String text : List.of(RUDE, "Thank you for the careful reporting on the harbour.",
                "Shut up you stupid idiot, you are a worthless piece of garbage.", "I will kill you.")) {
            Map<String, Double> ours = ourScores(text);
            boolean rejected = ours.get("PROFANITY") >= thresholds.reject(Category.RUDE)
                    || ours.get("THREAT") >= thresholds.reject(Category.AGGRESSIVE)
                    || ours.get("INSULT") >= thresholds.reject(Category.DEROGATORY)
                    || ours.get("IDENTITY_ATTACK") >= thresholds.reject(Category.DISCRIMINATORY);
            double severe = analyze(moderatorKey, "{\"comment\": {\"text\": \"" + text + "\"},"
                    + " \"requestedAttributes\": {\"SEVERE_TOXICITY\": {}}}").json().get("attributeScores")
                    .get("SEVERE_TOXICITY").get("summaryScore").get("value").asDouble();
            assertThat(severe >= 0.5).as(text).isEqualTo(rejected);
            assertThat(severe).isBetween(0.0, 1.0);
            seen.add(rejected);
        }
        assertThat(seen).as("texts on both sides of the reject band").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void span_annotations_give_span_scores_inside_the_text() {
        JsonNode json = analyze(moderatorKey, """
                {"comment": {"text": "%s", "type": "PLAIN_TEXT"},
                 "requestedAttributes": {"INSULT": {"scoreType": "PROBABILITY"}, "THREAT": {}},
                 "spanAnnotations": true, "clientToken": "coral-42"}""".formatted(RUDE)).json();

        for (String attribute : List.of("INSULT", "THREAT")) {
            JsonNode spans = json.get("attributeScores").get(attribute).get("spanScores");
            assertThat(spans.size()).isPositive();
            for (JsonNode span : spans) {
                assertThat(span.get("begin").asInt()).isBetween(0, RUDE.length());
                assertThat(span.get("end").asInt()).isBetween(span.get("begin").asInt() + 1, RUDE.length());
                assertThat(span.get("score").get("type").asText()).isEqualTo("PROBABILITY");
                assertThat(span.get("score").get("value").asDouble()).isBetween(0.0, 1.0);
            }
        }
        JsonNode insultSpan = json.get("attributeScores").get("INSULT").get("spanScores").get(0);
        assertThat(RUDE.substring(insultSpan.get("begin").asInt(), insultSpan.get("end").asInt()))
                .containsIgnoringCase("moron");
        assertThat(json.get("detectedLanguages").toString()).isEqualTo("[\"en\"]");
        assertThat(json.get("clientToken").asText()).isEqualTo("coral-42");
    }

    @Test
    void a_score_threshold_leaves_out_attributes_below_it() {
        JsonNode scores = analyze(moderatorKey, """
                {"comment": {"text": "Thank you for the careful reporting on the harbour."},
                 "requestedAttributes": {"TOXICITY": {"scoreThreshold": 0.99}, "INSULT": {}}}""").json()
                .get("attributeScores");

        assertThat(scores.has("TOXICITY")).isFalse();
        assertThat(scores.has("INSULT")).isTrue();
    }

    @Test
    void unknown_attributes_and_languages_get_perspectives_400() {
        Response attribute = analyze(moderatorKey,
                "{\"comment\": {\"text\": \"hello\"}, \"requestedAttributes\": {\"FLIRTATION\": {}}}");
        Response language = analyze(moderatorKey, "{\"comment\": {\"text\": \"hallo\"}, \"languages\": [\"de\"],"
                + " \"requestedAttributes\": {\"TOXICITY\": {}}}");
        Response noText = analyze(moderatorKey, "{\"comment\": {}, \"requestedAttributes\": {\"TOXICITY\": {}}}");
        Response noAttributes = analyze(moderatorKey, "{\"comment\": {\"text\": \"hello\"}}");
        Response malformed = analyze(moderatorKey, "{\"comment\": ");

        for (Response response : List.of(attribute, language, noText, noAttributes, malformed)) {
            assertThat(response.status()).isEqualTo(400);
            JsonNode error = response.json().get("error");
            assertThat(error.get("code").asInt()).isEqualTo(400);
            assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(error.get("message").asText()).isNotBlank();
        }
        assertThat(attribute.json().get("error").get("message").asText()).contains("FLIRTATION");
        assertThat(language.json().get("error").get("message").asText()).contains("de");
    }

    @Test
    void a_missing_wrong_or_readers_key_is_refused_in_perspectives_shape() {
        String body = "{\"comment\": {\"text\": \"hello\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}";

        Response missing = analyze(null, body);
        Response wrong = analyze("pt_not-a-token", body);
        Response reader = analyze(readerKey, body);

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.json().get("error").get("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").get("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(wrong.json().get("error").get("code").asInt()).isEqualTo(401);
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.json().get("error").get("status").asText()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void analysing_stores_nothing() {
        var jdbi = server.server().database().jdbi();
        String count = "SELECT (SELECT COUNT(*) FROM comments) + (SELECT COUNT(*) FROM moderation_log)"
                + " + (SELECT COUNT(*) FROM stories)";
        long before = jdbi.withHandle(handle -> handle.createQuery(count).mapTo(Long.class).one());

        analyze(moderatorKey, "{\"comment\": {\"text\": \"" + RUDE + "\"}, \"doNotStore\": false,"
                + " \"requestedAttributes\": {\"TOXICITY\": {}}}");

        long after = jdbi.withHandle(handle -> handle.createQuery(count).mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }
}
