package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue "Parley 6", item 3: sign-up (version 2) tells nobody whether an address has an account. Through a real
 * SMTP server, on a server whose sign-up mode is left to auto (so, with mail, confirm): a new address and a taken
 * one get the same 202; the new one gets a link that makes the account usable, the owner of the taken one a mail
 * about the attempt, and nothing else happens. Version 1 is closed in this mode.
 */
class MailedSignupTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Mailbox mailbox = new Mailbox();

    @RegisterExtension
    static final TestServer server = new TestServer(
            settings -> settings.withRateLimits(false).withMail(mailbox.settings()), Clock.systemUTC());

    @BeforeAll
    static void startMail() {
        mailbox.start();
    }

    @AfterAll
    static void stopMail() {
        mailbox.close();
    }

    @Test
    void a_new_address_gets_a_link_that_makes_the_account_usable() {
        Response answer = signUp("newcomer@signup.example", PASSWORD, "Newcomer");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("status").asText()).isEqualTo("check_inbox");
        assertThat(answer.header("Set-Cookie")).as("no session before the link").isNull();

        MimeMessage mail = mailbox.awaitSubject("newcomer@signup.example", "Confirm your e-mail address");
        assertThat(Mailbox.text(mail)).startsWith("Hello Newcomer,");
        Response early = logIn("newcomer@signup.example", PASSWORD);
        assertThat(early.status()).as("log-in before the link").isEqualTo(401);
        assertThat(early.text()).isEqualTo(logIn("newcomer@signup.example", "a wrong password").text());

        String link = Mailbox.link(mail, "/account/verify?token=");
        assertThat(server.client().get(link).status()).isEqualTo(200);
        Response verified = server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link)));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("user").get("emailVerified").asBoolean()).isTrue();

        ApiClient reader = server.client();
        Response loggedIn = reader.post("/api/v1/auth/login",
                Map.of("email", "newcomer@signup.example", "password", PASSWORD));
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.json().get("user").get("displayName").asText()).isEqualTo("Newcomer");
        assertThat(reader.get("/api/v1/me").json().get("user").get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void a_taken_address_gets_the_same_answer_and_its_owner_a_mail_and_nothing_changes() {
        Accounts accounts = accounts();
        accounts.create("owner@signup.example", PASSWORD, "Owner", Role.READER);
        Map<String, Object> before = row("owner@signup.example");
        long accountsBefore = count();

        Response taken = signUp("Owner@signup.example", "another password here", "Impostor");
        Response fresh = signUp("somebody-new@signup.example", "another password here", "Impostor");

        assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(202);
        assertThat(taken.text()).isEqualTo(fresh.text());
        assertThat(taken.header("Content-Type")).isEqualTo(fresh.header("Content-Type"));
        MimeMessage mail = mailbox.awaitSubject("owner@signup.example", "Someone tried to sign up");
        assertThat(Mailbox.text(mail)).startsWith("Hello Owner,").contains("log in with your password");
        assertThat(count()).as("only the new address got an account").isEqualTo(accountsBefore + 1);
        assertThat(row("owner@signup.example")).isEqualTo(before);
        assertThat(logIn("owner@signup.example", "another password here").status()).isEqualTo(401);
        assertThat(logIn("owner@signup.example", PASSWORD).status()).isEqualTo(200);

        String reset = Mailbox.link(mail, "/account/reset?token=");
        assertThat(server.client().post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(reset), "password", "a brand new passphrase")).status()).isEqualTo(204);
        assertThat(logIn("owner@signup.example", "a brand new passphrase").status()).isEqualTo(200);
    }

    /**
     * Someone signs up with an address that is not theirs, then its owner does: no second account, the same answer,
     * and the owner's mail lets them take the account over, which ends the first password.
     */
    @Test
    void a_second_sign_up_for_an_address_still_waiting_creates_nothing_and_lets_the_owner_take_over() {
        Response first = signUp("squatted@signup.example", "the squatter's password", "Squatter");
        mailbox.awaitSubject("squatted@signup.example", "Confirm your e-mail address");
        Response second = signUp("squatted@signup.example", "the owner's own password", "Owner");

        assertThat(second.text()).isEqualTo(first.text());
        long accounts = server.server().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM accounts WHERE email = 'squatted@signup.example'").mapTo(Long.class).one());
        assertThat(accounts).isEqualTo(1L);
        MimeMessage mail = mailbox.awaitSubject("squatted@signup.example", "Someone tried to sign up");
        assertThat(logIn("squatted@signup.example", "the squatter's password").status()).isEqualTo(401);

        String reset = Mailbox.link(mail, "/account/reset?token=");
        assertThat(server.client().post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(reset), "password", "the owner's own password")).status())
                .isEqualTo(204);
        assertThat(logIn("squatted@signup.example", "the owner's own password").status()).isEqualTo(200);
        assertThat(logIn("squatted@signup.example", "the squatter's password").status()).isEqualTo(401);
    }

    @Test
    void bad_input_gets_the_same_400s_as_version_1() {
        Response email = signUp("not an address", PASSWORD, "Reader");
        Response password = signUp("short@signup.example", "short", "Reader");
        Response name = signUp("named@signup.example", PASSWORD, "Ad\u202Emin");

        assertThat(email.status()).isEqualTo(400);
        assertThat(email.json().get("field").asText()).isEqualTo("email");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("field").asText()).isEqualTo("password");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().get("field").asText()).isEqualTo("displayName");
        assertThat(mailbox.to("short@signup.example")).isEmpty();
    }

    @Test
    void the_link_leads_back_to_the_page_of_the_sign_up_when_it_is_on_the_sites_origins() {
        String article = server.demoArticleUrl() + "?story=returning";
        Map<String, Object> body = new HashMap<>(Map.of("email", "returning@signup.example", "password", PASSWORD,
                "displayName", "Returning", "site", "demo", "returnUrl", article));
        assertThat(server.client().post("/api/v2/auth/signup", body).status()).isEqualTo(202);
        String link = Mailbox.link(mailbox.awaitSubject("returning@signup.example", "Confirm"),
                "/account/verify?token=");
        JsonNode verified = server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link))).json();
        assertThat(verified.get("returnUrl").asText()).isEqualTo(article);

        body.put("email", "elsewhere@signup.example");
        body.put("returnUrl", "https://attacker.example/phish");
        Response elsewhere = server.client().post("/api/v2/auth/signup", body);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("field").asText()).isEqualTo("returnUrl");
    }

    @Test
    void version_1_is_closed_and_the_widget_is_told_to_sign_up_by_mail() {
        Response v1 = server.client().post("/api/v1/auth/signup",
                Map.of("email", "instant@signup.example", "password", PASSWORD, "displayName", "Instant"));
        assertThat(v1.status()).isEqualTo(403);
        assertThat(v1.json().get("error").asText()).isEqualTo("signup_confirm_by_mail");
        assertThat(v1.json().get("message").asText()).contains("/api/v2/auth/signup");
        assertThat(accounts().findByEmail("instant@signup.example")).isEmpty();

        JsonNode site = server.client().get("/api/v1/threads?site=demo&url="
                + ApiClient.encode(server.demoArticleUrl())).json().get("site");
        assertThat(site.get("mail").asBoolean()).isTrue();
        assertThat(site.get("signup").asText()).isEqualTo("confirm");
    }

    @Test
    void the_mail_speaks_the_language_of_the_site_signed_up_on() {
        new SiteStore(server.server().database().jdbi()).save(new Site("gazete", "Gazete",
                List.of("https://gazete.example"), "Farklı görüşlere saygı gösterin.", "tr"), Instant.now());
        Response answer = server.client().post("/api/v2/auth/signup", Map.of("email", "okur@signup.example",
                "password", PASSWORD, "displayName", "Okur", "site", "gazete"));
        assertThat(answer.status()).isEqualTo(202);
        MimeMessage mail = mailbox.awaitSubject("okur@signup.example", "E-posta adresinizi doğrulayın");
        assertThat(Mailbox.link(mail, "/account/verify?token=")).isNotBlank();
    }

    private static Response signUp(String email, String password, String displayName) {
        return server.client().post("/api/v2/auth/signup",
                Map.of("email", email, "password", password, "displayName", displayName));
    }

    private static Response logIn(String email, String password) {
        return server.client().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    private static long count() {
        return server.server().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
    }

    /** Everything stored about an account, to see that nothing changed. */
    private static Map<String, Object> row(String email) {
        return server.server().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT * FROM accounts WHERE email = :email").bind("email", email).mapToMap().one());
    }

    private static Accounts accounts() {
        return new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC());
    }
}
