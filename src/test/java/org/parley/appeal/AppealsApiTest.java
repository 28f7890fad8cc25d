package org.parley.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Role;
import org.parley.mail.LinkTokens;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;

/**
 * Statements of reasons and appeals (DSA Art. 17 and 20) through the API and a real SMTP server: who may read a
 * statement and appeal, the appeals flow from a classifier's rejection to a second moderator's upholding, the
 * original decider refused while another moderator exists, and a notifier's appeal with the mailed link.
 */
public class AppealsApiTest {

    /** A body the shipped model rejects outright (see PerspectiveApiTest). */
    public static final String REJECTED_BODY = "Shut up you stupid idiot, you are a worthless piece of garbage.";

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();

    private static ApiClient first;
    private static ApiClient second;
    private static ApiClient elsewhere;
    private static ApiClient reader;
    private static String firstId;

    @BeforeAll
    static void people() {
        server.admin().post("/api/v1/admin/sites", Map.of("id", "faraway", "name", "Far away",
                "origins", List.of("https://faraway.example")));
        ModeratorAccess access = new ModeratorAccess(server.jdbi());
        firstId = server.account("first@appeals.example", "First", Role.READER).id();
        access.assign(firstId, "demo");
        access.assign(server.account("second@appeals.example", "Second", Role.READER).id(), "demo");
        access.assign(server.account("far@appeals.example", "Far", Role.READER).id(), "faraway");
        server.account("reader@appeals.example", "Reader", Role.READER);
        first = server.signIn("first@appeals.example");
        second = server.signIn("second@appeals.example");
        elsewhere = server.signIn("far@appeals.example");
        reader = server.signIn("reader@appeals.example");
    }

    @Test
    void an_author_whose_comment_the_classifier_rejects_reads_why_appeals_and_a_second_moderator_restores_it() {
        ApiClient author = verifiedReader("ayla@appeals.example", "Ayla");
        Response posted = post(author, REJECTED_BODY);
        assertThat(posted.json().get("status").asText()).isEqualTo("rejected");
        String commentId = posted.json().get("comment").get("id").asText();

        MimeMessage statementMail = mailbox.awaitSubject("ayla@appeals.example", "Why your comment on");
        assertThat(Mailbox.text(statementMail)).startsWith("Hello Ayla,").contains("was rejected",
                "Automated means (the civility classifier) detected and decided this", "You can appeal",
                "out-of-court");

        JsonNode statement = author.get("/api/v1/comments/" + commentId + "/statement").json().get("statement");
        assertThat(statement.get("decision").asText()).isEqualTo("rejected");
        assertThat(statement.get("ground").asText()).isEqualTo("guidelines");
        assertThat(statement.get("category").asText()).isIn("rude", "aggressive", "derogatory", "discriminatory");
        assertThat(statement.get("guideline").asText()).contains(statement.get("category").asText());
        assertThat(statement.get("facts")).isNotEmpty();
        statement.get("facts").forEach(fact -> assertThat(REJECTED_BODY).contains(fact.get("text").asText()));
        assertThat(statement.get("automatedDetection").asBoolean()).isTrue();
        assertThat(statement.get("automatedDecision").asBoolean()).isTrue();
        assertThat(statement.get("redress").get("appeal").get("open").asBoolean()).isTrue();
        assertThat(statement.get("redress").get("outOfCourt").asText()).contains("Art. 21");
        JsonNode mine = author.get("/api/v1/me/restricted-comments?site=demo&url="
                + ApiClient.encode(server.baseUrl() + "/news/appeals")).json().get("comments");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asText()).isEqualTo(commentId);
        assertThat(mine.get(0).get("statement").get("decision").asText()).isEqualTo("rejected");
        assertThat(reader.get("/api/v1/me/restricted-comments?site=demo&url="
                + ApiClient.encode(server.baseUrl() + "/news/appeals")).json().get("comments")).isEmpty();

        Response appealed = author.post("/api/v1/appeals", Map.of("commentId", commentId,
                "reason", "I was quoting the minister's words, not insulting anyone."));
        assertThat(appealed.status()).as(appealed.text()).isEqualTo(201);
        assertThat(appealed.json().get("appeal").get("status").asText()).isEqualTo("open");
        String appealId = appealed.json().get("appeal").get("id").asText();
        assertThat(author.post("/api/v1/appeals", Map.of("commentId", commentId, "reason", "Again.")).status())
                .as("one open appeal per comment").isEqualTo(409);
        assertThat(author.get("/api/v1/comments/" + commentId + "/statement").json().get("statement")
                .get("redress").get("appeal").get("latest").get("status").asText()).isEqualTo("open");

        JsonNode queued = second.get("/api/v1/moderation/appeals?site=demo").json().get("appeals");
        JsonNode item = find(queued, appealId);
        assertThat(item.get("commentBody").asText()).isEqualTo(REJECTED_BODY);
        assertThat(item.get("contestedByName").isNull()).as("the pipeline decided").isTrue();
        assertThat(item.get("appeal").get("reason").asText()).contains("quoting the minister");

        assertThat(second.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "upheld")).status()).as("the reasons are mailed, so they are needed").isEqualTo(422);
        Response upheld = second.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "upheld", "reason", "Read in context it quotes a public statement."));
        assertThat(upheld.status()).as(upheld.text()).isEqualTo(200);
        assertThat(upheld.json().get("appeal").get("status").asText()).isEqualTo("upheld");
        assertThat(status(commentId)).isEqualTo("published");
        long logged = server.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM moderation_log WHERE comment_id = :id AND action = 'appeal_upheld'")
                .bind("id", commentId).mapTo(Long.class).one());
        assertThat(logged).isEqualTo(1);
        assertThat(second.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "dismissed", "reason", "Twice.")).status()).isEqualTo(409);
        assertThat(author.get("/api/v1/comments/" + commentId + "/statement").json().get("error").asText())
                .isEqualTo("no_restriction");
        assertThat(second.get("/api/v1/moderation/stats?site=demo").json().get("overturns").get("overturned")
                .asLong()).isGreaterThanOrEqualTo(1);

        MimeMessage outcome = mailbox.awaitSubject("ayla@appeals.example", "The outcome of your appeal: upheld");
        assertThat(Mailbox.text(outcome)).contains("Read in context it quotes a public statement.");
    }

    @Test
    void the_moderator_who_rejected_cannot_decide_the_appeal_while_another_moderates_the_site() {
        ApiClient author = verifiedReader("bora@appeals.example", "Bora");
        String commentId = post(author, "The harbour plan ignores the fishermen entirely.").json()
                .get("comment").get("id").asText();
        assertThat(first.post("/api/v1/moderation/comments/" + commentId + "/decision", Map.of("action", "reject",
                "reason", "Off topic for this story.", "category", "derogatory")).status()).isEqualTo(200);
        JsonNode statement = author.get("/api/v1/comments/" + commentId + "/statement").json().get("statement");
        assertThat(statement.get("automatedDecision").asBoolean()).isFalse();
        assertThat(statement.get("explanation").asText()).isEqualTo("Off topic for this story.");
        assertThat(statement.get("category").asText()).isEqualTo("derogatory");
        assertThat(Mailbox.text(mailbox.awaitSubject("bora@appeals.example", "Why your comment on")))
                .contains("A moderator decided this.");

        String appealId = author.post("/api/v1/appeals", Map.of("commentId", commentId,
                "reason", "It is on topic: the story is about the harbour.")).json().get("appeal").get("id").asText();
        Response refused = first.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "upheld", "reason", "I changed my mind."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("other_moderator_decides");

        assertThat(second.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "dismissed", "reason", "It attacks a person, not the plan.")).status())
                .isEqualTo(200);
        assertThat(status(commentId)).isEqualTo("rejected");
        JsonNode latest = author.get("/api/v1/comments/" + commentId + "/statement").json().get("statement")
                .get("redress").get("appeal");
        assertThat(latest.get("latest").get("status").asText()).isEqualTo("dismissed");
        assertThat(latest.get("latest").get("outcomeReason").asText()).isEqualTo("It attacks a person, not the plan.");
        assertThat(Mailbox.text(mailbox.awaitSubject("bora@appeals.example", "The outcome of your appeal: dismissed")))
                .contains("the decision stands", "It attacks a person, not the plan.");

        JsonNode export = author.get("/api/v1/me/export").json();
        assertThat(export.get("statements").toString()).contains(commentId, "Off topic for this story.");
        assertThat(export.get("appeals").get(0).get("status").asText()).isEqualTo("dismissed");
    }

    @Test
    void who_may_read_a_statement_and_appeal() {
        ApiClient author = verifiedReader("cem@appeals.example", "Cem");
        String commentId = post(author, REJECTED_BODY).json().get("comment").get("id").asText();
        String path = "/api/v1/comments/" + commentId + "/statement";
        assertThat(author.get(path).status()).isEqualTo(200);
        assertThat(server.admin().get(path).status()).isEqualTo(200);
        assertThat(first.get(path).status()).isEqualTo(200);
        assertThat(elsewhere.get(path).status()).isEqualTo(403);
        assertThat(reader.get(path).status()).isEqualTo(403);
        assertThat(server.client().get(path).status()).isEqualTo(401);
        assertThat(author.get("/api/v1/comments/nosuchcomment/statement").status()).isEqualTo(404);
        String published = post(author, "The ferry timetable is finally sensible.").json().get("comment").get("id")
                .asText();
        Response unrestricted = author.get("/api/v1/comments/" + published + "/statement");
        assertThat(unrestricted.status()).isEqualTo(404);
        assertThat(unrestricted.json().get("error").asText()).isEqualTo("no_restriction");

        Map<String, String> appeal = Map.of("commentId", commentId, "reason", "Please look again.");
        assertThat(server.client().post("/api/v1/appeals", appeal).status()).isEqualTo(401);
        for (ApiClient notAuthor : List.of(reader, first, server.admin())) {
            Response refused = notAuthor.post("/api/v1/appeals", appeal);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("not_author");
        }
        assertThat(author.post("/api/v1/appeals", Map.of("commentId", commentId)).status()).isEqualTo(422);
        assertThat(author.post("/api/v1/appeals", Map.of("commentId", commentId, "reason", "  ")).status())
                .isEqualTo(422);
        assertThat(author.post("/api/v1/appeals", Map.of("commentId", published, "reason", "Why?")).status())
                .isEqualTo(409);
        Response made = author.post("/api/v1/appeals", appeal);
        assertThat(made.status()).isEqualTo(201);
        String appealId = made.json().get("appeal").get("id").asText();

        String queue = "/api/v1/moderation/appeals?site=demo";
        assertThat(server.admin().get(queue).status()).isEqualTo(200);
        assertThat(first.get(queue).status()).isEqualTo(200);
        assertThat(elsewhere.get(queue).status()).isEqualTo(403);
        assertThat(reader.get(queue).status()).isEqualTo(403);
        assertThat(author.get(queue).status()).isEqualTo(403);
        assertThat(server.client().get(queue).status()).isEqualTo(401);

        String decide = "/api/v1/moderation/appeals/" + appealId + "/decision";
        Map<String, String> dismiss = Map.of("outcome", "dismissed", "reason", "The insult is plain.");
        assertThat(server.client().post(decide, dismiss).status()).isEqualTo(401);
        assertThat(reader.post(decide, dismiss).status()).isEqualTo(403);
        assertThat(author.post(decide, dismiss).status()).isEqualTo(403);
        assertThat(elsewhere.post(decide, dismiss).status()).isEqualTo(403);
        assertThat(first.post(decide, Map.of("outcome", "maybe", "reason", "Hm.")).status()).isEqualTo(400);
        assertThat(first.post("/api/v1/moderation/appeals/nosuchappeal/decision", dismiss).status()).isEqualTo(404);
        assertThat(server.admin().post(decide, dismiss).status()).isEqualTo(200);
    }

    @Test
    void a_notifier_appeals_the_dismissal_of_their_notice_with_the_mailed_link_and_the_comment_is_removed() {
        ApiClient author = verifiedReader("deniz@appeals.example", "Deniz");
        String commentId = post(author, "The councillor took money from the builders, I am sure of it.").json()
                .get("comment").get("id").asText();
        String moderatorId = server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM accounts WHERE email = 'second@appeals.example'").mapTo(String.class).one());
        Instant decidedAt = server.clock().instant();
        String noticeId = "notice-" + commentId;
        // The notices' own store writes these rows; this test stands in for a dismissed notice's decision.
        server.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO notices (id, site_id, comment_id, category, explanation, notifier_name,
                            notifier_email, good_faith, status, decided_by, decided_at, decision_reason, created_at)
                        VALUES (:id, 'demo', :comment, 'defamation', 'An untrue accusation of bribery.', 'Eda',
                            'eda@notifier.example', 1, 'dismissed', :moderator, :at, 'Opinion.', :at)""")
                .bind("id", noticeId).bind("comment", commentId).bind("moderator", moderatorId)
                .bind("at", decidedAt.toEpochMilli()).execute());
        String token = LinkTokens.load(server.jdbi(), Instant.now())
                .sign(Appeals.NOTICE_APPEAL, decidedAt.plus(Duration.ofDays(183)), noticeId);

        assertThat(server.client().get("/account/appeal?token=" + ApiClient.encode(token)).status()).isEqualTo(200);
        assertThat(server.client().post("/api/v1/appeals", Map.of("token", token + "x", "reason", "Look again."))
                .status()).isEqualTo(403);
        Response appealed = server.client().post("/api/v1/appeals", Map.of("token", token,
                "reason", "It states a crime as a fact, with no source."));
        assertThat(appealed.status()).as(appealed.text()).isEqualTo(201);
        String appealId = appealed.json().get("appeal").get("id").asText();
        assertThat(server.client().post("/api/v1/appeals", Map.of("token", token, "reason", "Again.")).status())
                .isEqualTo(409);

        JsonNode item = find(first.get("/api/v1/moderation/appeals?site=demo").json().get("appeals"), appealId);
        assertThat(item.get("appeal").get("noticeId").asText()).isEqualTo(noticeId);
        assertThat(item.get("contestedByName").asText()).isEqualTo("Second");
        assertThat(second.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "upheld", "reason", "Mine.")).json().get("error").asText())
                .isEqualTo("other_moderator_decides");
        assertThat(first.post("/api/v1/moderation/appeals/" + appealId + "/decision",
                Map.of("outcome", "upheld", "reason", "It presents an accusation of a crime as fact.")).status())
                .isEqualTo(200);
        assertThat(status(commentId)).isEqualTo("removed");
        JsonNode statement = author.get("/api/v1/comments/" + commentId + "/statement").json().get("statement");
        assertThat(statement.get("ground").asText()).isEqualTo("illegal");
        assertThat(statement.get("category").asText()).isEqualTo("defamation");
        assertThat(statement.get("decision").asText()).isEqualTo("removed");
        assertThat(Mailbox.text(mailbox.awaitSubject("eda@notifier.example", "The outcome of your appeal: upheld")))
                .startsWith("Hello Eda,").contains("It presents an accusation of a crime as fact.");
    }

    @Test
    void a_suspended_reader_gets_the_statement_by_mail_and_in_the_data_export() {
        ApiClient suspended = verifiedReader("emre@appeals.example", "Emre");
        post(suspended, "The ferry should run at night too.");
        String id = suspended.get("/api/v1/me").json().get("user").get("id").asText();
        assertThat(second.post("/api/v1/moderation/users/" + id + "/ban", Map.of("reason", "Repeated insults.",
                "until", "2099-01-01T00:00:00Z")).status()).isEqualTo(200);

        assertThat(Mailbox.text(mailbox.awaitSubject("emre@appeals.example", "Your account was suspended")))
                .contains("until 2099-01-01", "Repeated insults.", "made by a person", "Art. 21");
        JsonNode statement = suspended.get("/api/v1/me/export").json().get("statements").get(0);
        assertThat(statement.get("decision").asText()).isEqualTo("suspended");
        assertThat(statement.get("ground").asText()).isEqualTo("guidelines");
        assertThat(statement.get("automatedDecision").asBoolean()).isFalse();
        assertThat(statement.get("explanation").asText()).startsWith("Repeated insults.");
    }

    private static JsonNode find(JsonNode appeals, String appealId) {
        for (JsonNode item : appeals) {
            if (item.get("appeal").get("id").asText().equals(appealId)) {
                return item;
            }
        }
        throw new AssertionError("appeal " + appealId + " is not in the queue: " + appeals);
    }

    private static String status(String commentId) {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT status FROM comments WHERE id = :id")
                .bind("id", commentId).mapTo(String.class).one());
    }

    private static Response post(ApiClient author, String body) {
        Response response = author.post("/api/v1/comments", Map.of("site", "demo",
                "url", server.baseUrl() + "/news/appeals", "title", "The harbour plan", "body", body));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response;
    }

    private static ApiClient verifiedReader(String email, String name) {
        return server.verifiedReader(email, name);
    }
}
