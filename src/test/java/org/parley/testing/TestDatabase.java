package org.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.store.Database;

/**
 * A fresh database for each test, migrations applied: a real SQLite file in a temporary folder, or, when the
 * system property {@code parley.test.database} is {@code postgresql} (the build's second test run), a new
 * database in the private PostgreSQL cluster of {@link TestPostgres}. Register it as an instance
 * {@code @RegisterExtension} field.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    private Path folder;
    private Database database;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("parley-db-");
        database = onPostgres()
                ? Database.open(TestPostgres.cluster().newDatabase(), TestPostgres.cluster().user(),
                        TestPostgres.cluster().password())
                : Database.openSqlite(folder);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.close();
        TestServer.deleteRecursively(folder);
    }

    /** True when this test run uses PostgreSQL instead of SQLite. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("parley.test.database"));
    }

    public Database database() {
        return database;
    }

    public Path folder() {
        return folder;
    }
}
