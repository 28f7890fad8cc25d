package org.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.account.SignupMode;

/**
 * The real server sending to a real SMTP server, with an admin signed in: what the mail tests share. Sign-up is
 * instant (version 1), open beside mail by choice, since these tests need readers with a session at once; rate
 * limits are off; the clock ticks and can be moved on (digests and retries wait for it). Register it as a static
 * {@code @RegisterExtension} field.
 */
public final class MailServer implements BeforeAllCallback, AfterAllCallback {

    public static final String PASSWORD = "correct horse battery";
    public static final String ADMIN_EMAIL = "admin@mail.example";

    private final Mailbox mailbox = new Mailbox();
    private final TickingClock clock = new TickingClock();
    private final TestServer server = new TestServer(settings -> settings.withRateLimits(false)
            .withMail(mailbox.settings()).withSignupMode(SignupMode.INSTANT), clock);
    private ApiClient admin;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        mailbox.start();
        server.start();
        account(ADMIN_EMAIL, "Admin", Role.ADMIN);
        admin = signIn(ADMIN_EMAIL);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
        mailbox.close();
    }

    /** An account made directly in the database, with {@link #PASSWORD}. */
    public Account account(String email, String displayName, Role role) {
        return new Accounts(new AccountStore(jdbi()), Clock.systemUTC()).create(email, PASSWORD, displayName, role);
    }

    /** A new client signed in as the account with this address and {@link #PASSWORD}. */
    public ApiClient signIn(String email) {
        ApiClient client = server.client();
        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .as("log-in of " + email).isEqualTo(200);
        return client;
    }

    /** A new reader signed up through the API who opened the verification link (mailed in English). */
    public ApiClient verifiedReader(String email, String name) {
        ApiClient reader = server.client();
        reader.signUp(email, name);
        String link = Mailbox.link(mailbox.awaitSubject(email, "Confirm your e-mail address"),
                "/account/verify?token=");
        assertThat(server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link))).status())
                .isEqualTo(200);
        return reader;
    }

    /** A client signed in as the admin. */
    public ApiClient admin() {
        return admin;
    }

    public ApiClient client() {
        return server.client();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Jdbi jdbi() {
        return server.server().database().jdbi();
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public TickingClock clock() {
        return clock;
    }
}
