package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.problem.Problem;

class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void opening_an_empty_folder_creates_the_schema_in_a_wal_mode_sqlite_file() {
        try (Database database = Database.openSqlite(folder.resolve("data"))) {
            assertThat(Files.exists(folder.resolve("data/parley.db"))).isTrue();
            assertThat(database.dialect()).isEqualTo(Dialect.SQLITE);
            String mode = database.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
            assertThat(mode).isEqualToIgnoringCase("wal");
            long tables = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                            + " ('accounts', 'sessions', 'sites', 'stories', 'comments', 'respects', 'reports')")
                    .mapTo(Long.class).one());
            assertThat(tables).isEqualTo(7);
            assertThat(database.isHealthy()).isTrue();
        }
    }

    @Test
    void reopening_keeps_the_data_and_applies_no_migration_twice() {
        try (Database database = Database.openSqlite(folder)) {
            database.jdbi().useHandle(h -> h.execute("INSERT INTO sites (id, name, origins, guidelines, created_at)"
                    + " VALUES ('s', 'S', 'https://a.example', 'Be kind.', 0)"));
        }
        try (Database database = Database.openSqlite(folder)) {
            long sites = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sites")
                    .mapTo(Long.class).one());
            assertThat(sites).isEqualTo(1);
        }
    }

    @Test
    void a_database_url_of_another_kind_is_refused_by_name() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/parley", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:");
    }

    @Test
    void a_cursor_round_trips_and_a_forged_one_is_a_bad_request_on_the_cursor_field() {
        Cursor cursor = Cursor.of("1700000000000", "abc");
        assertThat(Cursor.decode(cursor.encode(), 2)).isEqualTo(cursor);
        assertThatThrownBy(() -> Cursor.decode("not-a-cursor!", 2))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> Cursor.decode(cursor.encode(), 3)).isInstanceOf(Problem.class);
    }

    @Test
    void ids_are_distinct_and_url_safe() {
        assertThat(Ids.newId()).hasSize(16).matches("[A-Za-z0-9_-]+").isNotEqualTo(Ids.newId());
    }
}
