package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.story.Story;
import org.parley.store.Ids;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/**
 * The comment store as the one writer of a comment's row: each named operation changes the row and its counters,
 * tells the in-transaction listeners, and announces one event after the commit (issue 12, "Parley 8").
 */
class CommentStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private CommentStore store;
    private Jdbi jdbi;
    private final List<CommentEvent> announced = new ArrayList<>();
    private final List<List<CommentChange>> heard = new ArrayList<>();
    private Account ada;
    private Account ben;
    private Story story;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database());
        store = fixtures.comments;
        jdbi = store.jdbi();
        fixtures.events.subscribe(announced::add);
        store.onChange((handle, commentId, changes) -> heard.add(changes));
        ada = fixtures.reader();
        ben = fixtures.reader();
        story = fixtures.story();
    }

    private Comment insert(Account author, Comment parent, CommentStatus status) {
        String id = Ids.newId();
        Placement placement = parent == null ? Placement.topLevel(id) : Placement.replyTo(parent);
        jdbi.useTransaction(handle -> store.insert(handle, new NewComment(id, story.id(), placement.parentId(),
                placement.rootId(), placement.depth(), placement.replyToId(), author.id(), "A view on the bridge.",
                "<p>A view on the bridge.</p>", status, NOW)));
        return store.find(id).orElseThrow();
    }

    private long commentCount() {
        return fixtures.storyStore.findById(story.id()).orElseThrow().commentCount();
    }

    private Map<String, Object> row(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT decided_by, open_reports, reasons, scores,"
                        + " model_version FROM comments WHERE id = :id")
                .bind("id", id)
                .mapToMap()
                .one());
    }

    @Test
    void a_change_is_announced_once_its_transaction_commits_and_not_before() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        jdbi.useTransaction(handle -> {
            store.remove(handle, CommentStore.find(handle, comment.id()).orElseThrow());
            assertThat(announced).isEmpty();
        });

        assertThat(announced).containsExactly(
                new CommentEvent(CommentEvent.Type.REMOVED, story.id(), comment.id()));
    }

    @Test
    void a_rolled_back_change_is_announced_to_nobody() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            store.remove(handle, CommentStore.find(handle, comment.id()).orElseThrow());
            throw new IllegalStateException("the rest of the write failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(announced).isEmpty();
        assertThat(store.find(comment.id()).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);
    }

    @Test
    void recording_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> jdbi.useHandle(handle -> fixtures.events.record(handle,
                CommentEvent.storyChanged(story.id())))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_new_comment_is_announced_as_published_or_as_held() {
        Comment published = insert(ada, null, CommentStatus.PUBLISHED);
        Comment held = insert(ada, null, CommentStatus.PENDING);

        assertThat(announced).containsExactly(
                new CommentEvent(CommentEvent.Type.PUBLISHED, story.id(), published.id()),
                new CommentEvent(CommentEvent.Type.HELD, story.id(), held.id()));
        assertThat(heard).containsExactly(List.of(CommentChange.CREATED, CommentChange.PUBLISHED),
                List.of(CommentChange.CREATED));
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void approving_a_held_comment_counts_it_records_the_moderator_and_clears_its_reports() {
        Comment held = insert(ada, null, CommentStatus.PENDING);
        heard.clear();
        announced.clear();

        jdbi.useTransaction(handle -> store.approve(handle, held, new CommentStore.Decided(ben.id(), NOW)));

        assertThat(store.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(commentCount()).isEqualTo(1);
        assertThat(row(held.id())).containsEntry("decided_by", ben.id());
        assertThat(((Number) row(held.id()).get("open_reports")).longValue()).isZero();
        assertThat(heard).containsExactly(List.of(CommentChange.PUBLISHED));
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.PUBLISHED, story.id(), held.id()));
    }

    @Test
    void rejecting_a_published_reply_uncounts_it_from_its_story_and_parent() {
        Comment top = insert(ada, null, CommentStatus.PUBLISHED);
        Comment reply = insert(ben, top, CommentStatus.PUBLISHED);
        announced.clear();

        jdbi.useTransaction(handle -> store.reject(handle, reply, new CommentStore.Decided(ada.id(), NOW)));

        assertThat(commentCount()).isEqualTo(1);
        assertThat(store.find(top.id()).orElseThrow().replyCount()).isZero();
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.REMOVED, story.id(), reply.id()));
    }

    @Test
    void featuring_a_comment_is_announced_as_an_edit() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        jdbi.useTransaction(handle -> store.feature(handle, comment, true, new CommentStore.Decided(ben.id(), NOW)));

        assertThat(store.find(comment.id()).orElseThrow().featured()).isTrue();
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.EDITED, story.id(), comment.id()));
    }

    @Test
    void an_edit_keeps_the_old_text_and_stores_the_new_judgement() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        jdbi.useTransaction(handle -> store.edit(handle, comment, new CommentStore.Revision("A second view.",
                "<p>A second view.</p>", NOW.plusSeconds(60), CommentStatus.PENDING, "[\"user.new\"]",
                "{\"rude\":0.1}", "test-model")));

        Comment edited = store.find(comment.id()).orElseThrow();
        assertThat(edited.body()).isEqualTo("A second view.");
        assertThat(edited.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(row(comment.id())).containsEntry("model_version", "test-model")
                .containsEntry("reasons", "[\"user.new\"]");
        long revisions = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM comment_revisions WHERE comment_id = :id")
                .bind("id", comment.id())
                .mapTo(Long.class)
                .one());
        assertThat(revisions).isEqualTo(2);
        assertThat(commentCount()).isZero();
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.REMOVED, story.id(), comment.id()));
    }

    @Test
    void a_respect_toggles_and_each_toggle_is_announced() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        boolean given = jdbi.inTransaction(handle -> store.recordRespect(handle, comment, ben.id(), NOW));
        boolean givenAgain = jdbi.inTransaction(handle -> store.recordRespect(handle,
                CommentStore.find(handle, comment.id()).orElseThrow(), ben.id(), NOW));

        assertThat(given).isTrue();
        assertThat(givenAgain).isFalse();
        assertThat(store.find(comment.id()).orElseThrow().respectCount()).isZero();
        assertThat(announced).hasSize(2).allMatch(event -> event.type() == CommentEvent.Type.RESPECTED);
    }

    @Test
    void a_second_report_by_the_same_reader_changes_nothing_and_announces_nothing() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        boolean first = jdbi.inTransaction(handle -> store.recordReport(handle, comment,
                new CommentStore.NewReport(Ids.newId(), ben.id(), ReportReason.RUDE, null, NOW)));
        boolean second = jdbi.inTransaction(handle -> store.recordReport(handle, comment,
                new CommentStore.NewReport(Ids.newId(), ben.id(), ReportReason.SPAM, "again", NOW)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(((Number) row(comment.id()).get("open_reports")).longValue()).isEqualTo(1);
        assertThat(announced).containsExactly(
                new CommentEvent(CommentEvent.Type.REPORTED, story.id(), comment.id()));
    }

    @Test
    void holding_a_reported_comment_takes_it_out_of_the_thread() {
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        jdbi.useTransaction(handle -> store.hold(handle, comment));

        assertThat(store.find(comment.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(commentCount()).isZero();
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.REMOVED, story.id(), comment.id()));
    }

    @Test
    void anonymizing_an_author_erases_comments_on_erasing_sites_and_announces_the_rest_as_edited() {
        Comment kept = insert(ada, null, CommentStatus.PUBLISHED);
        announced.clear();

        jdbi.useTransaction(handle -> store.anonymizeAuthor(handle, ada.id(), Set.of()));
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.EDITED, story.id(), kept.id()));
        announced.clear();

        jdbi.useTransaction(handle -> store.anonymizeAuthor(handle, ada.id(), Set.of(Fixtures.SITE)));

        Comment erased = store.find(kept.id()).orElseThrow();
        assertThat(erased.status()).isEqualTo(CommentStatus.REMOVED);
        assertThat(erased.body()).isEmpty();
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.REMOVED, story.id(), kept.id()));
    }

    @Test
    void a_peers_event_reaches_this_instances_listeners_but_is_not_sent_back() {
        List<CommentEvent> sent = new ArrayList<>();
        fixtures.events.forwardTo(sent::add);
        Comment comment = insert(ada, null, CommentStatus.PUBLISHED);
        CommentEvent fromPeer = new CommentEvent(CommentEvent.Type.EDITED, story.id(), comment.id());

        fixtures.events.receive(fromPeer);

        assertThat(sent).containsExactly(new CommentEvent(CommentEvent.Type.PUBLISHED, story.id(), comment.id()));
        assertThat(announced).endsWith(fromPeer);
    }
}
