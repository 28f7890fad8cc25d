package org.parley.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.Comment;
import org.parley.comment.Comments;
import org.parley.moderation.Bans;
import org.parley.moderation.DecisionAction;
import org.parley.moderation.Decisions;
import org.parley.site.ModeratorAccess;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.ManualClock;
import org.parley.testing.TestDatabase;
import org.parley.testing.WebhookReceiver;

/** The outbox and the background sender on a real database, against a real HTTP receiver on loopback. */
class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL = List.of("comment.created", "comment.published", "comment.rejected",
            "comment.edited", "comment.removed", "user.banned");

    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    private final ManualClock clock = new ManualClock();
    private Fixtures fixtures;
    private Webhooks webhooks;
    private WebhookStore store;
    private WebhookSender sender;

    @BeforeEach
    void wire() {
        fixtures = new Fixtures(database.database(), clock);
        fixtures.comments.onChange(new Outbox(clock));
        store = new WebhookStore(database.database().jdbi());
        // The receiver listens on loopback, so these hooks run as on-premise setups do: private receivers allowed.
        webhooks = new Webhooks(store, new ReceiverAddresses(true), clock);
        sender = new WebhookSender(store, Backoff.standard(), new ReceiverAddresses(true), clock);
    }

    private Comment post(Account author, Story story, String body) {
        return fixtures.submissions.post(author, story, null, body, false).comment();
    }

    @Test
    void a_new_comment_arrives_signed_with_the_hooks_secret() throws Exception {
        Webhooks.Created hook = webhooks.create(Fixtures.SITE, receiver.url(), List.of("comment.created"), null,
                null);
        Account ada = fixtures.reader();
        Story story = fixtures.story();
        Comment comment = post(ada, story, "The council's budget deserves a closer look.");

        assertThat(sender.deliverDue()).isEqualTo(1);

        WebhookReceiver.Received request = receiver.next();
        assertThat(request.header("X-Parley-Event")).isEqualTo("comment.created");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hook.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.header("X-Parley-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body())));
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("event").asText()).isEqualTo("comment.created");
        assertThat(body.get("site").asText()).isEqualTo(Fixtures.SITE);
        assertThat(body.get("occurredAt").asText()).isEqualTo(clock.instant().toString());
        JsonNode data = body.get("data").get("comment");
        assertThat(data.get("id").asText()).isEqualTo(comment.id());
        assertThat(data.get("body").asText()).isEqualTo("The council's budget deserves a closer look.");
        assertThat(data.get("status").asText()).isEqualTo("published");
        assertThat(data.get("author").get("displayName").asText()).isEqualTo(ada.displayName());
        assertThat(data.get("story").get("url").asText()).isEqualTo(story.url());
        Delivery delivery = webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0);
        assertThat(request.header("X-Parley-Delivery")).isEqualTo(delivery.id());
        assertThat(delivery.status()).isEqualTo("delivered");
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.responseCode()).isEqualTo(200);
    }

    @Test
    void a_receiver_answering_500_gets_the_same_delivery_again_after_the_backoff() {
        Webhooks.Created hook = webhooks.create(Fixtures.SITE, receiver.url(), List.of("comment.created"), null,
                null);
        post(fixtures.reader(), fixtures.story(), "First attempt fails, the second one lands.");
        receiver.answerNext(500);

        assertThat(sender.deliverDue()).isEqualTo(1);
        WebhookReceiver.Received first = receiver.next();
        Delivery afterFailure = webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0);
        assertThat(afterFailure.status()).isEqualTo("pending");
        assertThat(afterFailure.attempts()).isEqualTo(1);
        assertThat(afterFailure.responseCode()).isEqualTo(500);
        assertThat(afterFailure.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        assertThat(sender.deliverDue()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.deliverDue()).isEqualTo(1);

        WebhookReceiver.Received second = receiver.next();
        assertThat(second.header("X-Parley-Delivery")).isEqualTo(first.header("X-Parley-Delivery"));
        assertThat(second.body()).isEqualTo(first.body());
        Delivery delivered = webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0);
        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.responseCode()).isEqualTo(200);
    }

    @Test
    void a_delivery_that_never_lands_is_failed_after_24_hours_and_a_resend_queues_it_again() {
        Webhooks.Created hook = webhooks.create(Fixtures.SITE, receiver.url(), List.of("comment.created"), null,
                null);
        post(fixtures.reader(), fixtures.story(), "Nobody is listening at the other end today.");
        receiver.answerAlways(503);
        int attempts = 0;
        while (attempts < 60 && !"failed".equals(webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0)
                .status())) {
            attempts += sender.deliverDue();
            clock.advance(Duration.ofMinutes(30));
        }

        Delivery failed = webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.attempts()).isEqualTo(attempts).isBetween(20, 40);
        assertThat(failed.responseCode()).isEqualTo(503);
        assertThat(sender.deliverDue()).as("a failed delivery is not tried again by itself").isZero();

        receiver.answerAlways(200);
        Delivery queued = webhooks.resend(Fixtures.SITE, hook.webhook().id(), failed.id());
        assertThat(queued.status()).isEqualTo("pending");
        assertThat(sender.deliverDue()).isEqualTo(1);
        Delivery delivered = webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0);
        assertThat(delivered.id()).isEqualTo(failed.id());
        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.responseCode()).isEqualTo(200);
    }

    @Test
    void each_change_queues_its_event_for_the_hooks_that_asked_for_it() {
        Webhooks.Created every = webhooks.create(Fixtures.SITE, receiver.url(), ALL, null, null);
        Webhooks.Created onlyRemovals = webhooks.create(Fixtures.SITE, receiver.url(), List.of("comment.removed"),
                null, null);
        webhooks.create(Fixtures.SITE, receiver.url(), ALL, false, null);
        Account moderator = fixtures.accounts.create("mod@news.example", "correct horse battery", "Mod", Role.ADMIN);
        ModeratorAccess access = new ModeratorAccess(database.database().jdbi());
        Decisions decisions = new Decisions(fixtures.comments, fixtures.storyStore, fixtures.moderation, access,
                clock);
        Account ada = fixtures.reader();
        Story story = fixtures.story();

        Comment comment = post(ada, story, "A fair point about the bus timetable.");
        clock.advance(Duration.ofSeconds(1));
        fixtures.submissions.edit(ada, story, comment, "A fair point about the new bus timetable.");
        clock.advance(Duration.ofSeconds(1));
        decisions.decide(moderator, comment.id(), DecisionAction.REJECT, "off topic");
        clock.advance(Duration.ofSeconds(1));
        decisions.decide(moderator, comment.id(), DecisionAction.APPROVE, null);
        clock.advance(Duration.ofSeconds(1));
        new Comments(fixtures.comments).remove(ada.id(), false, comment.id());
        clock.advance(Duration.ofSeconds(1));
        new Bans(fixtures.accounts, fixtures.moderation, new Outbox(clock), clock)
                .ban(moderator, ada.id(), "spam", null);

        List<String> newestFirst = events(every);
        assertThat(newestFirst.subList(0, 5)).containsExactly("user.banned", "comment.removed",
                "comment.published", "comment.rejected", "comment.edited");
        assertThat(newestFirst.subList(5, 7)).containsExactlyInAnyOrder("comment.published", "comment.created");
        assertThat(events(onlyRemovals)).containsExactly("comment.removed");
    }

    @Test
    void two_senders_on_one_database_deliver_each_event_once() throws Exception {
        webhooks.create(Fixtures.SITE, receiver.url(), List.of("comment.created"), null, null);
        Account ada = fixtures.reader();
        for (int i = 0; i < 12; i++) {
            post(ada, fixtures.story(), "Comment number " + i + " on the harbour plans.");
        }
        WebhookSender other = new WebhookSender(store, Backoff.standard(), new ReceiverAddresses(true), clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            runs.add(pool.submit(sender::deliverDue));
            runs.add(pool.submit(other::deliverDue));
            int attempted = runs.get(0).get() + runs.get(1).get();
            assertThat(attempted).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 12; i++) {
            ids.add(receiver.next().header("X-Parley-Delivery"));
        }
        assertThat(ids).hasSize(12);
        assertThat(receiver.waiting()).isZero();
    }

    @Test
    void a_hook_whose_name_resolves_to_loopback_at_delivery_is_not_called_and_its_log_says_why() {
        // Saved while its name pointed elsewhere (here: while private receivers were allowed); the strict sender
        // resolves the name again before sending and finds loopback.
        String url = "http://localhost:" + URI.create(receiver.url()).getPort() + "/hooks/parley";
        Webhooks.Created hook = webhooks.create(Fixtures.SITE, url, List.of("comment.created"), null, null);
        WebhookSender strict = new WebhookSender(store, Backoff.standard(), new ReceiverAddresses(false), clock);
        post(fixtures.reader(), fixtures.story(), "A comment that must not reach an internal service.");

        assertThat(strict.deliverDue()).isEqualTo(1);

        Delivery refused = webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).get(0);
        assertThat(refused.status()).isEqualTo("pending");
        assertThat(refused.attempts()).isEqualTo(1);
        assertThat(refused.responseCode()).isNull();
        assertThat(refused.lastError()).startsWith("refused: The receiver's host localhost resolves to ")
                .contains("a loopback address").contains("webhook-allow-private");
        assertThat(receiver.waiting()).as("nothing reached the receiver").isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.deliverDue()).as("a server allowing private receivers sends it").isEqualTo(1);
        assertThat(receiver.next().header("X-Parley-Delivery")).isEqualTo(refused.id());
    }

    private List<String> events(Webhooks.Created hook) {
        return webhooks.deliveries(Fixtures.SITE, hook.webhook().id()).stream().map(Delivery::event).toList();
    }
}
