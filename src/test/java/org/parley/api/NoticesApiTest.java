package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
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
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** Notices of illegal content (DSA Art. 16) over HTTP: what a notice needs, who decides it, and what follows. */
class NoticesApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Map<String, ApiClient> clients = new HashMap<>();
    private static ApiClient author;
    private static int written;

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        accounts.create("admin@notice.example", "correct horse battery", "Admin", Role.ADMIN);
        new ModeratorAccess(jdbi).assign(accounts.create("mod@notice.example", "correct horse battery", "Mod",
                Role.READER).id(), "demo");
        accounts.create("reader@notice.example", "correct horse battery", "Reader", Role.READER);
        for (String name : List.of("admin", "mod", "reader")) {
            ApiClient client = server.client();
            Response login = client.post("/api/v1/auth/login", Map.of("email", name + "@notice.example",
                    "password", "correct horse battery"));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            clients.put(name, client);
        }
        author = server.client();
        author.signUp("author@notice.example", "Author");
    }

    private static String comment(String body) {
        Response response = author.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", body + (body.endsWith(".") ? "" : " Number " + ++written + ".")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("status").asText()).as(response.toString()).isEqualTo("published");
        return response.json().get("comment").get("id").asText();
    }

    private static Map<String, Object> notice(String commentId) {
        return new HashMap<>(Map.of("commentId", commentId, "category", "defamation",
                "explanation", "It accuses a named shopkeeper of theft without any basis.", "name", "Nora",
                "email", "nora@notifier.example", "goodFaith", true));
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        body.remove(field);
        return body;
    }

    private static String send(ApiClient client, Map<String, Object> body) {
        Response response = client.post("/api/v1/notices", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("notice").get("status").asText()).isEqualTo("open");
        return response.json().get("notice").get("id").asText();
    }

    private static JsonNode queue(String status) {
        Response response = clients.get("mod").get("/api/v1/moderation/notices?site=demo&status=" + status);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("notices");
    }

    private static JsonNode queued(String noticeId, String status) {
        for (JsonNode notice : queue(status)) {
            if (notice.get("id").asText().equals(noticeId)) {
                return notice;
            }
        }
        return null;
    }

    @Test
    void the_categories_come_with_labels_and_say_where_the_notifier_may_stay_anonymous() {
        JsonNode categories = server.client().get("/api/v1/notices/categories").json().get("categories");
        assertThat(categories).extracting(category -> category.get("code").asText())
                .contains("illegal_hate_speech", "terrorist_content", "child_sexual_abuse", "defamation",
                        "other_illegal");
        for (JsonNode category : categories) {
            assertThat(category.get("label").asText()).isNotBlank();
            assertThat(category.get("identityOptional").asBoolean())
                    .isEqualTo(category.get("code").asText().equals("child_sexual_abuse"));
        }
    }

    /** A notice about the comment, with one field set to a value (null: left out). */
    private static Function<String, Map<String, Object>> with(String field, Object value) {
        return commentId -> {
            Map<String, Object> body = notice(commentId);
            body.put(field, value);
            body.values().removeIf(java.util.Objects::isNull);
            return body;
        };
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("no good faith", with("goodFaith", false), 422, "good_faith_required"),
                Arguments.of("good faith missing", with("goodFaith", null), 422, "good_faith_required"),
                Arguments.of("unknown category", with("category", "rudeness"), 422, "unknown_category"),
                Arguments.of("no explanation", with("explanation", null), 400, "invalid_explanation"),
                Arguments.of("explanation too long", with("explanation", "x".repeat(5001)), 400,
                        "invalid_explanation"),
                Arguments.of("no name", with("name", null), 400, "invalid_name"),
                Arguments.of("no e-mail", with("email", null), 400, "invalid_email"),
                Arguments.of("bad e-mail", with("email", "nora at home"), 400, "invalid_email"),
                Arguments.of("unknown comment", with("commentId", "no-such-comment"), 404, "comment_not_found"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("refusals")
    void a_signed_out_notice_is_refused_when_it_lacks_what_the_law_asks(String what,
            Function<String, Map<String, Object>> body, int status, String error) {
        Response response = server.client().post("/api/v1/notices", body.apply(comment("Refused case: " + what + ".")));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(error);
    }

    @Test
    void the_unknown_category_answer_lists_the_codes() {
        Map<String, Object> body = notice(comment("A remark about the roadworks."));
        body.put("category", "spam");
        assertThat(server.client().post("/api/v1/notices", body).json().get("message").asText())
                .contains("illegal_hate_speech", "child_sexual_abuse", "other_illegal");
    }

    @Test
    void a_child_sexual_abuse_notice_may_be_anonymous() {
        Map<String, Object> body = without(without(notice(comment("A remark to notify anonymously.")), "name"),
                "email");
        body.put("category", "child_sexual_abuse");
        String id = send(server.client(), body);
        JsonNode queued = queued(id, "open");
        assertThat(queued.get("notifier").get("name").isNull()).isTrue();
        assertThat(queued.get("notifier").get("email").isNull()).isTrue();
    }

    @Test
    void a_signed_in_notifier_s_name_and_e_mail_default_to_the_account() {
        String id = send(clients.get("reader"), without(without(notice(comment("A remark a reader notifies.")),
                "name"), "email"));
        JsonNode notifier = queued(id, "open").get("notifier");
        assertThat(notifier.get("name").asText()).isEqualTo("Reader");
        assertThat(notifier.get("email").asText()).isEqualTo("reader@notice.example");
        assertThat(notifier.get("accountId").asText()).isNotBlank();
    }

    @Test
    void a_notice_about_a_comment_not_in_the_thread_is_404() {
        String id = comment("A remark its author deletes.");
        assertThat(author.delete("/api/v1/comments/" + id).status()).isEqualTo(204);
        assertThat(server.client().post("/api/v1/notices", notice(id)).status()).isEqualTo(404);
    }

    @Test
    void the_queue_shows_open_notices_oldest_first_with_comment_category_and_notifier() {
        String first = send(server.client(), notice(comment("The first notified remark.")));
        String second = send(server.client(), notice(comment("The second notified remark.")));
        List<String> ids = new ArrayList<>();
        queue("open").forEach(notice -> ids.add(notice.get("id").asText()));
        assertThat(ids.indexOf(first)).isLessThan(ids.indexOf(second));
        JsonNode notice = queued(first, "open");
        assertThat(notice.get("category").asText()).isEqualTo("defamation");
        assertThat(notice.get("explanation").asText()).contains("shopkeeper");
        assertThat(notice.get("notifier").get("email").asText()).isEqualTo("nora@notifier.example");
        assertThat(notice.get("comment").get("body").asText()).isEqualTo("The first notified remark.");
        assertThat(notice.get("comment").get("authorName").asText()).isEqualTo("Author");
        assertThat(notice.get("createdAt").asText()).isNotBlank();
    }

    @Test
    void removing_decides_every_open_notice_on_the_comment_takes_it_out_and_logs_the_legal_ground() {
        String commentId = comment("A remark two readers notify.");
        String one = send(server.client(), notice(commentId));
        Map<String, Object> hate = notice(commentId);
        hate.put("category", "illegal_hate_speech");
        String two = send(server.client(), hate);
        Response decided = clients.get("mod").post("/api/v1/moderation/notices/" + one + "/decision",
                Map.of("action", "remove", "reason", "The accusation is defamatory under national law."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("notices")).extracting(n -> n.get("id").asText()).containsExactly(one, two);
        assertThat(queued(one, "actioned").get("decisionReason").asText()).contains("defamatory");
        assertThat(queued(two, "actioned")).isNotNull();
        assertThat(queued(one, "open")).isNull();
        assertThat(queued(one, "actioned").get("comment").get("status").asText()).isEqualTo("rejected");
        JsonNode thread = server.client().get("/api/v1/threads?site=demo&url="
                + ApiClient.encode(server.demoArticleUrl())).json();
        assertThat(thread.toString()).doesNotContain("A remark two readers notify.");
        Map<String, Object> log = server.server().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action, ground, category, actor_id, subject_id, facts FROM moderation_log"
                                + " WHERE comment_id = :id AND ground = 'illegal'")
                .bind("id", commentId)
                .mapToMap()
                .one());
        assertThat(log).containsEntry("action", "reject").containsEntry("ground", "illegal")
                .containsEntry("category", "defamation");
        assertThat(log.get("actor_id")).isNotNull();
        assertThat((String) log.get("facts")).contains("A remark two readers notify.");
        Response again = clients.get("mod").post("/api/v1/moderation/notices/" + two + "/decision",
                Map.of("action", "dismiss", "reason", "Too late."));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void dismissing_leaves_the_comment_and_logs_dismiss_notice() {
        String commentId = comment("A sharp but lawful remark.");
        String id = send(server.client(), notice(commentId));
        assertThat(clients.get("admin").post("/api/v1/moderation/notices/" + id + "/decision",
                Map.of("action", "dismiss", "reason", "Sharp criticism, not an unlawful claim.")).status())
                .isEqualTo(200);
        JsonNode notice = queued(id, "dismissed");
        assertThat(notice.get("comment").get("status").asText()).isEqualTo("published");
        Map<String, Object> log = server.server().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action, ground, category FROM moderation_log WHERE comment_id = :id"
                                + " AND ground = 'illegal'")
                .bind("id", commentId)
                .mapToMap()
                .one());
        assertThat(log).containsEntry("action", "dismiss_notice").containsEntry("ground", "illegal")
                .containsEntry("category", "defamation");
    }

    @Test
    void a_decision_needs_an_action_and_reasons() {
        String id = send(server.client(), notice(comment("A remark awaiting a careful decision.")));
        ApiClient mod = clients.get("mod");
        assertThat(mod.post("/api/v1/moderation/notices/" + id + "/decision", Map.of("action", "remove"))
                .json().get("error").asText()).isEqualTo("invalid_reason");
        assertThat(mod.post("/api/v1/moderation/notices/" + id + "/decision", Map.of("action", "ban",
                "reason", "No.")).json().get("error").asText()).isEqualTo("invalid_action");
        assertThat(mod.post("/api/v1/moderation/notices/no-such/decision", Map.of("action", "dismiss",
                "reason", "No.")).status()).isEqualTo(404);
        assertThat(queued(id, "open")).isNotNull();
    }

    @Test
    void a_readers_notices_are_in_their_export_and_lose_name_and_e_mail_when_the_account_goes() {
        ApiClient reader = server.client();
        reader.signUp("leaving@notice.example", "Leaving Reader");
        String id = send(reader, without(without(notice(comment("A remark a leaving reader notifies.")), "name"),
                "email"));
        JsonNode exported = reader.get("/api/v1/me/export").json().get("notices");
        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).get("id").asText()).isEqualTo(id);
        assertThat(exported.get(0).get("email").asText()).isEqualTo("leaving@notice.example");
        assertThat(reader.delete("/api/v1/me").status()).isEqualTo(204);
        JsonNode notifier = queued(id, "open").get("notifier");
        assertThat(notifier.get("name").isNull()).isTrue();
        assertThat(notifier.get("email").isNull()).isTrue();
    }
}
