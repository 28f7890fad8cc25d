package org.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Role;
import org.parley.appeal.AppealsApiTest;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;

/**
 * Issue 13's "done when", end to end through the API and a real SMTP server: a comment the classifier rejects is
 * explained to its author by mail and on request, appealed and restored by a second moderator; a signed-out
 * reader's notice of illegal content reaches its queue, its notifier hears the outcome and the author hears why;
 * and the transparency report for the day counts all of it. A hold by premoderation alone mails nobody.
 */
class DigitalServicesActTest {

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    private static ApiClient first;
    private static ApiClient second;

    @BeforeAll
    static void twoModerators() {
        ModeratorAccess access = new ModeratorAccess(server.jdbi());
        access.assign(server.account("first@dsa.example", "First", Role.READER).id(), "demo");
        access.assign(server.account("second@dsa.example", "Second", Role.READER).id(), "demo");
        first = server.signIn("first@dsa.example");
        second = server.signIn("second@dsa.example");
    }

    @Test
    void a_rejection_is_explained_appealed_and_undone_a_notice_is_decided_and_the_report_counts_both() {
        // The classifier rejects a comment; its author reads why, by mail and from the API, and appeals.
        ApiClient author = server.verifiedReader("deniz@dsa.example", "Deniz");
        Response rejected = post(author, "/news/harbour", AppealsApiTest.REJECTED_BODY);
        assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");
        String rejectedId = rejected.json().get("comment").get("id").asText();
        assertThat(Mailbox.text(mailbox.awaitSubject("deniz@dsa.example", "Why your comment on")))
                .contains("was rejected", "You can appeal");
        JsonNode statement = author.get("/api/v1/comments/" + rejectedId + "/statement").json().get("statement");
        assertThat(statement.get("automatedDecision").asBoolean()).isTrue();
        assertThat(statement.get("facts")).isNotEmpty();
        String appealId = author.post("/api/v1/appeals", Map.of("commentId", rejectedId,
                "reason", "I was repeating what the councillor shouted at the meeting.")).json()
                .get("appeal").get("id").asText();

        // A second moderator upholds it: the comment is back.
        assertThat(second.post("/api/v1/moderation/appeals/" + appealId + "/decision", Map.of("outcome", "upheld",
                "reason", "In context it reports what was said at the meeting.")).status()).isEqualTo(200);
        assertThat(status(rejectedId)).isEqualTo("published");
        assertThat(mailbox.awaitSubject("deniz@dsa.example", "The outcome of your appeal: upheld")).isNotNull();

        // A signed-out reader sends a notice; it waits in the notices queue; a moderator removes the comment.
        ApiClient writer = server.verifiedReader("emre@dsa.example", "Emre");
        String reportedId = post(writer, "/news/harbour", "The harbourmaster takes bribes from the ferry company,"
                + " everyone on the quay knows it.").json().get("comment").get("id").asText();
        Map<String, Object> notice = new HashMap<>(Map.of("commentId", reportedId, "category", "defamation",
                "explanation", "It accuses a named official of a crime without any evidence.",
                "name", "Selin Kaya", "email", "selin@dsa.example", "goodFaith", true));
        Response sent = server.client().post("/api/v1/notices", notice);
        assertThat(sent.status()).as(sent.text()).isEqualTo(201);
        String noticeId = sent.json().get("notice").get("id").asText();
        assertThat(mailbox.awaitSubject("selin@dsa.example", "We received your notice")).isNotNull();
        JsonNode queue = first.get("/api/v1/moderation/notices?site=demo&status=open").json();
        assertThat(queue.toString()).contains(noticeId);
        Response removed = first.post("/api/v1/moderation/notices/" + noticeId + "/decision", Map.of(
                "action", "remove", "reason", "An accusation of a crime against a named person, with no source."));
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(status(reportedId)).isEqualTo("rejected");
        assertThat(Mailbox.text(mailbox.awaitSubject("selin@dsa.example", "Our decision on your notice")))
                .contains("/account/appeal?token=");
        assertThat(Mailbox.text(mailbox.awaitSubject("emre@dsa.example", "Why your comment on")))
                .contains("illegal");
        JsonNode removal = writer.get("/api/v1/comments/" + reportedId + "/statement").json().get("statement");
        assertThat(removal.get("ground").asText()).isEqualTo("illegal");
        assertThat(removal.get("category").asText()).isEqualTo("defamation");
        assertThat(removal.get("automatedDetection").asBoolean()).isFalse();

        // The day's transparency report counts all of it.
        JsonNode report = second.get("/api/v1/moderation/transparency?site=demo&from=" + TODAY + "&to=" + TODAY)
                .json().get("report");
        assertThat(report.get("notices").get("received").asLong()).isEqualTo(1);
        assertThat(report.get("notices").get("byCategory").get("defamation").asLong()).isEqualTo(1);
        assertThat(report.get("notices").get("byStatus").get("actioned").asLong()).isEqualTo(1);
        assertThat(report.get("actions").get("byType").get("rejected").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("actions").get("byGround").get("illegal").asLong()).isEqualTo(1);
        assertThat(report.get("actions").get("byCategory").get("defamation").asLong()).isEqualTo(1);
        assertThat(report.get("appeals").get("received").asLong()).isEqualTo(1);
        assertThat(report.get("appeals").get("upheld").asLong()).isEqualTo(1);
        assertThat(report.get("automatedOverturns").get("overturned").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_hold_by_premoderation_alone_mails_no_statement_but_a_statement_can_be_read() {
        ApiClient author = server.verifiedReader("ferda@dsa.example", "Ferda");
        String url = server.baseUrl() + "/news/quiet-story";
        post(author, "/news/quiet-story", "The library should open on Sundays too.");
        String storyId = server.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT id FROM stories WHERE url = :url").bind("url", url).mapTo(String.class).one());
        assertThat(first.patch("/api/v1/moderation/stories/" + storyId, Map.of("premoderated", true)).status())
                .isEqualTo(200);

        Response held = post(author, "/news/quiet-story", "And the reading room could stay open until nine.");

        assertThat(held.json().get("status").asText()).isEqualTo("pending");
        String heldId = held.json().get("comment").get("id").asText();
        JsonNode statement = author.get("/api/v1/comments/" + heldId + "/statement").json().get("statement");
        assertThat(statement.get("decision").asText()).isEqualTo("held");
        assertThat(statement.get("automatedDetection").asBoolean()).as("premoderation reads nothing").isFalse();
        // A mail for someone else queued after the hold has arrived, so the hold's mail would be here by now.
        server.verifiedReader("gul@dsa.example", "Gül");
        assertThat(mailbox.to("ferda@dsa.example")).noneMatch(mail -> Mailbox.subject(mail).startsWith("Why"));
    }

    private static Response post(ApiClient author, String path, String body) {
        Response response = author.post("/api/v1/comments", Map.of("site", "demo", "url", server.baseUrl() + path,
                "title", "The harbour plan", "body", body));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response;
    }

    private static String status(String commentId) {
        return server.jdbi().withHandle(handle -> handle.createQuery("SELECT status FROM comments WHERE id = :id")
                .bind("id", commentId).mapTo(String.class).one());
    }
}
