package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.testing.PublisherTokens.claims;
import static org.parley.testing.PublisherTokens.hs256;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.PublisherTokens;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** Publisher sign-in over real HTTP: good tokens sign readers in as linked accounts; every bad one gets a 401. */
class SsoApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String SECRET = "a publisher secret of more than thirty-two characters";
    private static final KeyPair RSA = PublisherTokens.rsaKeys();
    private static ApiClient admin;
    private static ApiClient moderator;

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        SiteStore sites = new SiteStore(jdbi);
        sites.save(new Site("plain", "No SSO", List.of("https://plain.example"), Site.DEFAULT_GUIDELINES),
                Instant.now());
        sites.save(new Site("keyed", "RS256", List.of("https://keyed.example"), Site.DEFAULT_GUIDELINES),
                Instant.now());
        accounts.create("admin@sso.example", "correct horse battery", "Admin", Role.ADMIN);
        new ModeratorAccess(jdbi).assign(
                accounts.create("mod@sso.example", "correct horse battery", "Mod", Role.READER).id(), "demo");
        accounts.create("taken@sso.example", "correct horse battery", "Password Person", Role.READER);
        admin = logIn("admin@sso.example");
        moderator = logIn("mod@sso.example");
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("ssoSecret", SECRET)).status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/moderation/sites/keyed/settings",
                Map.of("ssoPublicKey", PublisherTokens.pem(RSA))).status()).isEqualTo(200);
    }

    private static ApiClient logIn(String email) {
        ApiClient client = server.client();
        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .status()).isEqualTo(200);
        return client;
    }

    private static Response sso(ApiClient client, String site, String token) {
        return client.post("/api/v1/auth/sso", Map.of("site", site, "token", token));
    }

    private static void assertRefused(String site, String token, String messagePart) {
        Response response = sso(server.client(), site, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("sso_invalid");
        assertThat(response.json().get("message").asText()).containsIgnoringCase(messagePart);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void aGoodTokenSignsTheReaderInAsTheLinkedAccount() {
        ApiClient reader = server.client();
        Response response = sso(reader, "demo", hs256(SECRET, claims("pub-1", "Ada Publisher")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode user = response.json().get("user");
        assertThat(user.get("displayName").asText()).isEqualTo("Ada Publisher");
        assertThat(user.get("role").asText()).isEqualTo("reader");
        assertThat(response.json().get("csrf").asText()).isNotBlank();
        assertThat(response.header("Set-Cookie")).contains("parley_session=").contains("HttpOnly");
        assertThat(reader.get("/api/v1/me").json().get("user").get("id").asText()).isEqualTo(user.get("id").asText());
        Response posted = reader.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Posting as the publisher's reader."));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().get("comment").get("author").get("displayName").asText()).isEqualTo("Ada Publisher");
    }

    @Test
    void theNameFollowsTheTokenAndTheSameSubjectIsTheSameAccount() {
        String first = sso(server.client(), "demo", hs256(SECRET, claims("pub-2", "Old Name"))).json()
                .get("user").get("id").asText();
        Response again = sso(server.client(), "demo", hs256(SECRET, claims("pub-2", "New Name")));
        assertThat(again.json().get("user").get("id").asText()).isEqualTo(first);
        assertThat(again.json().get("user").get("displayName").asText()).isEqualTo("New Name");
        String otherSite = sso(server.client(), "keyed", PublisherTokens.rs256(RSA, claims("pub-2", "Elsewhere")))
                .json().get("user").get("id").asText();
        assertThat(otherSite).as("the same sub on another site is another person").isNotEqualTo(first);
    }

    @Test
    void signingInEndsTheBrowsersPreviousSession() {
        ApiClient reader = server.client();
        sso(reader, "demo", hs256(SECRET, claims("pub-3", "Rotating")));
        String before = reader.cookieHeader();
        sso(reader, "demo", hs256(SECRET, claims("pub-3", "Rotating")));
        assertThat(reader.cookieHeader()).isNotEqualTo(before);
        Response old = server.client().send(HttpRequest.newBuilder(reader.uri("/api/v1/me")).header("Cookie", before));
        assertThat(old.status()).isEqualTo(401);
    }

    @Test
    void aTokensEmailNeitherTakesOverAPasswordAccountNorOpensPasswordLogIn() {
        Map<String, Object> claims = claims("pub-4", "Impostor");
        claims.put("email", "taken@sso.example");
        Response response = sso(server.client(), "demo", hs256(SECRET, claims));
        assertThat(response.status()).isEqualTo(200);
        JsonNode user = response.json().get("user");
        assertThat(user.get("email").asText()).isNotEqualTo("taken@sso.example").endsWith("@sso.invalid");
        Response passwordOwner = server.client().post("/api/v1/auth/login",
                Map.of("email", "taken@sso.example", "password", "correct horse battery"));
        assertThat(passwordOwner.json().get("user").get("displayName").asText()).isEqualTo("Password Person");
        assertThat(passwordOwner.json().get("user").get("id").asText()).isNotEqualTo(user.get("id").asText());
        assertThat(server.client().post("/api/v1/auth/login",
                Map.of("email", user.get("email").asText(), "password", "")).status()).isEqualTo(401);
    }

    @Test
    void rs256WorksWithTheConfiguredPublicKeyOnly() {
        assertThat(sso(server.client(), "keyed", PublisherTokens.rs256(RSA, claims("pub-5", "Key User"))).status())
                .isEqualTo(200);
        assertRefused("keyed", PublisherTokens.rs256(PublisherTokens.rsaKeys(), claims("pub-5", "Key User")),
                "signature does not match the site's SSO public key");
        assertRefused("keyed", hs256(SECRET, claims("pub-5", "Key User")), "expects RS256");
        assertRefused("demo", PublisherTokens.rs256(RSA, claims("pub-5", "Key User")), "expects HS256");
    }

    @Test
    void badTokensAreRefusedWithAMessageSayingWhy() {
        long now = Instant.now().getEpochSecond();
        assertRefused("demo", PublisherTokens.unsigned(claims("pub-6", "None")), "alg: none");
        assertRefused("demo", PublisherTokens.signed(JWSAlgorithm.HS512,
                SECRET + SECRET, claims("pub-6", "Other alg")), "signed with HS512");
        assertRefused("demo", hs256("another secret of more than thirty-two characters", claims("pub-6", "Forged")),
                "signature does not match the site's SSO secret");
        assertRefused("demo", "not.a-jwt", "not a JWT");
        Map<String, Object> expired = claims("pub-6", "Late");
        expired.put("exp", now - 120);
        assertRefused("demo", hs256(SECRET, expired), "expired");
        Map<String, Object> early = claims("pub-6", "Early");
        early.put("nbf", now + 300);
        assertRefused("demo", hs256(SECRET, early), "not valid before");
        Map<String, Object> future = claims("pub-6", "Future");
        future.put("iat", now + 300);
        assertRefused("demo", hs256(SECRET, future), "issued in the future");
        for (String claim : List.of("sub", "name", "exp")) {
            Map<String, Object> lacking = claims("pub-6", "Lacking");
            lacking.remove(claim);
            assertRefused("demo", hs256(SECRET, lacking), "lacks the " + claim);
        }
        assertRefused("plain", hs256(SECRET, claims("pub-6", "No SSO")), "has no SSO secret");
        assertThat(sso(server.client(), "nowhere", hs256(SECRET, claims("pub-6", "x"))).status()).isEqualTo(404);
    }

    @Test
    void aMinuteOfClockSkewIsAllowed() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> justExpired = claims("pub-7", "Skewed");
        justExpired.put("exp", now - 20);
        justExpired.put("iat", now + 20);
        assertThat(sso(server.client(), "demo", hs256(SECRET, justExpired)).status()).isEqualTo(200);
    }

    @Test
    void theSecretIsWriteOnlyAndForAdminsOnly() {
        Response settings = moderator.get("/api/v1/moderation/sites/demo/settings");
        assertThat(settings.json().get("sso").asBoolean()).isTrue();
        assertThat(settings.text()).doesNotContain(SECRET).doesNotContain("ssoSecret");
        assertThat(admin.get("/api/v1/moderation/sites/plain/settings").json().get("sso").asBoolean()).isFalse();
        Response byModerator = moderator.patch("/api/v1/moderation/sites/demo/settings",
                Map.of("ssoSecret", "a moderator's secret of thirty-two characters"));
        assertThat(byModerator.status()).isEqualTo(403);
        Response tooShort = admin.patch("/api/v1/moderation/sites/plain/settings",
                Map.of("ssoSecret", "short", "guidelines", "Changed with a bad secret."));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("field").asText()).isEqualTo("ssoSecret");
        assertThat(admin.get("/api/v1/moderation/sites/plain/settings").json().get("guidelines").asText())
                .as("nothing is saved half-way").isEqualTo(Site.DEFAULT_GUIDELINES);
        Response badKey = admin.patch("/api/v1/moderation/sites/plain/settings", Map.of("ssoPublicKey", "not a key"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(sso(server.client(), "demo", hs256(SECRET, claims("pub-8", "Still works"))).status())
                .isEqualTo(200);
    }

    @Test
    void theThreadsAnswerSaysWhetherTheSiteTakesPublisherSignIn() {
        JsonNode demo = server.client()
                .get("/api/v1/threads?site=demo&url=" + ApiClient.encode(server.demoArticleUrl())).json().get("site");
        assertThat(demo.get("sso").asBoolean()).isTrue();
        assertThat(demo.get("guests").asBoolean()).isFalse();
        JsonNode plain = server.client().get("/api/v1/threads?site=plain&url="
                + ApiClient.encode("https://plain.example/a")).json().get("site");
        assertThat(plain.get("sso").asBoolean()).isFalse();
    }
}
