package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class CommentsApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static ApiClient ada;
    private static ApiClient ben;
    private static int articles;

    @BeforeAll
    static void signUp() {
        ada = server.client();
        ada.signUp("ada@comments.example", "Ada");
        ben = server.client();
        ben.signUp("ben@comments.example", "Ben");
    }

    private static String newArticle() {
        return server.baseUrl() + "/news/comments-" + (++articles);
    }

    private static Response post(ApiClient client, String url, String parentId, String body) {
        Map<String, Object> request = new HashMap<>(Map.of("site", "demo", "url", url, "body", body));
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        return client.post("/api/v1/comments", request);
    }

    @Test
    void posting_answers_201_with_the_comment_its_status_and_reasons() {
        Response response = post(ada, newArticle(), null, "I **disagree** with the minister, politely.");

        assertThat(response.status()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.get("status").asText()).isEqualTo("published");
        assertThat(json.get("reasons").isArray()).isTrue();
        JsonNode comment = json.get("comment");
        assertThat(comment.get("id").asText()).isNotBlank();
        assertThat(comment.get("parentId").isNull()).isTrue();
        assertThat(comment.get("author").get("displayName").asText()).isEqualTo("Ada");
        assertThat(comment.get("html").asText()).isEqualTo("<p>I <strong>disagree</strong> with the minister,"
                + " politely.</p>");
        assertThat(comment.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(comment.get("editedAt").isNull()).isTrue();
        assertThat(comment.get("status").asText()).isEqualTo("published");
        assertThat(comment.get("featured").asBoolean()).isFalse();
        assertThat(comment.get("respectCount").asLong()).isZero();
        assertThat(comment.get("replyCount").asLong()).isZero();
        assertThat(comment.get("replies").isArray()).isTrue();
    }

    @Test
    void a_second_reader_sees_the_comment_and_its_reply_in_the_thread() {
        String url = newArticle();
        String parentId = post(ada, url, null, "Top-level thought.").json().get("comment").get("id").asText();
        Response reply = post(ben, url, parentId, "A reply.");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("comment").get("parentId").asText()).isEqualTo(parentId);

        JsonNode thread = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json();
        assertThat(thread.get("story").get("commentCount").asLong()).isEqualTo(2);
        JsonNode top = thread.get("comments").get(0);
        assertThat(top.get("replyCount").asLong()).isEqualTo(1);
        assertThat(top.get("replies").get(0).get("author").get("displayName").asText()).isEqualTo("Ben");
    }

    @Test
    void the_answer_to_a_post_is_the_comment_as_the_thread_then_shows_it() {
        String url = newArticle();
        JsonNode one = post(ada, url, null, "Level one of a long exchange.").json().get("comment");
        JsonNode two = post(ben, url, one.get("id").asText(), "Level two, **politely** put.").json().get("comment");
        JsonNode three = post(ada, url, two.get("id").asText(), "Level three.").json().get("comment");
        // Past the deepest level: placed beside level three, naming whom it answers.
        JsonNode four = post(ben, url, three.get("id").asText(), "An answer to level three.").json().get("comment");
        assertThat(four.get("replyTo").get("displayName").asText()).isEqualTo("Ada");

        JsonNode top = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("comments").get(0);
        JsonNode second = top.get("replies").get(0);
        assertThat(withoutReplies(top)).isEqualTo(withoutReplies(one).put("replyCount", 1));
        assertThat(withoutReplies(second)).isEqualTo(withoutReplies(two).put("replyCount", 2));
        assertThat(withoutReplies(second.get("replies").get(0))).isEqualTo(withoutReplies(three));
        assertThat(withoutReplies(second.get("replies").get(1))).isEqualTo(withoutReplies(four));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode withoutReplies(JsonNode comment) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = comment.deepCopy();
        copy.remove("replies");
        return copy;
    }

    @Test
    void posting_without_signing_in_is_401_and_without_the_csrf_header_is_403() {
        assertThat(post(server.client(), newArticle(), null, "Anonymous.").status()).isEqualTo(401);

        ApiClient forgetful = server.client();
        forgetful.signUp("forgetful@comments.example", "Forgetful");
        forgetful.forgetCsrf();
        Response response = post(forgetful, newArticle(), null, "No token.");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asText()).isEqualTo("csrf_mismatch");
    }

    @Test
    void a_body_over_the_limit_is_422_naming_the_body_field_and_nothing_is_stored() {
        String url = newArticle();
        Response response = post(ada, url, null, "x".repeat(5_001));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("field").asText()).isEqualTo("body");
        JsonNode thread = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json();
        assertThat(thread.get("comments")).isEmpty();
    }

    @Test
    void an_empty_body_is_422() {
        assertThat(post(ada, newArticle(), null, "   ").status()).isEqualTo(422);
    }

    @Test
    void a_request_body_over_64_kb_is_413() {
        Response response = post(ada, newArticle(), null, "y".repeat(70_000));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error").asText()).isEqualTo("request_too_large");
    }

    @Test
    void a_body_that_is_not_json_is_415_and_malformed_json_is_400() {
        Response notJson = ada.send(HttpRequest.newBuilder(ada.uri("/api/v1/comments"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(notJson.status()).isEqualTo(415);
        Response malformed = ada.send(HttpRequest.newBuilder(ada.uri("/api/v1/comments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"site\": ")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isEqualTo("malformed_json");
    }

    @Test
    void raw_html_in_a_body_comes_back_as_text() {
        Response response = post(ada, newArticle(), null, "<img src=x onerror=alert(1)> hello");
        assertThat(response.json().get("comment").get("html").asText()).doesNotContain("<img").contains("&lt;img");
    }

    @Test
    void a_page_on_an_origin_the_site_does_not_allow_is_refused_with_the_reason() {
        Response response = post(ada, "https://elsewhere.example/story", null, "Hello.");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asText()).isEqualTo("origin_not_allowed");
        assertThat(response.json().get("message").asText()).contains("https://elsewhere.example");
    }

    @Test
    void an_unknown_site_is_404() {
        Response response = ada.post("/api/v1/comments",
                Map.of("site", "nosuchsite", "url", newArticle(), "body", "Hello."));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void the_author_edits_and_another_reader_may_not() {
        String id = post(ada, newArticle(), null, "First draft.").json().get("comment").get("id").asText();

        Response edited = ada.patch("/api/v1/comments/" + id, Map.of("body", "Second draft."));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("comment").get("html").asText()).contains("Second draft.");
        assertThat(edited.json().get("comment").get("editedAt").isNull()).isFalse();
        assertThat(edited.json().get("status").asText()).isEqualTo("published");

        assertThat(ben.patch("/api/v1/comments/" + id, Map.of("body", "Hijack.")).status()).isEqualTo(403);
    }

    @Test
    void deleting_answers_204_and_leaves_a_placeholder_while_replies_remain() {
        String url = newArticle();
        String id = post(ada, url, null, "To be removed.").json().get("comment").get("id").asText();
        post(ben, url, id, "A reply that stays.");

        assertThat(ben.delete("/api/v1/comments/" + id).status()).isEqualTo(403);
        assertThat(ada.delete("/api/v1/comments/" + id).status()).isEqualTo(204);

        JsonNode top = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json()
                .get("comments").get(0);
        assertThat(top.get("status").asText()).isEqualTo("removed");
        assertThat(top.get("author").isNull()).isTrue();
        assertThat(top.get("replies")).hasSize(1);
        assertThat(ada.delete("/api/v1/comments/" + id).status()).isEqualTo(404);
    }

    @Test
    void respect_toggles_and_is_refused_on_ones_own_comment() {
        String url = newArticle();
        String id = post(ada, url, null, "Respect-worthy.").json().get("comment").get("id").asText();

        Response on = ben.post("/api/v1/comments/" + id + "/respect", Map.of());
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("respectCount").asLong()).isEqualTo(1);
        assertThat(on.json().get("respected").asBoolean()).isTrue();
        JsonNode viewer = ben.get("/api/v1/threads/viewer?site=demo&url=" + ApiClient.encode(url)).json();
        assertThat(viewer.get("respected").get(0).asText()).isEqualTo(id);

        Response off = ben.post("/api/v1/comments/" + id + "/respect", Map.of());
        assertThat(off.json().get("respectCount").asLong()).isZero();
        assertThat(off.json().get("respected").asBoolean()).isFalse();

        Response own = ada.post("/api/v1/comments/" + id + "/respect", Map.of());
        assertThat(own.status()).isEqualTo(403);
    }

    @Test
    void reports_take_the_contracts_reasons_once_per_reader() {
        String id = post(ada, newArticle(), null, "Reportable.").json().get("comment").get("id").asText();

        Response bad = ben.post("/api/v1/comments/" + id + "/reports", Map.of("reason", "boring"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("reason");

        assertThat(ben.post("/api/v1/comments/" + id + "/reports", Map.of("reason", "rude", "note", "Unkind."))
                .status()).isEqualTo(201);
        Response again = ben.post("/api/v1/comments/" + id + "/reports", Map.of("reason", "spam"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("already_reported");
        assertThat(ben.post("/api/v1/comments/nosuchcomment/reports", Map.of("reason", "spam")).status())
                .isEqualTo(404);
    }

    @Test
    void preview_renders_the_markdown_as_it_would_be_stored() {
        Response response = server.client().post("/api/v1/preview", Map.of("body", "*soft* <b>x</b>"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("html").asText()).isEqualTo("<p><em>soft</em> &lt;b&gt;x&lt;/b&gt;</p>");
    }

    @Test
    void disagreeing_is_private_to_the_reader_and_reaches_no_queue() {
        String url = newArticle();
        String id = post(ada, url, null, "Dams should come before drought clauses.").json().get("comment").get("id")
                .asText();
        Response on = ben.post("/api/v1/comments/" + id + "/disagree", Map.of());
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("disagreed").asBoolean()).isTrue();
        assertThat(ben.get("/api/v1/threads/viewer?site=demo&url=" + ApiClient.encode(url)).json().get("disagreed")
                .get(0).asText()).isEqualTo(id);
        assertThat(ada.get("/api/v1/threads/viewer?site=demo&url=" + ApiClient.encode(url)).json().get("disagreed"))
                .isEmpty();
        JsonNode thread = server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json();
        assertThat(thread.toString()).doesNotContain("disagree");
        assertThat(ben.post("/api/v1/comments/" + id + "/disagree", Map.of()).json().get("disagreed").asBoolean())
                .isFalse();
    }
}
