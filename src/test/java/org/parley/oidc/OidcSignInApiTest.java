package org.parley.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.OidcProvider;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Sign-in with an OpenID provider over real HTTP, against a real provider on loopback ({@link OidcProvider}):
 * the whole flow from the start to a comment, every way the callback refuses (a forged or replayed state, a
 * replayed code, a wrong audience, an expired token, a bad signature, another browser), linking only after the
 * account's owner signs in, and the site's providers as admins set them, the secret never shown.
 */
class OidcSignInApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @RegisterExtension
    static final OidcProvider provider = new OidcProvider("parley-demo", "the provider's secret for the demo site");

    private static final AtomicInteger READERS = new AtomicInteger();
    private static ApiClient admin;
    private static ApiClient moderator;

    @BeforeAll
    static void setUp() {
        var jdbi = server.server().database().jdbi();
        Accounts accounts = new Accounts(new AccountStore(jdbi), Clock.systemUTC());
        accounts.create("admin@oidc.example", "correct horse battery", "Admin", Role.ADMIN);
        new ModeratorAccess(jdbi).assign(
                accounts.create("mod@oidc.example", "correct horse battery", "Mod", Role.READER).id(), "demo");
        admin = logIn("admin@oidc.example");
        moderator = logIn("mod@oidc.example");
        Response set = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("oidc", Map.of("test",
                Map.of("issuer", provider.issuer(), "clientId", provider.clientId(),
                        "clientSecret", provider.clientSecret()))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    @AfterEach
    void behave() {
        provider.behave();
    }

    private static ApiClient logIn(String email) {
        ApiClient client = server.client();
        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .status()).isEqualTo(200);
        return client;
    }

    /** A new provider user, so that tests do not share identities. */
    private static OidcProvider.User newUser(String name) {
        OidcProvider.User user = new OidcProvider.User("sub-" + READERS.incrementAndGet(), name,
                "reader" + READERS.get() + "@example.org", true);
        provider.signInAs(user);
        return user;
    }

    private static String startPath() {
        return "/api/v1/auth/oidc/test/start?site=demo&returnUrl=" + ApiClient.encode(server.demoArticleUrl());
    }

    /** Follows a redirect in the client's browser (its cookies), wherever it leads. */
    private static Response follow(ApiClient browser, Response redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isIn(302, 303);
        return browser.send(HttpRequest.newBuilder(URI.create(redirect.header("Location"))).GET());
    }

    /** Starts a sign-in and lets the provider approve it: the provider's redirect to Parley's callback. */
    private static Response toCallback(ApiClient browser) {
        return follow(browser, browser.get(startPath()));
    }

    private static Response signIn(ApiClient browser) {
        return follow(browser, toCallback(browser));
    }

    private static void assertSignedOut(ApiClient browser) {
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    private static void assertRefused(Response callback, int status, String code) {
        assertThat(callback.status()).as(callback.toString()).isEqualTo(status);
        assertThat(callback.text()).contains("data-error=\"" + code + "\"").contains("Sign-in failed");
        assertThat(callback.headers().getOrDefault("Set-Cookie", java.util.List.of()))
                .noneMatch(cookie -> cookie.startsWith("parley_session="));
    }

    @Test
    void aReaderSignsInWithTheProviderComesBackToTheArticleAndPosts() {
        newUser("Ada Reader");
        ApiClient reader = server.client();
        Response start = reader.get(startPath());
        assertThat(start.status()).isEqualTo(302);
        URI toProvider = URI.create(start.header("Location"));
        assertThat(toProvider.toString()).startsWith(provider.issuer() + "/authorize?")
                .contains("code_challenge_method=S256").contains("nonce=").contains("state=")
                .contains("redirect_uri=" + ApiClient.encode(server.baseUrl() + "/api/v1/auth/oidc/callback"));

        Response back = signIn(reader);

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).isEqualTo(server.demoArticleUrl());
        assertThat(back.header("Set-Cookie")).contains("parley_session=").contains("HttpOnly");
        JsonNode me = reader.get("/api/v1/me").json().get("user");
        assertThat(me.get("displayName").asText()).isEqualTo("Ada Reader");
        assertThat(me.get("email").asText()).endsWith("@oidc.invalid");
        Response posted = reader.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Signed in with my provider, and posting at once."));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode identities = reader.get("/api/v1/me/identities").json().get("identities");
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).get("provider").asText()).isEqualTo("test");
        assertThat(identities.get(0).get("issuer").asText()).isEqualTo(provider.issuer());
        assertThat(identities.get(0).get("email").asText()).isEqualTo("reader" + READERS.get() + "@example.org");
    }

    @Test
    void theSameIdentityIsTheSameAccountAndAnUnverifiedEmailIsNotKept() {
        OidcProvider.User user = newUser("Unverified");
        provider.signInAs(new OidcProvider.User(user.subject(), user.name(), user.email(), false));
        ApiClient first = server.client();
        signIn(first);
        ApiClient second = server.client();
        signIn(second);
        assertThat(second.get("/api/v1/me").json().get("user").get("id").asText())
                .isEqualTo(first.get("/api/v1/me").json().get("user").get("id").asText());
        assertThat(first.get("/api/v1/me/identities").json().get("identities").get(0).get("email").isNull()).isTrue();
    }

    @Test
    void theCallbackTakesAFormPostAsAppleSendsItWithTheNameBesideTheToken() {
        provider.signInAs(new OidcProvider.User("sub-posted-" + READERS.incrementAndGet(), null, null, false));
        ApiClient reader = server.client();
        URI callback = URI.create(toCallback(reader).header("Location"));
        String form = callback.getRawQuery() + "&user="
                + ApiClient.encode("{\"name\": {\"firstName\": \"Posted\", \"lastName\": \"Reader\"}}");
        Response back = reader.send(HttpRequest.newBuilder(server.client().uri("/api/v1/auth/oidc/callback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(back.status()).as(back.toString()).isEqualTo(303);
        assertThat(back.header("Location")).isEqualTo(server.demoArticleUrl());
        assertThat(reader.get("/api/v1/me").json().get("user").get("displayName").asText()).isEqualTo("Posted Reader");
    }

    @Test
    void aForgedStateIsRefusedAndNobodyIsSignedIn() {
        newUser("Forger's victim");
        ApiClient reader = server.client();
        Response callback = toCallback(reader);
        String forged = callback.header("Location").replaceAll("state=[^&]+", "state=forged-state-value");
        assertRefused(reader.send(HttpRequest.newBuilder(URI.create(forged)).GET()), 400, "oidc_state");
        assertRefused(reader.send(HttpRequest.newBuilder(URI.create(
                server.baseUrl() + "/api/v1/auth/oidc/callback?code=abc")).GET()), 400, "oidc_state");
        assertSignedOut(reader);
    }

    @Test
    void aStateIsUsedOnceAndOnlyInTheBrowserThatBeganIt() {
        newUser("Once Only");
        ApiClient reader = server.client();
        Response callback = toCallback(reader);
        ApiClient attacker = server.client();
        assertRefused(follow(attacker, callback), 400, "oidc_state"); // another browser: no cookie of this sign-in
        assertSignedOut(attacker);
        assertRefused(follow(reader, callback), 400, "oidc_state"); // the state was spent by that attempt
        assertSignedOut(reader);

        Response fresh = toCallback(reader);
        assertThat(follow(reader, fresh).status()).isEqualTo(302);
        assertThat(reader.get("/api/v1/me").status()).isEqualTo(200);
        assertRefused(follow(server.client(), fresh), 400, "oidc_state"); // replayed after it worked
    }

    @Test
    void aReplayedCodeIsRefusedByTheProviderAndNobodyIsSignedIn() {
        newUser("Replayed");
        ApiClient reader = server.client();
        String used = toCallback(reader).header("Location");
        assertThat(reader.send(HttpRequest.newBuilder(URI.create(used)).GET()).status()).isEqualTo(302);
        String code = URI.create(used).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        ApiClient other = server.client();
        String fresh = toCallback(other).header("Location");
        String replay = fresh.replaceAll("code=[^&]+", "code=" + code);
        int issued = provider.tokensIssued();
        assertRefused(other.send(HttpRequest.newBuilder(URI.create(replay)).GET()), 401, "oidc_token");
        assertThat(provider.tokensIssued()).isEqualTo(issued);
        assertSignedOut(other);
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        newUser("Wrong Audience");
        provider.audience("some-other-client");
        ApiClient reader = server.client();
        assertRefused(signIn(reader), 401, "oidc_id_token");
        assertSignedOut(reader);
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        newUser("Expired");
        provider.lifetime(Duration.ofMinutes(-10));
        ApiClient reader = server.client();
        Response refused = signIn(reader);
        assertRefused(refused, 401, "oidc_id_token");
        assertThat(refused.text()).containsIgnoringCase("expired");
        assertSignedOut(reader);
    }

    @Test
    void anIdTokenWithABadSignatureIsRefused() {
        newUser("Bad Signature");
        provider.signWithOtherKey(true);
        ApiClient reader = server.client();
        assertRefused(signIn(reader), 401, "oidc_id_token");
        assertSignedOut(reader);
    }

    @Test
    void anEmailAloneNeverLinksAnExistingAccount() {
        ApiClient owner = server.client();
        String ownerId = owner.signUp("same.address@example.org", "Password Owner").get("id").asText();
        provider.signInAs(new OidcProvider.User("sub-same-address", "Someone", "same.address@example.org", true));
        ApiClient reader = server.client();
        signIn(reader);
        assertThat(reader.get("/api/v1/me").json().get("user").get("id").asText()).isNotEqualTo(ownerId);
        assertThat(owner.get("/api/v1/me/identities").json().get("identities")).isEmpty();
    }

    @Test
    void aSignedInReaderLinksAnIdentityAfterProvingTheAccountAndThenSignsInWithIt() {
        ApiClient owner = server.client();
        String ownerId = owner.signUp("linker@example.org", "Linker").get("id").asText();
        newUser("Linker at the provider");
        Response linking = owner.post("/api/v1/me/identities/test", Map.of("site", "demo",
                "returnUrl", server.demoArticleUrl()));
        assertThat(linking.status()).as(linking.toString()).isEqualTo(200);
        Response toProvider = owner.send(HttpRequest.newBuilder(URI.create(linking.json().get("location").asText()))
                .GET());
        Response back = follow(owner, toProvider);
        assertThat(back.status()).isEqualTo(302); // the callback's own redirect, not yet followed
        assertThat(back.header("Location")).isEqualTo(server.demoArticleUrl());
        assertThat(owner.get("/api/v1/me").json().get("user").get("id").asText()).isEqualTo(ownerId);
        assertThat(owner.get("/api/v1/me/identities").json().get("identities")).hasSize(1);

        ApiClient elsewhere = server.client();
        signIn(elsewhere);
        assertThat(elsewhere.get("/api/v1/me").json().get("user").get("id").asText()).isEqualTo(ownerId);
    }

    @Test
    void linkingNeedsTheSameAccountSignedInAtTheEndAndRefusesAnIdentityOfAnotherAccount() {
        ApiClient owner = server.client();
        owner.signUp("leaver@example.org", "Leaver");
        newUser("Leaver at the provider");
        Response linking = owner.post("/api/v1/me/identities/test", Map.of("site", "demo",
                "returnUrl", server.demoArticleUrl()));
        Response callback = owner.send(HttpRequest.newBuilder(URI.create(linking.json().get("location").asText()))
                .GET());
        assertThat(owner.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        assertRefused(follow(owner, callback), 403, "oidc_link");

        ApiClient taken = server.client();
        signIn(taken); // the identity now has an account of its own
        ApiClient other = server.client();
        other.signUp("other.linker@example.org", "Other Linker");
        Response second = other.post("/api/v1/me/identities/test", Map.of("site", "demo",
                "returnUrl", server.demoArticleUrl()));
        Response refused = follow(other, other.send(HttpRequest.newBuilder(
                URI.create(second.json().get("location").asText())).GET()));
        assertRefused(refused, 409, "identity_taken");
        assertThat(refused.text()).contains("href=\"" + server.demoArticleUrl() + "\"");
        assertThat(owner.post("/api/v1/me/identities/test", Map.of("site", "demo",
                "returnUrl", server.demoArticleUrl())).status()).isEqualTo(401);
    }

    @Test
    void theStartChecksTheSiteTheProviderAndTheReturnAddress() {
        ApiClient reader = server.client();
        assertThat(reader.get("/api/v1/auth/oidc/absent/start?site=demo&returnUrl="
                + ApiClient.encode(server.demoArticleUrl())).status()).isEqualTo(404);
        assertThat(reader.get("/api/v1/auth/oidc/test/start?site=demo&returnUrl="
                + ApiClient.encode("https://elsewhere.example/phish")).json().get("error").asText())
                .isEqualTo("invalid_returnUrl");
        assertThat(reader.get("/api/v1/auth/oidc/test/start?site=nowhere&returnUrl="
                + ApiClient.encode(server.demoArticleUrl())).status()).isEqualTo(404);
        assertThat(reader.get("/api/v1/auth/oidc/Bad_Name/start?site=demo&returnUrl="
                + ApiClient.encode(server.demoArticleUrl())).status()).isEqualTo(400);
    }

    @Test
    void adminsSetProvidersTheSecretIsNeverShownAndTheWidgetLearnsTheNames() {
        Response settings = moderator.get("/api/v1/moderation/sites/demo/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.text()).doesNotContain(provider.clientSecret());
        JsonNode test = settings.json().get("oidc").get(0);
        assertThat(test.get("provider").asText()).isEqualTo("test");
        assertThat(test.get("clientId").asText()).isEqualTo(provider.clientId());
        assertThat(test.get("secretSet").asBoolean()).isTrue();
        assertThat(settings.json().get("oidcRedirectUri").asText())
                .isEqualTo(server.baseUrl() + "/api/v1/auth/oidc/callback");

        Response byModerator = moderator.patch("/api/v1/moderation/sites/demo/settings",
                Map.of("oidc", Map.of("google", Map.of("clientId", "x", "clientSecret", "y"))));
        assertThat(byModerator.status()).isEqualTo(403);
        Response noSecret = admin.patch("/api/v1/moderation/sites/demo/settings",
                Map.of("oidc", Map.of("google", Map.of("clientId", "google-client"))));
        assertThat(noSecret.json().get("error").asText()).isEqualTo("invalid_clientSecret");
        Response google = admin.patch("/api/v1/moderation/sites/demo/settings",
                Map.of("oidc", Map.of("google", Map.of("clientId", "google-client", "clientSecret", "g-secret"))));
        assertThat(google.status()).as(google.toString()).isEqualTo(200);
        assertThat(google.text()).doesNotContain("g-secret").contains("https://accounts.google.com");
        JsonNode allowed = server.client().get("/api/v1/threads?site=demo&url="
                + ApiClient.encode(server.demoArticleUrl())).json().get("site").get("oidc");
        assertThat(allowed.toString()).contains("test").contains("google");

        java.util.Map<String, Object> removal = new java.util.HashMap<>();
        removal.put("google", null);
        Response removed = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("oidc", removal));
        assertThat(removed.json().get("oidc")).hasSize(1);
    }

    @Test
    void theExportCarriesTheIdentitiesAndDeletingTheAccountForgetsThem() {
        newUser("Leaving Reader");
        ApiClient reader = server.client();
        signIn(reader);
        String id = reader.get("/api/v1/me").json().get("user").get("id").asText();
        assertThat(reader.get("/api/v1/me/export").json().get("identities").get(0).get("issuer").asText())
                .isEqualTo(provider.issuer());
        assertThat(reader.delete("/api/v1/me").status()).isEqualTo(204);

        ApiClient again = server.client();
        signIn(again);
        assertThat(again.get("/api/v1/me").json().get("user").get("id").asText()).isNotEqualTo(id);
    }
}
