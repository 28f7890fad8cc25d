package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.TestDatabase;

/** Guards the two test runs: the PostgreSQL run must really run on PostgreSQL, with the same schema. */
class DatabaseInUseTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void the_run_uses_the_database_it_names_with_every_migration_applied() {
        Dialect expected = TestDatabase.onPostgres() ? Dialect.POSTGRESQL : Dialect.SQLITE;
        assertThat(db.database().dialect()).isEqualTo(expected);
        String version = db.database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = " + (expected == Dialect.SQLITE
                                ? "1" : "TRUE") + " ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class)
                .one());
        assertThat(version).isEqualTo("8.2");
    }
}
