package org.parley.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.problem.Problem;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** Addresses of disposable mail services are refused at sign-up and for guest comments; the list can be replaced. */
class DisposableDomainsTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @TempDir
    Path folder;

    @Test
    void the_shipped_list_covers_known_services_and_their_subdomains_but_not_ordinary_mail() {
        DisposableDomains shipped = DisposableDomains.shipped();

        assertThat(shipped.size()).isGreaterThan(5_000);
        assertThat(shipped.isDisposable("someone@mailinator.com")).isTrue();
        assertThat(shipped.isDisposable("someone@eu.mailinator.com")).isTrue();
        assertThat(shipped.isDisposable("someone@gmail.com")).isFalse();
        assertThat(shipped.isDisposable("someone@mailinator.com.example.org")).isFalse();
        assertThatThrownBy(() -> shipped.check("someone@mailinator.com")).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.code()).isEqualTo("disposable_email"));
    }

    @Test
    void an_operators_file_replaces_the_list_with_comments_and_blank_lines_ignored() throws Exception {
        Path file = folder.resolve("domains.txt");
        Files.writeString(file, "# our own list\n\nthrowaway.example\n  Burner.Example  \n");

        DisposableDomains own = DisposableDomains.fromFile(file);

        assertThat(own.size()).isEqualTo(2);
        assertThat(own.isDisposable("a@throwaway.example")).isTrue();
        assertThat(own.isDisposable("a@mx.burner.example")).isTrue();
        assertThat(own.isDisposable("a@mailinator.com")).as("the shipped list is replaced").isFalse();
    }

    @Test
    void a_sign_up_or_a_guest_comment_from_a_disposable_address_is_refused_and_nothing_is_stored() {
        Response signup = server.client().post("/api/v1/auth/signup", Map.of("email", "quick@Mailinator.com",
                "password", "correct horse battery", "displayName", "Quick"));
        assertThat(signup.status()).isEqualTo(422);
        assertThat(signup.json().get("error").asText()).isEqualTo("disposable_email");
        assertThat(signup.json().get("message").asText()).contains("disposable");

        ApiClient admin = server.client();
        admin.signUp("editor@news.example", "Editor");
        server.server().database().jdbi().useHandle(handle -> handle.execute(
                "UPDATE accounts SET role = 'admin' WHERE email = 'editor@news.example'"));
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("guestComments", "published"))
                .status()).isEqualTo(200);
        Response guest = server.client().post("/api/v1/comments", Map.of("site", "demo",
                "url", server.demoArticleUrl(), "body", "A word from a passer-by.",
                "guest", Map.of("name", "Passer-by", "email", "passer@guerrillamail.com")));
        assertThat(guest.status()).as(guest.text()).isEqualTo(422);
        assertThat(guest.json().get("error").asText()).isEqualTo("disposable_email");

        long stored = server.server().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM accounts WHERE email LIKE '%mailinator.com%' OR email LIKE '%guerrillamail%'")
                .mapTo(Long.class).one());
        assertThat(stored).isZero();
    }
}
