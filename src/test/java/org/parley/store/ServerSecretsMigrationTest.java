package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.mail.LinkTokens;
import org.parley.privacy.ClientAddresses;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestPostgres;
import org.parley.testing.TestServer;
import org.parley.webhook.Signature;

/**
 * Review follow-up: V10_1 folds {@code signing_keys} (V7_1) into {@code server_secrets} (V8_2). A database is
 * migrated up to V8_2 and given keys as the earlier code made them; after the remaining migrations a link signed
 * with the old mail-link key still verifies, an address hashes as before, and the old table is gone.
 */
class ServerSecretsMigrationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Path folder;
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        TestServer.deleteRecursively(folder);
    }

    @Test
    void keys_made_before_the_merge_keep_working_after_it() throws IOException {
        folder = Files.createTempDirectory("parley-keys-");
        String url = TestDatabase.onPostgres() ? TestPostgres.cluster().newDatabase()
                : "jdbc:sqlite:" + folder.resolve("parley.db").toAbsolutePath();
        String user = TestDatabase.onPostgres() ? TestPostgres.cluster().user() : null;
        String password = TestDatabase.onPostgres() ? TestPostgres.cluster().password() : null;
        Flyway.configure().dataSource(url, user, password).locations(Dialect.ofUrl(url).migrations())
                .target("8.2").load().migrate();
        byte[] linkKey = new byte[32];
        for (int i = 0; i < linkKey.length; i++) {
            linkKey[i] = (byte) (i * 7 + 3);
        }
        String addressKey = "k3yMadeByAnEarlierParleyVersion0";
        (user == null ? Jdbi.create(url) : Jdbi.create(url, user, password)).useHandle(handle -> {
            handle.execute("INSERT INTO signing_keys (name, secret, created_at) VALUES ('mail-links', ?, 1)",
                    Base64.getEncoder().encodeToString(linkKey));
            handle.execute("INSERT INTO server_secrets (name, value, created_at) VALUES ('ip_hash_key', ?, 1)",
                    addressKey);
        });
        // An unsubscribe link as the earlier code mailed it: base64url(payload).base64url(HMAC-SHA256(payload)).
        byte[] payload = "unsubscribe\n0\naccount-1\nreplies".getBytes(StandardCharsets.UTF_8);
        String mailedBefore = URL_SAFE.encodeToString(payload) + "." + URL_SAFE.encodeToString(
                Signature.hmac(linkKey, payload));

        database = Database.open(url, user, password);

        Jdbi jdbi = database.jdbi();
        assertThat(LinkTokens.load(jdbi, NOW.plus(Duration.ofDays(1))).check(mailedBefore, "unsubscribe", NOW))
                .contains(List.of("account-1", "replies"));
        ClientAddresses addresses = ClientAddresses.open(jdbi, Duration.ofDays(30),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(addresses.hash("203.0.113.5")).isEqualTo(HexFormat.of().formatHex(Signature.hmac(
                addressKey.getBytes(StandardCharsets.UTF_8), "203.0.113.5".getBytes(StandardCharsets.UTF_8))));
        List<String> names = jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM server_secrets"
                + " ORDER BY name").mapTo(String.class).list());
        assertThat(names).containsExactly("ip_hash_key", "mail-links");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM signing_keys")
                .mapTo(Integer.class).one())).as("the old table is gone").isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_fresh_database_makes_each_key_once_for_every_instance() throws IOException {
        folder = Files.createTempDirectory("parley-keys-");
        database = TestDatabase.onPostgres() ? Database.open(TestPostgres.cluster().newDatabase(),
                TestPostgres.cluster().user(), TestPostgres.cluster().password()) : Database.openSqlite(folder);
        ServerSecrets one = new ServerSecrets(database.jdbi());
        ServerSecrets other = new ServerSecrets(database.jdbi());

        String first = one.findOrCreate("test-key", () -> "made by the first", NOW);
        String second = other.findOrCreate("test-key", () -> "made by the second", NOW.plusSeconds(1));

        assertThat(first).isEqualTo("made by the first");
        assertThat(second).isEqualTo("made by the first");
    }
}
