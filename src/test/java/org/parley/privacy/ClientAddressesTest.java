package org.parley.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.testing.Fixtures;
import org.parley.testing.ManualClock;
import org.parley.testing.TestDatabase;

/** Client addresses kept as keyed hashes on a real database, shared by instances and dropped when old. */
class ClientAddressesTest {

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    private final ManualClock clock = new ManualClock();

    @Test
    void two_instances_on_one_database_hash_an_address_alike_and_never_keep_it_in_clear() {
        ClientAddresses one = ClientAddresses.open(database.database().jdbi(), Duration.ofDays(30), clock);
        ClientAddresses other = ClientAddresses.open(database.database().jdbi(), Duration.ofDays(30), clock);

        assertThat(one.hash("203.0.113.7")).isEqualTo(other.hash("203.0.113.7")).matches("[0-9a-f]{64}");
        assertThat(one.hash("203.0.113.7")).isNotEqualTo(one.hash("203.0.113.8"));

        Account reader = new Fixtures(database.database(), clock).reader();
        one.record(reader.id(), "comment", "c1", "203.0.113.7");
        String stored = database.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT ip_hash FROM client_addresses").mapTo(String.class).one());
        assertThat(stored).isEqualTo(one.hash("203.0.113.7")).doesNotContain("203.0.113");
    }

    @Test
    void hashes_older_than_the_retention_are_purged() {
        ClientAddresses addresses = ClientAddresses.open(database.database().jdbi(), Duration.ofDays(7), clock);
        Account reader = new Fixtures(database.database(), clock).reader();
        addresses.record(reader.id(), "signup", null, "198.51.100.1");
        clock.advance(Duration.ofDays(5));
        addresses.record(reader.id(), "comment", "c1", "198.51.100.1");

        clock.advance(Duration.ofDays(3));

        assertThat(addresses.purge()).isEqualTo(1);
        java.util.List<String> left = database.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT action FROM client_addresses").mapTo(String.class).list());
        assertThat(left).containsExactly("comment");
    }
}
