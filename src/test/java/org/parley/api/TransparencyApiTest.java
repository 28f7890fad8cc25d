package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** {@code GET /api/v1/moderation/transparency}: who may read it, JSON and CSV, and bad periods. */
class TransparencyApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final Map<String, ApiClient> clients = new java.util.HashMap<>();
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        SiteStore sites = new SiteStore(jdbi);
        sites.save(new Site("other", "Other", List.of("https://other.example"), Site.DEFAULT_GUIDELINES),
                Instant.now());
        ModeratorAccess access = new ModeratorAccess(jdbi);
        accounts.create("admin@tr.example", "correct horse battery", "Admin", Role.ADMIN);
        access.assign(accounts.create("mod@tr.example", "correct horse battery", "Mod", Role.READER).id(), "demo");
        access.assign(accounts.create("other@tr.example", "correct horse battery", "Other", Role.READER).id(),
                "other");
        accounts.create("reader@tr.example", "correct horse battery", "Reader", Role.READER);
        for (String role : List.of("admin", "mod", "other", "reader")) {
            ApiClient client = server.client();
            assertThat(client.post("/api/v1/auth/login", Map.of("email", role + "@tr.example",
                    "password", "correct horse battery")).status()).isEqualTo(200);
            clients.put(role, client);
        }
        clients.put("signedOut", server.client());
        assertThat(clients.get("admin").patch("/api/v1/moderation/sites/demo/settings",
                Map.of("bannedWords", List.of("grifter"))).status()).isEqualTo(200);
        ApiClient writer = server.client();
        writer.signUp("writer@tr.example", "Writer");
        Response rejected = writer.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "The new treasurer is a grifter."));
        assertThat(rejected.json().get("status").asText()).as(rejected.toString()).isEqualTo("rejected");
    }

    @ParameterizedTest(name = "{0} reads the report: {1}")
    @CsvSource({"admin, 200", "mod, 200", "other, 403", "reader, 403", "signedOut, 401"})
    void only_the_sites_moderators_and_admins_read_the_report(String role, int status) {
        assertThat(clients.get(role).get("/api/v1/moderation/transparency?site=demo").status()).isEqualTo(status);
    }

    @Test
    void the_report_counts_the_rejection_in_json() {
        Response response = clients.get("mod").get("/api/v1/moderation/transparency?site=demo&from=" + TODAY
                + "&to=" + TODAY);

        assertThat(response.status()).isEqualTo(200);
        var report = response.json().get("report");
        assertThat(report.get("site").asText()).isEqualTo("demo");
        assertThat(report.get("from").asText()).isEqualTo(TODAY);
        assertThat(report.get("actions").get("byType").get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("actions").get("automatedDecision").asLong()).isEqualTo(1);
        assertThat(report.get("notices").get("received").asLong()).isZero();
        assertThat(report.get("appeals").get("received").asLong()).isZero();
    }

    @Test
    void the_report_comes_as_csv_to_download() {
        Response response = clients.get("admin").get("/api/v1/moderation/transparency?site=demo&format=csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("attachment").contains("transparency-demo-");
        assertThat(response.text()).startsWith("section,item,value\n").contains("actions_by_type,rejected,1\n");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "site=nowhere | 404",
            "site=demo&from=yesterday | 400",
            "site=demo&from=2026-12-01&to=2026-11-01 | 400",
            "site=demo&format=pdf | 400",
            "from=2026-11-01 | 400"})
    void bad_questions_get_a_clear_error(String query, int status) {
        Response response = clients.get("admin").get("/api/v1/moderation/transparency?" + query);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isNotBlank();
        assertThat(response.json().get("message").asText()).isNotBlank();
    }
}
