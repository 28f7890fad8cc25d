package org.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.store.Database;

/**
 * A fresh database for each test: a real SQLite file in a temporary folder, migrations applied, deleted
 * afterwards. Register it as an instance {@code @RegisterExtension} field.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {

    private Path folder;
    private Database database;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("parley-db-");
        database = Database.openSqlite(folder);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.close();
        TestServer.deleteRecursively(folder);
    }

    public Database database() {
        return database;
    }

    public Path folder() {
        return folder;
    }
}
