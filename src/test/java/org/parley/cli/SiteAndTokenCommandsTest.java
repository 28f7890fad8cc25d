package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.store.Database;
import org.parley.site.SiteStore;
import org.parley.testing.PublisherTokens;

/** {@code parley site create|set} and {@code parley admin token} with their site, language, SSO and role options. */
class SiteAndTokenCommandsTest {

    @TempDir
    Path folder;

    private ConsoleCapture.Run run(String stdin, String... args) {
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = folder.toString();
        return ConsoleCapture.run(stdin, withData);
    }

    @Test
    void siteCreateTakesALanguageAndKeepsFieldsNotGivenOnUpdate() {
        assertThat(run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin",
                "https://www.example.org", "--guidelines", "Be kind.", "--language", "tr").exitCode()).isZero();
        assertThat(run("", "site", "create", "--id", "daily", "--name", "The Daily News", "--origin",
                "https://www.example.org").exitCode()).isZero();
        try (Database database = Database.openSqlite(folder)) {
            var site = new SiteStore(database.jdbi()).find("daily").orElseThrow();
            assertThat(site.name()).isEqualTo("The Daily News");
            assertThat(site.guidelines()).isEqualTo("Be kind.");
            assertThat(site.language()).isEqualTo("tr");
        }
        assertThat(run("", "site", "create", "--id", "daily", "--name", "x", "--origin", "https://www.example.org",
                "--language", "not a language").exitCode()).isEqualTo(2);
    }

    @Test
    void siteSetStoresTheSsoSecretFromStdinAndThePublicKeyFromAFile() throws Exception {
        run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin", "https://www.example.org");
        ConsoleCapture.Run secret = run("a publisher secret of more than thirty-two characters\n", "site", "set",
                "daily", "--sso-secret-stdin");
        assertThat(secret.exitCode()).as(secret.err()).isZero();
        assertThat(secret.out()).contains("HS256").doesNotContain("thirty-two");
        Path pem = folder.resolve("publisher.pem");
        Files.writeString(pem, PublisherTokens.pem(PublisherTokens.rsaKeys()));
        assertThat(run("", "site", "set", "daily", "--sso-public-key", pem.toString()).out())
                .contains("HS256 and RS256");
        try (Database database = Database.openSqlite(folder)) {
            var keys = new SiteStore(database.jdbi()).ssoKeys("daily").orElseThrow();
            assertThat(keys.secret()).isEqualTo("a publisher secret of more than thirty-two characters");
            assertThat(keys.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----");
        }
        assertThat(run("short\n", "site", "set", "daily", "--sso-secret-stdin").exitCode()).isEqualTo(2);
        assertThat(run("\n", "site", "set", "daily", "--sso-secret-stdin").out()).contains("with RS256");
        assertThat(run("", "site", "set", "nowhere", "--sso-public-key", pem.toString()).exitCode()).isEqualTo(2);
        assertThat(run("", "site", "set", "daily").exitCode()).isEqualTo(2);
    }

    @Test
    void siteSetAddsChangesAndRemovesOpenIdProvidersWithTheSecretFromStdin() {
        run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin", "https://www.example.org");
        ConsoleCapture.Run google = run("the google client secret\n", "site", "set", "daily", "--oidc-provider",
                "google", "--oidc-client-id", "1234.apps.example", "--oidc-client-secret-stdin");
        assertThat(google.exitCode()).as(google.err()).isZero();
        assertThat(google.out()).contains("google").doesNotContain("the google client secret");
        assertThat(run("", "site", "set", "daily", "--oidc-provider", "newsroom", "--oidc-client-id", "x")
                .exitCode()).as("a name of its own needs an issuer, and a new provider a secret").isEqualTo(2);
        assertThat(run("", "site", "set", "daily", "--oidc-provider", "google", "--oidc-client-id", "5678.apps")
                .exitCode()).as("a known provider keeps its secret").isZero();
        try (Database database = Database.openSqlite(folder)) {
            var clients = new SiteStore(database.jdbi()).oidcClients("daily");
            assertThat(clients).singleElement().satisfies(client -> {
                assertThat(client.issuer()).isEqualTo("https://accounts.google.com");
                assertThat(client.clientId()).isEqualTo("5678.apps");
                assertThat(client.clientSecret()).isEqualTo("the google client secret");
            });
        }
        assertThat(run("", "site", "set", "daily", "--oidc-remove", "google").out()).contains("no OpenID sign-in");
    }

    @Test
    void adminTokenTakesASiteAndARole() {
        run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin", "https://www.example.org");
        Account moderator;
        try (Database database = Database.openSqlite(folder)) {
            moderator = new Accounts(new AccountStore(database.jdbi()), Clock.systemUTC())
                    .create("mod@example.org", "a long enough password", "Mod", Role.READER);
            new org.parley.site.ModeratorAccess(database.jdbi()).assign(moderator.id(), "daily");
        }
        ConsoleCapture.Run made = run("", "admin", "token", "--email", "mod@example.org", "--name", "bot", "--site",
                "daily", "--role", "moderator");
        assertThat(made.exitCode()).as(made.err()).isZero();
        try (Database database = Database.openSqlite(folder)) {
            Account asToken = new Accounts(new AccountStore(database.jdbi()), Clock.systemUTC())
                    .findByToken(made.out().strip()).orElseThrow();
            assertThat(asToken.siteScope()).isEqualTo("daily");
            assertThat(asToken.role()).isEqualTo(Role.MODERATOR);
        }
        assertThat(run("", "admin", "token", "--email", "mod@example.org", "--name", "bot", "--role", "admin")
                .exitCode()).as("no more than the account's role").isEqualTo(2);
        assertThat(run("", "admin", "token", "--email", "mod@example.org", "--name", "bot", "--site", "nowhere")
                .exitCode()).isEqualTo(2);
    }
}
