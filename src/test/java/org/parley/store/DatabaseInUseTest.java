package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
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
        assertThat(version).isEqualTo(newestMigration(expected == Dialect.SQLITE ? "sqlite" : "postgresql"));
    }

    /** The newest migration shipped for a database, e.g. "7.1" for V7_1__….sql: every branch adds its own. */
    private static String newestMigration(String folder) {
        try (Stream<Path> files = Files.list(Path.of(DatabaseInUseTest.class.getResource("/db/" + folder).toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("V") && name.contains("__"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .max(Comparator.comparing(Runtime.Version::parse))
                    .orElseThrow();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
