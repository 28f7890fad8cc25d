package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.store.Database;
import org.parley.store.PeerChannel;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestPostgres;

/**
 * Two instances on one PostgreSQL database: a change one of them commits is heard by the other's listeners, and
 * not sent back. On SQLite, which serves one instance, there is nothing to carry.
 */
class PeerEventsTest {

    private static final String CHANNEL = "parley_events";

    @Test
    void a_change_committed_on_one_instance_reaches_the_others_listeners_once() throws Exception {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "instances share PostgreSQL only");
        TestPostgres cluster = TestPostgres.cluster();
        String url = cluster.newDatabase();
        try (Database database = Database.open(url, cluster.user(), cluster.password())) {
            CommentEvents here = new CommentEvents();
            CommentEvents there = new CommentEvents();
            BlockingQueue<CommentEvent> heardHere = new LinkedBlockingQueue<>();
            BlockingQueue<CommentEvent> heardThere = new LinkedBlockingQueue<>();
            here.subscribe(heardHere::add);
            there.subscribe(heardThere::add);
            PeerEvents herePeers = new PeerEvents(here);
            PeerEvents therePeers = new PeerEvents(there);
            try (PeerChannel hereChannel = PeerChannel.open(database, CHANNEL, url, cluster.user(), cluster.password(),
                    herePeers::receive);
                    PeerChannel thereChannel = PeerChannel.open(database, CHANNEL, url, cluster.user(),
                            cluster.password(), therePeers::receive)) {
                herePeers.sendThrough(hereChannel::send);
                therePeers.sendThrough(thereChannel::send);
                CommentEvent change = CommentEvent.storyChanged("story-1");

                database.jdbi().useTransaction(handle -> here.record(handle, change));

                assertThat(heardHere.poll(0, TimeUnit.SECONDS)).isEqualTo(change);
                assertThat(heardThere.poll(30, TimeUnit.SECONDS)).isEqualTo(change);
                // A marker sent after the change arrives after any echo would: nothing came back in between.
                CommentEvent marker = CommentEvent.storyChanged("story-2");
                database.jdbi().useTransaction(handle -> there.record(handle, marker));
                assertThat(heardHere.poll(30, TimeUnit.SECONDS)).isEqualTo(marker);
                assertThat(heardThere.poll(0, TimeUnit.SECONDS)).isEqualTo(marker);
                assertThat(heardHere).isEmpty();
                assertThat(heardThere).isEmpty();
            }
        }
    }
}
